package app.rapport.identity.web;

import java.util.ArrayList;
import java.util.List;

/** What the admin's user forms send; values stay strings until the service checks them. */
public class UserForm {

	private String email;

	private String displayName;

	private String role = "AGENT";

	private String language = "en";

	private String timeZone = "UTC";

	private List<String> spokenLanguages = new ArrayList<>();

	private List<Long> groupIds = new ArrayList<>();

	private boolean active = true;

	private String password;

	/** E-mail the new user a link to choose their password instead of setting one here. */
	private boolean invite;

	private Long version;

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getRole() {
		return role;
	}

	public void setRole(String role) {
		this.role = role;
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public List<String> getSpokenLanguages() {
		return spokenLanguages;
	}

	public void setSpokenLanguages(List<String> spokenLanguages) {
		this.spokenLanguages = spokenLanguages == null ? new ArrayList<>() : spokenLanguages;
	}

	public List<Long> getGroupIds() {
		return groupIds;
	}

	public void setGroupIds(List<Long> groupIds) {
		this.groupIds = groupIds == null ? new ArrayList<>() : groupIds;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public boolean isInvite() {
		return invite;
	}

	public void setInvite(boolean invite) {
		this.invite = invite;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}

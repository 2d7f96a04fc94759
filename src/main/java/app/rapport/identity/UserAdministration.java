package app.rapport.identity;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;
import app.rapport.shared.web.Languages;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes users and groups; checks every value before anything is written. */
@Service
@Transactional
public class UserAdministration {

	private final UserRepository users;

	private final AgentGroupRepository groups;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	UserAdministration(UserRepository users, AgentGroupRepository groups, PasswordEncoder passwordEncoder, Clock clock) {
		this.users = users;
		this.groups = groups;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/** Creates a user with the given password (checked against {@link Passwords#weakness}). */
	public UserSummary createUser(String email, String displayName, Role role, String language, String timeZone,
			String password) {
		String normalizedEmail = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
		if (!normalizedEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new InvalidInputException("email", "is not a valid e-mail address");
		}
		if (displayName == null || displayName.isBlank()) {
			throw new InvalidInputException("displayName", "must not be blank");
		}
		if (role == null) {
			throw new InvalidInputException("role", "is required");
		}
		checkLanguage(language);
		checkZone(timeZone);
		String weakness = Passwords.weakness(password);
		if (weakness != null) {
			throw new InvalidInputException("password", weakness);
		}
		if (users.findByEmailIgnoreCase(normalizedEmail).isPresent()) {
			throw new ConflictException("A user with e-mail " + normalizedEmail + " already exists.");
		}
		User user = new User(normalizedEmail, displayName.trim(), role, language, timeZone, clock.instant());
		user.setPasswordHash(passwordEncoder.encode(password));
		return UserSummary.of(users.save(user));
	}

	public void updateUser(long userId, String displayName, Role role, boolean active, Set<String> spokenLanguages) {
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		if (displayName == null || displayName.isBlank()) {
			throw new InvalidInputException("displayName", "must not be blank");
		}
		spokenLanguages.forEach(this::checkLanguage);
		user.setDisplayName(displayName.trim());
		user.setRole(role);
		user.setActive(active);
		user.getSpokenLanguages().clear();
		user.getSpokenLanguages().addAll(spokenLanguages);
	}

	public void changePassword(long userId, String newPassword) {
		String weakness = Passwords.weakness(newPassword);
		if (weakness != null) {
			throw new InvalidInputException("password", weakness);
		}
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		user.setPasswordHash(passwordEncoder.encode(newPassword));
	}

	/** Saves the user's language and time zone (their profile). */
	public void updatePreferences(long userId, String language, String timeZone) {
		checkLanguage(language);
		checkZone(timeZone);
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		user.setLanguage(language);
		user.setTimeZone(timeZone);
	}

	public GroupSummary createGroup(String name, AssignmentMode mode) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "must not be blank");
		}
		if (groups.findByNameIgnoreCase(name.trim()).isPresent()) {
			throw new ConflictException("A group named " + name.trim() + " already exists.");
		}
		return GroupSummary.of(groups.save(new AgentGroup(name.trim(), mode == null ? AssignmentMode.MANUAL : mode,
				clock.instant())));
	}

	public void updateGroup(long groupId, String name, AssignmentMode mode) {
		AgentGroup group = groups.findById(groupId).orElseThrow(() -> new NotFoundException("Group " + groupId));
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "must not be blank");
		}
		group.setName(name.trim());
		group.setAssignmentMode(mode);
	}

	/** Replaces the groups a user belongs to. */
	public void setGroups(long userId, Collection<Long> groupIds) {
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		for (Long gid : groupIds) {
			if (!groups.existsById(gid)) {
				throw new InvalidInputException("groupIds", "group " + gid + " does not exist");
			}
		}
		user.getGroupIds().clear();
		user.getGroupIds().addAll(groupIds);
	}

	private void checkLanguage(String language) {
		if (!Languages.isSupported(language)) {
			throw new InvalidInputException("language", "must be one of " + Languages.TAGS);
		}
	}

	private void checkZone(String timeZone) {
		try {
			ZoneId.of(timeZone);
		}
		catch (DateTimeException | NullPointerException ex) {
			throw new InvalidInputException("timeZone", "is not a known time zone");
		}
	}

}

package app.rapport.identity;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import app.rapport.audit.AuditTrail;
import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;
import app.rapport.shared.web.Languages;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes users and groups; checks every value before anything is written and records
 * each change of role, state, groups and members in the audit trail (entity types "user" and "group").
 */
@Service
@Transactional
@org.springframework.modulith.NamedInterface("api")
public class UserAdministration {

	/** Entity type names in the audit trail. */
	public static final String AUDIT_USER = "user", AUDIT_GROUP = "group";

	private final UserRepository users;

	private final AgentGroupRepository groups;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final Clock clock;

	private final PasswordLinkRepository links;

	private final ApplicationEventPublisher events;

	UserAdministration(UserRepository users, AgentGroupRepository groups, PasswordEncoder passwordEncoder,
			AuditTrail audit, Clock clock, PasswordLinkRepository links, ApplicationEventPublisher events) {
		this.links = links;
		this.events = events;
		this.users = users;
		this.groups = groups;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an admin fills in for a new user; {@code spokenLanguages} and {@code groupIds} may be empty. */
	public record NewUser(String email, String displayName, Role role, String language, String timeZone,
			Set<String> spokenLanguages, Set<Long> groupIds) {
	}

	/** The changeable parts of a user, as the admin's edit form sends them. */
	public record UserChanges(String displayName, Role role, boolean active, Set<String> spokenLanguages,
			Set<Long> groupIds) {
	}

	/** Creates a user with the given password (checked against {@link Passwords#weakness}). */
	public UserSummary createUser(String email, String displayName, Role role, String language, String timeZone,
			String password) {
		return createUser(new NewUser(email, displayName, role, language, timeZone, Set.of(), Set.of()), password, null);
	}

	/**
	 * Creates a user; every field is checked first and all problems are reported at once.
	 * @param password the user's password, checked against {@link Passwords#check}; {@code null} to e-mail the
	 * user a one-time link with which they choose one (see {@link PasswordLinkIssued})
	 * @param actorUserId the admin who creates the user, {@code null} for the system
	 * @throws EmailTakenException when everything else is right but the e-mail belongs to another user
	 */
	public UserSummary createUser(NewUser request, String password, Long actorUserId) {
		String email = request.email() == null ? "" : request.email().trim().toLowerCase(Locale.ROOT);
		Map<String, String> errors = new LinkedHashMap<>();
		if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
			errors.put("email", "is not a valid e-mail address");
		}
		checkDisplayName(request.displayName(), errors);
		if (request.role() == null) {
			errors.put("role", "is required");
		}
		if (!Languages.isSupported(request.language())) {
			errors.put("language", "must be one of " + Languages.TAGS);
		}
		if (!isZone(request.timeZone())) {
			errors.put("timeZone", "is not a known time zone");
		}
		checkSpokenLanguages(request.spokenLanguages(), errors);
		checkGroups(request.groupIds(), errors);
		if (password != null) {
			Passwords.check(password).ifPresent(w -> errors.put("password", w.reason()));
		}
		boolean taken = !errors.containsKey("email") && users.findByEmailIgnoreCase(email).isPresent();
		if (taken && !errors.isEmpty()) {
			errors.put("email", "is already in use");
		}
		throwIfAny(errors);
		if (taken) {
			throw new EmailTakenException(email);
		}
		User user = new User(email, request.displayName().trim(), request.role(), request.language(),
				request.timeZone(), clock.instant());
		user.getSpokenLanguages().addAll(request.spokenLanguages());
		user.getGroupIds().addAll(request.groupIds());
		if (password != null) {
			user.setPasswordHash(passwordEncoder.encode(password));
		}
		User saved = users.save(user);
		audit.record(AUDIT_USER, saved.getId(), "email", null, saved.getEmail(), actorUserId);
		audit.record(AUDIT_USER, saved.getId(), "role", null, saved.getRole(), actorUserId);
		audit.record(AUDIT_USER, saved.getId(), "groups", null, groupNames(saved.getGroupIds()), actorUserId);
		if (password == null) {
			issuePasswordLink(saved, true, actorUserId);
		}
		return UserSummary.of(saved);
	}

	/** What an admin or a provisioning script changes of a user; a {@code null} field stays as it is. */
	public record UserPatch(String displayName, Role role, Boolean active, Set<String> spokenLanguages,
			Set<Long> groupIds, String language, String timeZone, String password) {
	}

	/**
	 * Changes only the given fields of a user, all checked first so that a refused change writes nothing.
	 * @param expectedVersion the version the change is based on; {@code null} skips the check
	 * @throws ConflictException when someone else changed the user in the meantime
	 */
	public UserSummary patchUser(long userId, UserPatch patch, Long expectedVersion, Long actorUserId) {
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		Map<String, String> errors = new LinkedHashMap<>();
		if (patch.language() != null && !Languages.isSupported(patch.language())) {
			errors.put("language", "must be one of " + Languages.TAGS);
		}
		if (patch.timeZone() != null && !isZone(patch.timeZone())) {
			errors.put("timeZone", "is not a known time zone");
		}
		if (patch.password() != null) {
			Passwords.check(patch.password()).ifPresent(w -> errors.put("password", w.reason()));
		}
		UserChanges changes = new UserChanges(
				patch.displayName() != null ? patch.displayName() : user.getDisplayName(),
				patch.role() != null ? patch.role() : user.getRole(),
				patch.active() != null ? patch.active() : user.isActive(),
				patch.spokenLanguages() != null ? patch.spokenLanguages() : Set.copyOf(user.getSpokenLanguages()),
				patch.groupIds() != null ? patch.groupIds() : Set.copyOf(user.getGroupIds()));
		checkVersion(user, expectedVersion);
		errors.putAll(problems(user, changes));
		throwIfAny(errors);
		apply(user, changes, actorUserId);
		if (patch.language() != null || patch.timeZone() != null) {
			String language = patch.language() != null ? patch.language() : user.getLanguage();
			String zone = patch.timeZone() != null ? patch.timeZone() : user.getTimeZone();
			audit.record(AUDIT_USER, userId, "language", user.getLanguage(), language, actorUserId);
			audit.record(AUDIT_USER, userId, "timeZone", user.getTimeZone(), zone, actorUserId);
			user.setLanguage(language);
			user.setTimeZone(zone);
		}
		if (patch.password() != null) {
			user.setPasswordHash(passwordEncoder.encode(patch.password()));
			user.recordSuccessfulSignIn();
			audit.record(AUDIT_USER, userId, "password", null, "set", actorUserId);
		}
		users.flush();
		return UserSummary.of(user);
	}

	/**
	 * Mails the user a new one-time link to choose their password (older unused links stop working); their
	 * current password keeps working until they use it.
	 */
	public void sendPasswordLink(long userId, Long actorUserId) {
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		if (!user.isActive()) {
			throw new InvalidInputException("active", "the user is deactivated; activate them first");
		}
		issuePasswordLink(user, false, actorUserId);
	}

	/** Whether the link's secret is one that can still set a password. */
	@Transactional(readOnly = true)
	public boolean isPasswordLinkUsable(String secret) {
		return usableLink(secret).isPresent();
	}

	/**
	 * Sets the password of the link's user, once: the link stops working, every session of the user ends, and a
	 * sign-in lock is lifted.
	 * @return the user's e-mail, to prefill the sign-in form
	 * @throws NotFoundException when the link is unknown, used, replaced or expired
	 */
	public String setPasswordWithLink(String secret, String newPassword, String confirmation) {
		PasswordLink link = usableLink(secret).orElseThrow(() -> new NotFoundException("Password link"));
		Map<String, String> errors = new LinkedHashMap<>();
		Passwords.check(newPassword).ifPresent(w -> errors.put("newPassword", w.reason()));
		if (!errors.containsKey("newPassword") && !newPassword.equals(confirmation)) {
			errors.put("confirmation", "does not match the new password");
		}
		throwIfAny(errors);
		User user = users.findById(link.getUserId()).orElseThrow(() -> new NotFoundException("Password link"));
		Instant now = clock.instant();
		links.spendAllOf(user.getId(), now);
		user.setPasswordHash(passwordEncoder.encode(newPassword));
		user.recordSuccessfulSignIn();
		audit.record(AUDIT_USER, user.getId(), "password", null, "set with a link", user.getId());
		return user.getEmail();
	}

	private java.util.Optional<PasswordLink> usableLink(String secret) {
		if (secret == null || !secret.startsWith("rpl_") || secret.length() > 100) {
			return java.util.Optional.empty();
		}
		Instant now = clock.instant();
		return links.findByTokenHash(ApiTokenService.hash(secret))
			.filter(l -> l.isUsableAt(now))
			.filter(l -> users.findById(l.getUserId()).map(User::isActive).orElse(false));
	}

	private void issuePasswordLink(User user, boolean invitation, Long actorUserId) {
		Instant now = clock.instant();
		links.spendAllOf(user.getId(), now);
		// The link's secret is made only when its mail is written (mintPasswordLink): no event, log or table
		// ever holds it. Until then the stored hash is of a secret nobody knows.
		PasswordLink link = links.save(new PasswordLink(user.getId(), ApiTokenService.hash(Passwords.secret()), now,
				now.plus(PASSWORD_LINK_LIFETIME)));
		audit.record(AUDIT_USER, user.getId(), "passwordLink", null, invitation ? "invitation sent" : "link sent",
				actorUserId);
		events.publishEvent(new PasswordLinkIssued(link.getId(), user.getId(), invitation));
	}

	/**
	 * Gives the link a new secret and says what its mail must hold, joining the mailer's transaction: the
	 * secret takes effect only if that transaction commits, and a mail sent again (after a failure) carries
	 * a new secret that replaces the earlier one. Empty when the link was used, replaced or has expired, or
	 * the user was deactivated.
	 */
	@Transactional
	public java.util.Optional<PasswordLinkMail> mintPasswordLink(long linkId) {
		Instant now = clock.instant();
		PasswordLink link = links.findById(linkId).filter(l -> l.isUsableAt(now)).orElse(null);
		if (link == null) {
			return java.util.Optional.empty();
		}
		User user = users.findById(link.getUserId()).filter(User::isActive).orElse(null);
		if (user == null) {
			return java.util.Optional.empty();
		}
		String secret = "rpl_" + Passwords.secret();
		link.rehash(ApiTokenService.hash(secret));
		return java.util.Optional.of(new PasswordLinkMail(user.getEmail(), user.getDisplayName(), user.getLanguage(),
				"/password/set?token=" + secret, link.getExpiresAt()));
	}

	/** How long a link to choose a password works. */
	public static final java.time.Duration PASSWORD_LINK_LIFETIME = java.time.Duration.ofHours(72);

	public void updateUser(long userId, String displayName, Role role, boolean active, Set<String> spokenLanguages) {
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		updateUser(userId, new UserChanges(displayName, role, active, spokenLanguages, user.getGroupIds()), null, null);
	}

	/**
	 * Changes a user as an admin does on the edit page.
	 * @param expectedVersion the version the form was built from; {@code null} skips the check
	 * @throws ConflictException when someone else changed the user in the meantime
	 */
	public void updateUser(long userId, UserChanges changes, Long expectedVersion, Long actorUserId) {
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		checkVersion(user, expectedVersion);
		throwIfAny(problems(user, changes));
		apply(user, changes, actorUserId);
	}

	private static void checkVersion(User user, Long expectedVersion) {
		if (expectedVersion != null && expectedVersion != user.getVersion()) {
			throw new ConflictException("User " + user.getId() + " was changed by someone else (version "
					+ user.getVersion() + ", yours " + expectedVersion + ").");
		}
	}

	private Map<String, String> problems(User user, UserChanges changes) {
		Map<String, String> errors = new LinkedHashMap<>();
		checkDisplayName(changes.displayName(), errors);
		if (changes.role() == null) {
			errors.put("role", "is required");
		}
		checkSpokenLanguages(changes.spokenLanguages(), errors);
		checkGroups(changes.groupIds(), errors);
		boolean staysActiveAdmin = changes.role() == Role.ADMIN && changes.active();
		if (user.getRole() == Role.ADMIN && user.isActive() && !staysActiveAdmin
				&& users.countByRoleAndActiveTrue(Role.ADMIN) <= 1) {
			errors.put("role", "the last active admin must stay an active admin");
		}
		return errors;
	}

	private void apply(User user, UserChanges changes, Long actorUserId) {
		long userId = user.getId();
		audit.record(AUDIT_USER, userId, "displayName", user.getDisplayName(), changes.displayName().trim(), actorUserId);
		audit.record(AUDIT_USER, userId, "role", user.getRole(), changes.role(), actorUserId);
		audit.record(AUDIT_USER, userId, "active", user.isActive(), changes.active(), actorUserId);
		audit.record(AUDIT_USER, userId, "spokenLanguages", sorted(user.getSpokenLanguages()),
				sorted(changes.spokenLanguages()), actorUserId);
		audit.record(AUDIT_USER, userId, "groups", groupNames(user.getGroupIds()), groupNames(changes.groupIds()),
				actorUserId);
		user.setDisplayName(changes.displayName().trim());
		user.setRole(changes.role());
		user.setActive(changes.active());
		replace(user.getSpokenLanguages(), changes.spokenLanguages());
		replace(user.getGroupIds(), changes.groupIds());
	}

	/**
	 * The signed-in user changes their own password: the current one must be right and the new one pass
	 * {@link Passwords#check}. Every other session of the user ends at its next request.
	 * @return the principal for the session that made the change, which stays signed in
	 */
	public CurrentUser changeOwnPassword(CurrentUser me, String currentPassword, String newPassword,
			String confirmation) {
		User user = users.findById(me.id()).orElseThrow(() -> new NotFoundException("User " + me.id()));
		Map<String, String> errors = new LinkedHashMap<>();
		if (currentPassword == null || user.getPasswordHash() == null
				|| !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			errors.put("currentPassword", "is not your current password");
		}
		Passwords.check(newPassword).ifPresent(w -> errors.put("newPassword", w.reason()));
		if (!errors.containsKey("newPassword") && !newPassword.equals(confirmation)) {
			errors.put("confirmation", "does not match the new password");
		}
		throwIfAny(errors);
		user.setPasswordHash(passwordEncoder.encode(newPassword));
		audit.record(AUDIT_USER, user.getId(), "password", null, "changed", me.id());
		return me.withSessionEpoch(user.getSessionEpoch());
	}

	public void changePassword(long userId, String newPassword) {
		String weakness = Passwords.weakness(newPassword);
		if (weakness != null) {
			throw new InvalidInputException("password", weakness);
		}
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		user.setPasswordHash(passwordEncoder.encode(newPassword));
	}

	/**
	 * Gives the user a new generated password and lifts a sign-in lock.
	 * @return the new password, to be shown once to the admin; never stored in clear
	 */
	public String resetPassword(long userId, Long actorUserId) {
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		String password = Passwords.generate();
		user.setPasswordHash(passwordEncoder.encode(password));
		user.recordSuccessfulSignIn();
		// The trail says that the password changed, never what it is.
		audit.record(AUDIT_USER, userId, "password", null, "reset", actorUserId);
		return password;
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
		return createGroup(name, mode, Set.of(), null);
	}

	/** Creates a group with its first members; a name already taken (ignoring case) is refused. */
	public GroupSummary createGroup(String name, AssignmentMode mode, Collection<Long> memberIds, Long actorUserId) {
		return createGroup(name, mode, memberIds, false, actorUserId);
	}

	/** Creates a group with its first members, as the new default group if asked. */
	public GroupSummary createGroup(String name, AssignmentMode mode, Collection<Long> memberIds, boolean makeDefault,
			Long actorUserId) {
		Map<String, String> errors = new LinkedHashMap<>();
		checkGroupName(name, null, errors);
		List<User> members = members(memberIds, errors);
		throwIfAny(errors);
		AgentGroup group = groups.save(new AgentGroup(name.trim(), mode == null ? AssignmentMode.MANUAL : mode,
				clock.instant()));
		audit.record(AUDIT_GROUP, group.getId(), "name", null, group.getName(), actorUserId);
		audit.record(AUDIT_GROUP, group.getId(), "assignmentMode", null, group.getAssignmentMode(), actorUserId);
		for (User member : members) {
			addMember(group, member, actorUserId);
		}
		if (makeDefault) {
			makeDefault(group, actorUserId);
		}
		return GroupSummary.of(group);
	}

	/** Name of the group a fresh installation starts with; an admin may rename it. */
	public static final String FIRST_GROUP_NAME = "General";

	/**
	 * The group where requests that name none land. When no group is marked, the oldest group is; when there
	 * is no group at all (a fresh installation), "General" is created with round-robin assignment, so that
	 * Rapport takes requests from its first one.
	 */
	public GroupSummary ensureDefaultGroup() {
		AgentGroup group = groups.findFirstByDefaultGroupTrueOrderByIdAsc()
			.or(() -> groups.findFirstByOrderByIdAsc())
			.orElseGet(() -> {
				AgentGroup created = groups.save(new AgentGroup(FIRST_GROUP_NAME, AssignmentMode.ROUND_ROBIN, clock.instant()));
				audit.record(AUDIT_GROUP, created.getId(), "name", null, created.getName(), null);
				return created;
			});
		if (!group.isDefaultGroup()) {
			group.setDefaultGroup(true);
			audit.record(AUDIT_GROUP, group.getId(), "default", null, true, null);
		}
		return GroupSummary.of(group);
	}

	/** What an admin or a provisioning script changes of a group; a {@code null} field stays as it is. */
	public record GroupPatch(String name, AssignmentMode assignmentMode, Boolean defaultGroup, Set<Long> memberIds) {
	}

	/**
	 * Changes only the given fields of a group, all checked first. A group becomes the default by setting
	 * {@code defaultGroup}; it stops being one only when another becomes it (there is always one).
	 */
	public GroupSummary patchGroup(long groupId, GroupPatch patch, Long expectedVersion, Long actorUserId) {
		AgentGroup group = groups.findById(groupId).orElseThrow(() -> new NotFoundException("Group " + groupId));
		if (expectedVersion != null && expectedVersion != group.getVersion()) {
			throw new ConflictException("Group " + groupId + " was changed by someone else (version "
					+ group.getVersion() + ", yours " + expectedVersion + ").");
		}
		if (Boolean.FALSE.equals(patch.defaultGroup()) && group.isDefaultGroup()) {
			throw new InvalidInputException("defaultGroup",
					"there is always a default group: make another group the default instead");
		}
		Collection<Long> members = patch.memberIds() != null ? patch.memberIds()
				: users.findMembers(groupId).stream().map(User::getId).toList();
		updateGroup(groupId, patch.name() != null ? patch.name() : group.getName(),
				patch.assignmentMode() != null ? patch.assignmentMode() : group.getAssignmentMode(), members, null,
				actorUserId);
		if (Boolean.TRUE.equals(patch.defaultGroup()) && !group.isDefaultGroup()) {
			makeDefault(group, actorUserId);
		}
		groups.flush();
		return GroupSummary.of(group);
	}

	private void makeDefault(AgentGroup group, Long actorUserId) {
		groups.findFirstByDefaultGroupTrueOrderByIdAsc().ifPresent(previous -> {
			previous.setDefaultGroup(false);
			audit.record(AUDIT_GROUP, previous.getId(), "default", true, false, actorUserId);
		});
		// The previous default must be written first: at most one group is marked at any moment.
		groups.flush();
		group.setDefaultGroup(true);
		audit.record(AUDIT_GROUP, group.getId(), "default", false, true, actorUserId);
	}

	/** Makes the group the one where requests naming no group land. */
	public void makeDefaultGroup(long groupId, Long actorUserId) {
		AgentGroup group = groups.findById(groupId).orElseThrow(() -> new NotFoundException("Group " + groupId));
		if (!group.isDefaultGroup()) {
			makeDefault(group, actorUserId);
		}
	}

	public void updateGroup(long groupId, String name, AssignmentMode mode) {
		AgentGroup group = groups.findById(groupId).orElseThrow(() -> new NotFoundException("Group " + groupId));
		Map<String, String> errors = new LinkedHashMap<>();
		checkGroupName(name, groupId, errors);
		throwIfAny(errors);
		rename(group, name, mode, null);
	}

	/**
	 * Changes a group's name, assignment mode and members.
	 * @param expectedVersion the version the form was built from; {@code null} skips the check
	 */
	public void updateGroup(long groupId, String name, AssignmentMode mode, Collection<Long> memberIds,
			Long expectedVersion, Long actorUserId) {
		AgentGroup group = groups.findById(groupId).orElseThrow(() -> new NotFoundException("Group " + groupId));
		if (expectedVersion != null && expectedVersion != group.getVersion()) {
			throw new ConflictException("Group " + groupId + " was changed by someone else.");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		checkGroupName(name, groupId, errors);
		if (mode == null) {
			errors.put("assignmentMode", "is required");
		}
		List<User> wanted = members(memberIds, errors);
		throwIfAny(errors);
		rename(group, name, mode, actorUserId);
		Set<Long> wantedIds = wanted.stream().map(User::getId).collect(Collectors.toSet());
		for (User current : users.findMembers(groupId)) {
			if (!wantedIds.contains(current.getId())) {
				removeMember(group, current, actorUserId);
			}
		}
		for (User member : wanted) {
			if (!member.getGroupIds().contains(groupId)) {
				addMember(group, member, actorUserId);
			}
		}
	}

	/** Replaces the groups a user belongs to. */
	public void setGroups(long userId, Collection<Long> groupIds) {
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User " + userId));
		Map<String, String> errors = new LinkedHashMap<>();
		checkGroups(groupIds, errors);
		throwIfAny(errors);
		audit.record(AUDIT_USER, userId, "groups", groupNames(user.getGroupIds()), groupNames(groupIds), null);
		replace(user.getGroupIds(), groupIds);
	}

	private void rename(AgentGroup group, String name, AssignmentMode mode, Long actorUserId) {
		audit.record(AUDIT_GROUP, group.getId(), "name", group.getName(), name.trim(), actorUserId);
		audit.record(AUDIT_GROUP, group.getId(), "assignmentMode", group.getAssignmentMode(), mode, actorUserId);
		group.setName(name.trim());
		group.setAssignmentMode(mode);
	}

	private void addMember(AgentGroup group, User user, Long actorUserId) {
		String before = groupNames(user.getGroupIds());
		user.getGroupIds().add(group.getId());
		audit.record(AUDIT_GROUP, group.getId(), "member", null, user.getEmail(), actorUserId);
		audit.record(AUDIT_USER, user.getId(), "groups", before, groupNames(user.getGroupIds()), actorUserId);
	}

	private void removeMember(AgentGroup group, User user, Long actorUserId) {
		String before = groupNames(user.getGroupIds());
		user.getGroupIds().remove(group.getId());
		audit.record(AUDIT_GROUP, group.getId(), "member", user.getEmail(), null, actorUserId);
		audit.record(AUDIT_USER, user.getId(), "groups", before, groupNames(user.getGroupIds()), actorUserId);
	}

	private List<User> members(Collection<Long> memberIds, Map<String, String> errors) {
		Set<Long> ids = memberIds == null ? Set.of() : new LinkedHashSet<>(memberIds);
		List<User> found = ids.isEmpty() ? List.of() : users.findByIdIn(ids);
		if (found.size() != ids.size()) {
			errors.put("memberIds", "names a user that does not exist");
		}
		return found;
	}

	private void checkGroupName(String name, Long groupId, Map<String, String> errors) {
		if (name == null || name.isBlank() || name.trim().length() > 120) {
			errors.put("name", "must be 1 to 120 characters");
			return;
		}
		groups.findByNameIgnoreCase(name.trim())
			.filter(other -> !other.getId().equals(groupId))
			.ifPresent(other -> errors.put("name", "is already in use"));
	}

	private void checkDisplayName(String displayName, Map<String, String> errors) {
		if (displayName == null || displayName.isBlank() || displayName.trim().length() > 200) {
			errors.put("displayName", "must be 1 to 200 characters");
		}
	}

	private void checkSpokenLanguages(Collection<String> spokenLanguages, Map<String, String> errors) {
		if (spokenLanguages == null || !spokenLanguages.stream().allMatch(Languages::isSupported)) {
			errors.put("spokenLanguages", "must be among " + Languages.TAGS);
		}
	}

	private void checkGroups(Collection<Long> groupIds, Map<String, String> errors) {
		if (groupIds == null) {
			errors.put("groupIds", "is required");
			return;
		}
		Set<Long> distinct = Set.copyOf(groupIds);
		if (!distinct.isEmpty() && groups.findAllById(distinct).size() != distinct.size()) {
			errors.put("groupIds", "names a group that does not exist");
		}
	}

	/** Group names for the trail, {@code null} for none (so that "no groups" never counts as a change). */
	private String groupNames(Collection<Long> groupIds) {
		if (groupIds.isEmpty()) {
			return null;
		}
		return groups.findAllById(Set.copyOf(groupIds))
			.stream()
			.map(AgentGroup::getName)
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.collect(Collectors.joining(", "));
	}

	private static String sorted(Collection<String> values) {
		return values.isEmpty() ? null : String.join(", ", new TreeSet<>(values));
	}

	private static <T> void replace(Collection<T> target, Collection<T> values) {
		if (!Objects.equals(Set.copyOf(target), Set.copyOf(values))) {
			target.clear();
			target.addAll(values);
		}
	}

	private static void throwIfAny(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Some fields are invalid: " + String.join(", ", errors.keySet()) + ".", errors);
		}
	}

	private void checkLanguage(String language) {
		if (!Languages.isSupported(language)) {
			throw new InvalidInputException("language", "must be one of " + Languages.TAGS);
		}
	}

	private void checkZone(String timeZone) {
		if (!isZone(timeZone)) {
			throw new InvalidInputException("timeZone", "is not a known time zone");
		}
	}

	private static boolean isZone(String timeZone) {
		try {
			ZoneId.of(timeZone);
			return true;
		}
		catch (DateTimeException | NullPointerException ex) {
			return false;
		}
	}

}

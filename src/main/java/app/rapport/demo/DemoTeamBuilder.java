package app.rapport.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.rapport.identity.AssignmentMode;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Passwords;
import app.rapport.identity.Role;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;

import org.springframework.stereotype.Component;

/**
 * Creates the demo company's groups and users through the identity module, each user with a generated
 * password; or describes the team that already exists so that a generation run can route tickets to it.
 */
@Component
class DemoTeamBuilder {

	static final String EMAIL_DOMAIN = "demo.rapport.local";

	private static final List<GroupPlan> GROUPS = List.of(new GroupPlan("Support", AssignmentMode.ROUND_ROBIN, "en"),
			new GroupPlan("Billing", AssignmentMode.MANUAL, DemoTeam.BILLING),
			new GroupPlan("Returns", AssignmentMode.LEAST_OPEN, DemoTeam.RETURNS),
			new GroupPlan("客户服务", AssignmentMode.ROUND_ROBIN, "zh-CN"),
			new GroupPlan("台灣客服", AssignmentMode.LEAST_OPEN, "zh-TW"),
			new GroupPlan("Поддръжка", AssignmentMode.ROUND_ROBIN, "bg"));

	private static final List<UserPlan> USERS = List.of(
			new UserPlan("emma.clarke", "Emma Clarke", Role.SUPERVISOR, "en", "Europe/London", Set.of("en"),
					List.of("Support", "Billing", "Returns")),
			new UserPlan("li.jing", "李静", Role.SUPERVISOR, "zh-CN", "Asia/Shanghai", Set.of("zh-CN", "zh-TW", "en"),
					List.of("客户服务", "台灣客服")),
			new UserPlan("oliver.bennett", "Oliver Bennett", Role.AGENT, "en", "Europe/London", Set.of("en"),
					List.of("Support", "Returns")),
			new UserPlan("sophie.turner", "Sophie Turner", Role.AGENT, "en", "Europe/London", Set.of("en", "bg"),
					List.of("Support", "Billing")),
			new UserPlan("wang.lei", "王磊", Role.AGENT, "zh-CN", "Asia/Shanghai", Set.of("zh-CN", "en"),
					List.of("客户服务", "Returns")),
			new UserPlan("chen.xiaoyan", "陈晓燕", Role.AGENT, "zh-CN", "Asia/Shanghai", Set.of("zh-CN"),
					List.of("客户服务", "Billing")),
			new UserPlan("lin.yijun", "林怡君", Role.AGENT, "zh-TW", "Asia/Taipei", Set.of("zh-TW", "en"),
					List.of("台灣客服", "Returns")),
			new UserPlan("chang.chihming", "張志明", Role.AGENT, "zh-TW", "Asia/Taipei", Set.of("zh-TW", "zh-CN"),
					List.of("台灣客服", "客户服务", "Billing")),
			new UserPlan("maria.georgieva", "Мария Георгиева", Role.AGENT, "bg", "Europe/Sofia", Set.of("bg", "en"),
					List.of("Поддръжка", "Billing")),
			new UserPlan("nikolay.petrov", "Николай Петров", Role.AGENT, "bg", "Europe/Sofia", Set.of("bg"),
					List.of("Поддръжка", "Returns")),
			new UserPlan("daniel.hughes", "Daniel Hughes", Role.ANALYST, "en", "Europe/London", Set.of("en"), List.of()));

	private final UserAdministration administration;

	private final UserDirectory directory;

	DemoTeamBuilder(UserAdministration administration, UserDirectory directory) {
		this.administration = administration;
		this.directory = directory;
	}

	/** A user created for the demo and the password generated for them (shown once, never stored in clear). */
	record Credential(String email, String displayName, Role role, String password) {
	}

	/** The team and the credentials to print. */
	record CreatedTeam(DemoTeam team, List<Credential> credentials) {
	}

	/** The groups and users that already exist, or empty when there are no groups yet. */
	Optional<DemoTeam> existing() {
		List<GroupSummary> groups = directory.allGroups();
		if (groups.isEmpty()) {
			return Optional.empty();
		}
		List<DemoTeam.Member> members = directory.allUsers()
			.stream()
			.filter(UserSummary::active)
			.filter(u -> u.role() == Role.AGENT || u.role() == Role.SUPERVISOR)
			.map(DemoTeamBuilder::member)
			.toList();
		Map<String, Long> routes = new HashMap<>();
		for (GroupPlan plan : GROUPS) {
			groups.stream().filter(g -> g.name().equals(plan.name())).findFirst().ifPresent(g -> routes.put(plan.route(), g.id()));
		}
		// A team that was not made by the demo: route each language to a group with speakers of it.
		for (String language : DemoContent.LANGUAGES) {
			if (!routes.containsKey(language)) {
				members.stream()
					.filter(m -> m.languages().contains(language) && !m.groupIds().isEmpty())
					.findFirst()
					.ifPresent(m -> routes.put(language, m.groupIds().iterator().next()));
			}
		}
		return Optional.of(new DemoTeam(groups.stream().map(g -> new DemoTeam.Group(g.id(), g.name())).toList(),
				members, Map.copyOf(routes)));
	}

	/**
	 * Creates the demo groups and users. Passwords are hashed in parallel: bcrypt is deliberately slow, and
	 * a dozen hashes one after another would hold up start-up by several seconds.
	 */
	CreatedTeam create() {
		Map<String, Long> groupIds = new HashMap<>();
		Map<String, Long> routes = new HashMap<>();
		List<DemoTeam.Group> groups = new ArrayList<>();
		for (GroupPlan plan : GROUPS) {
			GroupSummary created = directory.groupByName(plan.name())
				.orElseGet(() -> administration.createGroup(plan.name(), plan.mode()));
			groupIds.put(plan.name(), created.id());
			routes.put(plan.route(), created.id());
			groups.add(new DemoTeam.Group(created.id(), created.name()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
		try {
			List<Future<Created>> futures = new ArrayList<>();
			for (UserPlan plan : USERS) {
				futures.add(pool.submit(() -> createUser(plan, groupIds)));
			}
			List<DemoTeam.Member> members = new ArrayList<>();
			List<Credential> credentials = new ArrayList<>();
			for (Future<Created> f : futures) {
				Created c = f.get();
				if (c != null) {
					members.add(c.member());
					credentials.add(c.credential());
				}
			}
			return new CreatedTeam(new DemoTeam(List.copyOf(groups), List.copyOf(members), Map.copyOf(routes)),
					List.copyOf(credentials));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating the demo users", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not create the demo users", ex.getCause());
		}
		finally {
			pool.shutdown();
		}
	}

	private Created createUser(UserPlan plan, Map<String, Long> groupIds) {
		String email = plan.localPart() + "@" + EMAIL_DOMAIN;
		if (directory.userByEmail(email).isPresent()) {
			return null;
		}
		String password = Passwords.generate();
		UserSummary user = administration.createUser(email, plan.displayName(), plan.role(), plan.language(),
				plan.timeZone(), password);
		administration.updateUser(user.id(), plan.displayName(), plan.role(), true, plan.languages());
		Set<Long> ids = new LinkedHashSet<>();
		plan.groups().forEach(name -> ids.add(groupIds.get(name)));
		administration.setGroups(user.id(), ids);
		return new Created(new DemoTeam.Member(user.id(), plan.displayName(), plan.role(), plan.languages(), Set.copyOf(ids)),
				new Credential(email, plan.displayName(), plan.role(), password));
	}

	private static DemoTeam.Member member(UserSummary u) {
		return new DemoTeam.Member(u.id(), u.displayName(), u.role(), u.spokenLanguages(), u.groupIds());
	}

	/** The credentials as a table for the log; names come last because CJK letters are wider than the rest. */
	static String credentialTable(List<Credential> credentials) {
		int emailWidth = credentials.stream().mapToInt(c -> c.email().length()).max().orElse(6) + 2;
		StringBuilder sb = new StringBuilder();
		String format = "  %-12s%-" + emailWidth + "s%-22s%s%n";
		sb.append(String.format(format, "role", "e-mail", "password", "name"));
		for (Credential c : credentials) {
			sb.append(String.format(format, c.role().name().toLowerCase(java.util.Locale.ROOT), c.email(), c.password(),
					c.displayName()));
		}
		return sb.toString();
	}

	private record Created(DemoTeam.Member member, Credential credential) {
	}

	private record GroupPlan(String name, AssignmentMode mode, String route) {
	}

	private record UserPlan(String localPart, String displayName, Role role, String language, String timeZone,
			Set<String> languages, List<String> groups) {
	}

}

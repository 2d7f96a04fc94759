package app.rapport.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import app.rapport.identity.Role;

/**
 * The groups and people tickets are routed to while generating: which group takes which kind of ticket,
 * and who in it speaks the requester's language.
 */
public record DemoTeam(List<Group> groups, List<Member> members, Map<String, Long> routes) {

	/** Route keys besides the four languages. */
	static final String RETURNS = "returns", BILLING = "billing";

	/** A group and its id. */
	public record Group(long id, String name) {
	}

	/** A user who can own tickets. */
	public record Member(long id, String displayName, Role role, Set<String> languages, Set<Long> groupIds) {
	}

	/** The group for a ticket: returns and billing have their own queues, the rest go by language. */
	long groupFor(String language, String type, List<String> tags, SplittableRandom random) {
		if ("RETURN_EXCHANGE".equals(type) && routes.containsKey(RETURNS)) {
			return routes.get(RETURNS);
		}
		if (routes.containsKey(BILLING) && tags.stream().anyMatch(DemoTeam::isBillingTag)) {
			return routes.get(BILLING);
		}
		Long byLanguage = routes.get(language);
		return byLanguage != null ? byLanguage : PersonNames.pick(groups, random).id();
	}

	/** An owner from the group, preferring (four times in five) someone who speaks the language. */
	Member ownerFor(long groupId, String language, SplittableRandom random) {
		List<Member> inGroup = new ArrayList<>();
		List<Member> speakers = new ArrayList<>();
		for (Member m : members) {
			if (m.groupIds().contains(groupId) && m.role() != Role.ANALYST) {
				inGroup.add(m);
				if (m.languages().contains(language)) {
					speakers.add(m);
				}
			}
		}
		if (!speakers.isEmpty() && (inGroup.size() == speakers.size() || random.nextInt(5) < 4)) {
			return PersonNames.pick(speakers, random);
		}
		if (!inGroup.isEmpty()) {
			return PersonNames.pick(inGroup, random);
		}
		List<Member> anyone = members.stream().filter(m -> m.role() != Role.ANALYST).toList();
		return anyone.isEmpty() ? null : PersonNames.pick(anyone, random);
	}

	/** Someone speaking the language to look after an account, or anyone. */
	Member accountOwnerFor(String language, SplittableRandom random) {
		List<Member> speakers = members.stream()
			.filter(m -> m.role() != Role.ANALYST && m.languages().contains(language))
			.toList();
		if (!speakers.isEmpty()) {
			return PersonNames.pick(speakers, random);
		}
		List<Member> anyone = members.stream().filter(m -> m.role() != Role.ANALYST).toList();
		return anyone.isEmpty() ? null : PersonNames.pick(anyone, random);
	}

	private static boolean isBillingTag(String tag) {
		String t = tag.toLowerCase(java.util.Locale.ROOT);
		return t.contains("billing") || t.contains("invoice") || t.contains("payment") || t.contains("refund")
				|| t.contains("发票") || t.contains("發票") || t.contains("фактур") || t.contains("плащ");
	}

}

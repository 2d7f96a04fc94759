package app.rapport.ticket;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import app.rapport.identity.AssignmentMode;
import app.rapport.identity.UserSummary;

/**
 * Picks the owner of a new ticket in a group: nobody (manual), the next member after the last one
 * assigned (round robin) or the member with the fewest open tickets (least open). Members who speak the
 * requester's language are preferred; when none does, all active members are candidates.
 */
public final class Assignment {

	private Assignment() {
	}

	/**
	 * The chosen owner's id, or empty when the mode is manual or the group has no active member.
	 * @param members the group's members; inactive ones are ignored
	 * @param requesterLanguage BCP 47 tag such as {@code zh-TW}; may be {@code null}
	 * @param lastAssignedUserId the round-robin cursor of the group; may be {@code null}
	 * @param openTickets open tickets per user id (missing means none)
	 */
	public static Optional<Long> choose(AssignmentMode mode, List<UserSummary> members, String requesterLanguage,
			Long lastAssignedUserId, Map<Long, Long> openTickets) {
		if (mode == null || mode == AssignmentMode.MANUAL) {
			return Optional.empty();
		}
		List<UserSummary> candidates = candidates(members, requesterLanguage);
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(switch (mode) {
			case ROUND_ROBIN -> nextAfter(candidates, lastAssignedUserId);
			case LEAST_OPEN -> leastOpen(candidates, openTickets);
			case MANUAL -> throw new IllegalStateException();
		});
	}

	/**
	 * Active members, ordered by id, narrowed to those who speak the requester's language exactly, else
	 * to those who speak the same base language (zh-TW for zh-CN), else all of them.
	 */
	public static List<UserSummary> candidates(List<UserSummary> members, String requesterLanguage) {
		List<UserSummary> active = members.stream()
			.filter(UserSummary::active)
			.sorted(Comparator.comparingLong(UserSummary::id))
			.toList();
		if (requesterLanguage == null || requesterLanguage.isBlank()) {
			return active;
		}
		List<UserSummary> exact = active.stream().filter(u -> speaks(u, requesterLanguage, true)).toList();
		if (!exact.isEmpty()) {
			return exact;
		}
		List<UserSummary> sameBase = active.stream().filter(u -> speaks(u, requesterLanguage, false)).toList();
		return sameBase.isEmpty() ? active : sameBase;
	}

	private static boolean speaks(UserSummary user, String language, boolean exactly) {
		for (String spoken : user.spokenLanguages()) {
			if (exactly ? spoken.equalsIgnoreCase(language) : base(spoken).equals(base(language))) {
				return true;
			}
		}
		return false;
	}

	private static String base(String tag) {
		int dash = tag.indexOf('-');
		return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
	}

	private static long nextAfter(List<UserSummary> candidates, Long last) {
		if (last != null) {
			for (UserSummary candidate : candidates) {
				if (candidate.id() > last) {
					return candidate.id();
				}
			}
		}
		return candidates.get(0).id();
	}

	private static long leastOpen(List<UserSummary> candidates, Map<Long, Long> openTickets) {
		// Ties go to the lower id so the choice is stable and predictable.
		return candidates.stream()
			.min(Comparator.<UserSummary>comparingLong(u -> openTickets.getOrDefault(u.id(), 0L))
				.thenComparingLong(UserSummary::id))
			.orElseThrow()
			.id();
	}

}

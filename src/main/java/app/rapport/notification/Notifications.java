package app.rapport.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.rapport.identity.CurrentUser;
import app.rapport.identity.UserDirectory;
import app.rapport.ticket.TicketService;
import app.rapport.identity.UserSummary;
import app.rapport.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tells users about things they should act on: in the app, and by e-mail once the news is committed. */
@Service
@Transactional(readOnly = true)
@org.springframework.modulith.NamedInterface("api")
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final NotificationRepository notifications;

	private final UserDirectory directory;

	private final ApplicationEventPublisher events;

	private final NoticeText text;

	private final Clock clock;

	private final TicketService tickets;

	/** The text of a notice about a ticket its recipient may no longer see. */
	static final String HIDDEN = "notification.hidden";

	Notifications(NotificationRepository notifications, UserDirectory directory, ApplicationEventPublisher events, NoticeText text,
			Clock clock, TicketService tickets) {
		this.tickets = tickets;
		this.notifications = notifications;
		this.directory = directory;
		this.events = events;
		this.text = text;
		this.clock = clock;
	}

	/**
	 * Stores the notice once for each of the users, in the caller's transaction, and e-mails the active ones
	 * after that transaction commits (nothing is stored or sent when it rolls back): each mail is a durable
	 * event of its own ({@link NoticeStored}), retried until it leaves. Duplicate ids count once; ids of
	 * unknown users are skipped with a warning.
	 */
	@Transactional
	public void notify(Collection<Long> userIds, Notice notice) {
		notify(userIds, notice, null);
	}

	/**
	 * As {@link #notify(Collection, Notice)}, but a user already told {@code about} the same thing (e.g.
	 * {@code breach:42}) is not told again: a reaction delivered twice notifies once.
	 */
	@Transactional
	public void notify(Collection<Long> userIds, Notice notice, String about) {
		if (notice == null) {
			throw new IllegalArgumentException("Notice: must not be null");
		}
		if (about != null && (about.isBlank() || about.length() > 120)) {
			throw new IllegalArgumentException("About: 1 to 120 characters");
		}
		Set<Long> ids = new LinkedHashSet<>(userIds);
		ids.remove(null);
		if (about != null && !ids.isEmpty()) {
			notifications.toldAbout(about, ids).forEach(ids::remove);
		}
		if (ids.isEmpty()) {
			return;
		}
		Map<Long, UserSummary> users = directory.users(ids);
		Instant now = clock.instant();
		for (Long id : ids) {
			UserSummary user = users.get(id);
			if (user == null) {
				log.warn("Notice {} not stored for unknown user {}", notice.kind(), id);
				continue;
			}
			Notification stored = notifications.save(new Notification(id, notice, about, now));
			if (user.active()) {
				events.publishEvent(new NoticeStored(stored.getId()));
			}
		}
	}

	/** How many of the user's notices are unread; one indexed count. */
	public long unreadCount(long userId) {
		return notifications.countByUserIdAndReadAtIsNull(userId);
	}

	/**
	 * A page of the user's notices (only unread ones if asked), newest first, in the user's language. A notice
	 * about a ticket the user can no longer see keeps its place but loses its text, arguments and link.
	 */
	public Page<NotificationView> list(CurrentUser me, boolean unreadOnly, Pageable pageable) {
		long userId = me.id();
		// The order is fixed (newest first); a sort in the pageable is ignored.
		Pageable page = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
		Page<Notification> found = unreadOnly
				? notifications.findByUserIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(userId, page)
				: notifications.findByUserIdOrderByCreatedAtDescIdDesc(userId, page);
		Locale locale = NoticeText.locale(language(userId));
		Set<Long> visible = visibleTickets(found.getContent(), me);
		return found.map(n -> view(n, locale, visible));
	}

	/** One of the user's notices (see {@link #list}); someone else's is {@link NotFoundException}. */
	public NotificationView notification(CurrentUser me, long id) {
		Notification n = own(me.id(), id);
		return view(n, NoticeText.locale(language(me.id())), visibleTickets(List.of(n), me));
	}

	/** The tickets among the notices that the user may see now, in one query. */
	private Set<Long> visibleTickets(List<Notification> page, CurrentUser me) {
		Set<Long> ids = page.stream().map(Notification::getTicketId).filter(java.util.Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet());
		return ids.isEmpty() ? Set.of() : tickets.visibleAmong(ids, me).keySet();
	}

	/** Marks one of the user's notices read (again is harmless); someone else's is {@link NotFoundException}. */
	@Transactional
	public void markRead(long userId, long id) {
		own(userId, id).markRead(clock.instant());
	}

	/** Marks all the user's unread notices read and says how many there were. */
	@Transactional
	public int markAllRead(long userId) {
		return notifications.markAllRead(userId, clock.instant());
	}

	private Notification own(long userId, long id) {
		return notifications.findByIdAndUserId(id, userId).orElseThrow(() -> new NotFoundException("Notification " + id));
	}

	private String language(long userId) {
		return directory.user(userId).map(UserSummary::language).orElse(null);
	}

	private NotificationView view(Notification n, Locale locale, Set<Long> visibleTickets) {
		Notice notice = n.notice();
		if (notice.ticketId() != null && !visibleTickets.contains(notice.ticketId())) {
			return new NotificationView(n.getId(), notice.kind(), HIDDEN, List.of(), text.message(HIDDEN, null, locale),
					null, n.getCreatedAt(), n.getReadAt());
		}
		return new NotificationView(n.getId(), notice.kind(), notice.messageKey(), notice.args(),
				text.render(notice, locale), notice.link(), n.getCreatedAt(), n.getReadAt());
	}

}

package app.rapport.notification.api;

import java.time.Instant;
import java.util.List;

import app.rapport.identity.CurrentUser;
import app.rapport.notification.NotificationView;
import app.rapport.notification.Notifications;
import app.rapport.shared.PageResponse;
import app.rapport.shared.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications: list (all or unread), mark one or all read. Nobody sees another's. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationApiController {

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	/** A notification; {@code text} is rendered in the caller's language, {@code readAt} is null while unread. */
	record NotificationJson(long id, String kind, String text, String messageKey, List<String> args, String link,
			Instant createdAt, Instant readAt) {

		static NotificationJson of(NotificationView v) {
			return new NotificationJson(v.id(), v.kind(), v.text(), v.messageKey(), v.args(), v.link(), v.createdAt(),
					v.readAt());
		}

	}

	/** How many notifications a read-all call marked. */
	record MarkedRead(int marked) {
	}

	/** Newest first; {@code unread=true} lists only unread ones (then {@code total} is the unread count). */
	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_read')")
	PageResponse<NotificationJson> list(@AuthenticationPrincipal CurrentUser me,
			@RequestParam(required = false) Boolean unread, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResponse.of(notifications.list(me, Boolean.TRUE.equals(unread),
				Paging.of(page, size, Sort.unsorted())), NotificationJson::of);
	}

	/** Marks one of the caller's notifications read: 204; another user's is 404. */
	@PostMapping("/{id}/read")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	ResponseEntity<Void> read(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		notifications.markRead(me.id(), id);
		return ResponseEntity.noContent().build();
	}

	/** Marks all the caller's unread notifications read and says how many. */
	@PostMapping("/read-all")
	@PreAuthorize("hasAuthority('SCOPE_write')")
	MarkedRead readAll(@AuthenticationPrincipal CurrentUser me) {
		return new MarkedRead(notifications.markAllRead(me.id()));
	}

}

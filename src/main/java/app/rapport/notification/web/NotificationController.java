package app.rapport.notification.web;

import app.rapport.identity.CurrentUser;
import app.rapport.notification.NotificationView;
import app.rapport.notification.Notifications;
import app.rapport.shared.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's notifications: the list, opening one (which marks it read), marking all read. */
@Controller
@PreAuthorize("isAuthenticated()")
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) Boolean unread,
			@RequestParam(required = false) Integer page, Model model) {
		boolean unreadOnly = Boolean.TRUE.equals(unread);
		model.addAttribute("notifications",
				notifications.list(me, unreadOnly, Paging.of(page, null, Sort.unsorted())));
		model.addAttribute("unreadOnly", unreadOnly);
		return "notification/list";
	}

	/** Marks the notice read and goes where it points (its link was checked to be a path on this site). */
	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal CurrentUser me, @PathVariable long id) {
		notifications.markRead(me.id(), id);
		NotificationView view = notifications.notification(me, id);
		return "redirect:" + (view.link() != null ? view.link() : "/notifications");
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
		redirect.addFlashAttribute("markedRead", notifications.markAllRead(me.id()));
		return "redirect:/notifications";
	}

}

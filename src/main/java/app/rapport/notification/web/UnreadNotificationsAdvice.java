package app.rapport.notification.web;

import app.rapport.identity.CurrentUser;
import app.rapport.notification.Notifications;
import jakarta.servlet.http.HttpServletRequest;
import org.thymeleaf.context.LazyContextVariable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives the layout the signed-in user's unread count for the bell in the navbar. The count is lazy: it is
 * queried only when a page that shows the navbar is rendered, never for redirects, fragments without the
 * navbar, API responses or anonymous visitors.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadNotificationsAdvice {

	static final String ATTRIBUTE = "unreadNotifications";

	private final Notifications notifications;

	UnreadNotificationsAdvice(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute
	void unreadNotifications(HttpServletRequest request, Model model) {
		if (returnsData(request)) {
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof CurrentUser me) {
			long userId = me.id();
			model.addAttribute(ATTRIBUTE, new LazyContextVariable<Long>() {
				@Override
				protected Long loadValue() {
					return notifications.unreadCount(userId);
				}
			});
		}
	}

	private static boolean returnsData(HttpServletRequest request) {
		return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
				&& (handler.hasMethodAnnotation(ResponseBody.class)
						|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
	}

}

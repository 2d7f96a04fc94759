package app.rapport.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Values the layout needs on every page. Thymeleaf 3.1 no longer offers {@code #request} to templates,
 * so the page's own path (for the language switch to return to) and the search box's text come from here.
 */
@ControllerAdvice
class LayoutModel {

	/** The path of the page being shown; on an error page, the path that failed. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = failed != null ? failed.toString() : request.getRequestURI();
		String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
		String query = failed == null && "GET".equals(request.getMethod()) ? request.getQueryString() : null;
		return query == null ? path : path + "?" + query;
	}

	/** What the header's search box shows: the {@code q} of the request, if its parameters can be read at all. */
	@ModelAttribute("searchQuery")
	String searchQuery(HttpServletRequest request) {
		try {
			return request.getParameter("q");
		}
		catch (RuntimeException unreadableBody) {
			// An error page for a body that cannot be parsed must not fail on parsing it again.
			return null;
		}
	}

}

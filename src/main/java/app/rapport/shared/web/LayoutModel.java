package app.rapport.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Values the page layout needs on every page (Thymeleaf 3.1 no longer exposes the request itself). */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

	/** The current path with its query, for the language switch to come back to. */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI() + (query == null ? "" : "?" + query);
	}

}

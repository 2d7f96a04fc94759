package app.rapport.shared.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** Boot's error attributes plus the names of the refused fields, so that the error page can say what to correct. */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		if (request.getAttribute(RequestGuard.INVALID_FIELDS, RequestAttributes.SCOPE_REQUEST) instanceof Collection<?> fields) {
			attributes.put("fields", List.copyOf(fields));
		}
		return attributes;
	}

}

package app.rapport.shared.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import app.rapport.shared.InvalidInputException;
import app.rapport.shared.TimeLimits;
import tools.jackson.databind.JsonNode;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Looks through every JSON request body once it is read (records, maps, lists, JSON trees) and refuses
 * text containing U+0000 and dates or instants outside {@link TimeLimits}, naming each field by its JSON
 * path ({@code requester.name}, {@code tags[0]}). PostgreSQL cannot store or compare U+0000 and H2 would
 * store it; refusing it at the door keeps both databases the same and every endpoint covered.
 */
@ControllerAdvice
class RequestBodyInspection extends RequestBodyAdviceAdapter {

	static final int MAX_DEPTH = 32;

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		Map<String, String> refused = new LinkedHashMap<>();
		inspect(body, "", 0, refused);
		if (!refused.isEmpty()) {
			throw new InvalidInputException("The request body has values that cannot be accepted: "
					+ String.join(", ", refused.keySet()) + ".", refused);
		}
		return body;
	}

	/** Adds to {@code refused} every field under {@code value} that may not be accepted. */
	static void inspect(Object value, String path, int depth, Map<String, String> refused) {
		if (value == null || depth > MAX_DEPTH) {
			return;
		}
		if (value instanceof CharSequence text) {
			if (text.toString().indexOf('\u0000') >= 0) {
				refused.put(name(path), RequestGuard.NUL_REASON);
			}
			return;
		}
		String timeRefusal = TimeLimits.refusal(value);
		if (timeRefusal != null) {
			refused.put(name(path), timeRefusal);
		}
		else if (value instanceof JsonNode node) {
			inspectTree(node, path, depth, refused);
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> e : map.entrySet()) {
				String key = String.valueOf(e.getKey());
				String child = path.isEmpty() ? key : path + "." + key;
				if (key.indexOf('\u0000') >= 0) {
					refused.put(name(child), RequestGuard.NUL_REASON);
				}
				inspect(e.getValue(), child, depth + 1, refused);
			}
		}
		else if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				inspect(item, path + "[" + i++ + "]", depth + 1, refused);
			}
		}
		else if (value instanceof Object[] items) {
			for (int i = 0; i < items.length; i++) {
				inspect(items[i], path + "[" + i + "]", depth + 1, refused);
			}
		}
		else if (value.getClass().isRecord()) {
			for (RecordComponent c : value.getClass().getRecordComponents()) {
				inspect(read(c, value), path.isEmpty() ? c.getName() : path + "." + c.getName(), depth + 1, refused);
			}
		}
	}

	private static void inspectTree(JsonNode node, String path, int depth, Map<String, String> refused) {
		if (node.isString()) {
			inspect(node.asString(), path, depth, refused);
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> e : node.properties()) {
				String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
				if (e.getKey().indexOf('\u0000') >= 0) {
					refused.put(name(child), RequestGuard.NUL_REASON);
				}
				inspect(e.getValue(), child, depth + 1, refused);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				inspect(node.get(i), path + "[" + i + "]", depth + 1, refused);
			}
		}
	}

	private static Object read(RecordComponent component, Object record) {
		try {
			Method accessor = component.getAccessor();
			// Request records are often package-private; their accessors are public methods of a hidden class.
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static String name(String path) {
		String name = path.isEmpty() ? "body" : path;
		return name.replace("\u0000", "\\u0000");
	}

}

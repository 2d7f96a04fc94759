package app.rapport.support;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's own endpoints as Spring MVC maps them (path, HTTP method, parameters, body type), so
 * that a replay test covers every endpoint, including ones added after the test was written.
 */
public final class Endpoints {

	private Endpoints() {
	}

	/** Where a parameter comes from. */
	public enum Source {

		QUERY, PATH, FILE

	}

	/** One parameter of a handler method. */
	public record Param(String name, Class<?> type, Source source, boolean required) {

		public boolean numeric() {
			return Number.class.isAssignableFrom(org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type));
		}

		public boolean text() {
			return type == String.class;
		}

	}

	/** One handler method under one path pattern and one HTTP method. */
	public record Endpoint(String method, String path, Set<String> consumes, List<Param> params, Class<?> bodyType,
			HandlerMethod handler) {

		public boolean api() {
			return path.startsWith("/api/");
		}

		public List<Param> query() {
			return params.stream().filter(p -> p.source() == Source.QUERY).toList();
		}

		public List<Param> pathVariables() {
			return params.stream().filter(p -> p.source() == Source.PATH).toList();
		}

		public List<Param> files() {
			return params.stream().filter(p -> p.source() == Source.FILE).toList();
		}

		public boolean multipart() {
			return consumes.contains("multipart/form-data") || !files().isEmpty();
		}

		/** Whether the body is read as JSON (a typed object, a map or a JSON tree). */
		public boolean jsonBody() {
			return bodyType != null && bodyType != byte[].class && bodyType != String.class
					&& (consumes.isEmpty() || consumes.contains("application/json"));
		}

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

	/** Every endpoint of a handler in {@code app.rapport}, sorted by path and method. */
	public static List<Endpoint> of(RequestMappingHandlerMapping mapping) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
			HandlerMethod handler = e.getValue();
			if (!handler.getBeanType().getName().startsWith("app.rapport.")) {
				continue;
			}
			RequestMappingInfo info = e.getKey();
			Set<String> methods = info.getMethodsCondition()
				.getMethods()
				.stream()
				.map(RequestMethod::name)
				.collect(Collectors.toCollection(LinkedHashSet::new));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			Set<String> consumes = info.getConsumesCondition()
				.getConsumableMediaTypes()
				.stream()
				.map(m -> m.getType() + "/" + m.getSubtype())
				.collect(Collectors.toSet());
			List<Param> params = new ArrayList<>();
			Class<?> bodyType = null;
			for (MethodParameter p : handler.getMethodParameters()) {
				p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				Class<?> type = p.getParameterType();
				RequestParam rp = p.getParameterAnnotation(RequestParam.class);
				PathVariable pv = p.getParameterAnnotation(PathVariable.class);
				if (p.hasParameterAnnotation(RequestBody.class)) {
					bodyType = type;
				}
				else if (pv != null) {
					params.add(new Param(name(pv.name(), pv.value(), p), type, Source.PATH, true));
				}
				else if (isFile(p)) {
					params.add(new Param(rp == null ? p.getParameterName() : name(rp.name(), rp.value(), p), type,
							Source.FILE, false));
				}
				else if (rp != null && !Map.class.isAssignableFrom(type)) {
					boolean required = rp.required() && ValueConstants.DEFAULT_NONE.equals(rp.defaultValue());
					params.add(new Param(name(rp.name(), rp.value(), p), element(p), Source.QUERY, required));
				}
				else if (rp == null && p.getParameterAnnotations().length == 0 && BeanUtils.isSimpleProperty(type)
						&& !p.hasParameterAnnotation(RequestHeader.class)) {
					params.add(new Param(p.getParameterName(), type, Source.QUERY, false));
				}
			}
			for (String path : info.getPatternValues()) {
				for (String method : methods) {
					endpoints.add(new Endpoint(method, path, consumes, List.copyOf(params), bodyType, handler));
				}
			}
		}
		endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method)
			.thenComparing(e -> String.join(",", e.consumes())));
		return endpoints;
	}

	private static String name(String name, String value, MethodParameter p) {
		if (!name.isEmpty()) {
			return name;
		}
		return value.isEmpty() ? p.getParameterName() : value;
	}

	private static boolean isFile(MethodParameter p) {
		if (MultipartFile.class.isAssignableFrom(p.getParameterType())) {
			return true;
		}
		return Collection.class.isAssignableFrom(p.getParameterType()) && element(p) == MultipartFile.class;
	}

	/** The element type of a list parameter, else the parameter's own type. */
	private static Class<?> element(MethodParameter p) {
		if (Collection.class.isAssignableFrom(p.getParameterType())) {
			Type generic = p.getGenericParameterType();
			if (generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
				return c;
			}
		}
		return p.getParameterType();
	}

}

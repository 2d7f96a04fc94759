package app.rapport.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Turns untrusted page/size parameters into a bounded {@link PageRequest}. */
public final class Paging {

	public static final int DEFAULT_SIZE = 25;

	public static final int MAX_SIZE = 200;

	private Paging() {
	}

	public static PageRequest of(Integer page, Integer size, Sort sort) {
		int p = page == null ? 0 : page;
		int s = size == null ? DEFAULT_SIZE : size;
		if (p < 0) {
			throw new InvalidInputException("page", "must be 0 or more");
		}
		if (s < 1 || s > MAX_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
		}
		return PageRequest.of(p, s, sort);
	}

}

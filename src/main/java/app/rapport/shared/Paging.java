package app.rapport.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Turns untrusted page/size parameters into a bounded {@link PageRequest}. */
public final class Paging {

	public static final int DEFAULT_SIZE = 25;

	public static final int MAX_SIZE = 200;

	private Paging() {
	}

	/**
	 * A page request for pages counted from 0; a page whose rows would lie beyond what a query can skip
	 * (an offset past {@link Integer#MAX_VALUE}) is refused like a negative one, never passed on to overflow.
	 */
	public static PageRequest of(Integer page, Integer size, Sort sort) {
		int p = page == null ? 0 : page;
		int s = size == null ? DEFAULT_SIZE : size;
		if (s < 1 || s > MAX_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
		}
		if (p < 0) {
			throw new InvalidInputException("page", "must be 0 or more");
		}
		if (p > maxPage(s)) {
			throw new InvalidInputException("page", "must be at most " + maxPage(s) + " for pages of " + s);
		}
		return PageRequest.of(p, s, sort);
	}

	/** The last page whose rows a query can still reach: offset plus size stays within an int. */
	public static int maxPage(int size) {
		return Integer.MAX_VALUE / size - 1;
	}

}

package app.rapport.shared;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of an API list: {@code {items, page, size, total, totalIsEstimate}}, pages counted from 0. When
 * {@code totalIsEstimate} is true the total is a lower bound ({@link CappedPage#CAP} + 1: "more than 1,000"):
 * the filters asked for would need a scan to count exactly.
 */
public record PageResponse<T>(List<T> items, int page, int size, long total, boolean totalIsEstimate) {

	public PageResponse(List<T> items, int page, int size, long total) {
		this(items, page, size, total, false);
	}

	public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
		return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
				page.getTotalElements(), page instanceof CappedPage<?> capped && capped.isTotalEstimate());
	}

}

package app.rapport.shared;

import java.util.List;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page whose total may be a lower bound: where an exact total would need a scan of a big table, a list
 * counts at most {@link #CAP} + 1 and says "1,000+" ({@code totalIsEstimate} in the API).
 */
public class CappedPage<T> extends PageImpl<T> {

	/** The most a list counts exactly when no counter answers its filters. */
	public static final int CAP = 1000;

	private final boolean estimate;

	public CappedPage(List<T> content, Pageable pageable, long total, boolean estimate) {
		super(content, pageable, total);
		this.estimate = estimate;
	}

	/** Whether the total is only "at least": there are more than {@link #CAP}. */
	public boolean isTotalEstimate() {
		return estimate;
	}

	/** The same page with other content (mapped), keeping the total and whether it is an estimate. */
	public static <S, T> CappedPage<T> of(org.springframework.data.domain.Page<S> page, List<T> content) {
		boolean estimate = page instanceof CappedPage<?> capped && capped.isTotalEstimate();
		return new CappedPage<>(content, page.getPageable(), page.getTotalElements(), estimate);
	}

}

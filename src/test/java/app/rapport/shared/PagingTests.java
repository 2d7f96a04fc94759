package app.rapport.shared;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PagingTests {

	@Test
	void givesTheFirstPageOfTheDefaultSizeWhenNothingIsAsked() {
		PageRequest request = Paging.of(null, null, Sort.unsorted());
		assertThat(request.getPageNumber()).isZero();
		assertThat(request.getPageSize()).isEqualTo(Paging.DEFAULT_SIZE);
	}

	@Test
	void acceptsTheLastPageWhoseRowsAQueryCanReach() {
		PageRequest last = Paging.of(Paging.maxPage(200), 200, Sort.unsorted());
		assertThat(last.getOffset() + last.getPageSize()).isLessThanOrEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void refusesAPageWhoseOffsetWouldOverflow() {
		for (int[] pageAndSize : new int[][] { { 99_999_999, 200 }, { Integer.MAX_VALUE, 25 }, { Paging.maxPage(7) + 1, 7 } }) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> Paging.of(pageAndSize[0], pageAndSize[1], Sort.unsorted()))
				.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("page"));
		}
	}

	@Test
	void refusesANegativePageAndASizeOutsideItsBounds() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Paging.of(-1, 25, Sort.unsorted()))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("page"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Paging.of(0, 0, Sort.unsorted()))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("size"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> Paging.of(0, Paging.MAX_SIZE + 1, Sort.unsorted()))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("size"));
	}

}

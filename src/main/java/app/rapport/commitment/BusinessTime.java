package app.rapport.commitment;

import java.time.Duration;
import java.time.Instant;

import app.rapport.commitment.calendar.BusinessCalendar;

/** Working-time arithmetic as the clock computation needs it; a business calendar, or round the clock in tests. */
interface BusinessTime {

	Instant plus(Instant from, Duration businessTime);

	Duration between(Instant from, Instant to);

	static BusinessTime of(BusinessCalendar calendar) {
		return new BusinessTime() {
			@Override
			public Instant plus(Instant from, Duration businessTime) {
				return calendar.plus(from, businessTime);
			}

			@Override
			public Duration between(Instant from, Instant to) {
				return calendar.between(from, to);
			}
		};
	}

	/** Every second counts: for tests and for plans that promise round-the-clock service. */
	BusinessTime ROUND_THE_CLOCK = new BusinessTime() {
		@Override
		public Instant plus(Instant from, Duration businessTime) {
			return from.plus(businessTime);
		}

		@Override
		public Duration between(Instant from, Instant to) {
			return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
		}
	};

}

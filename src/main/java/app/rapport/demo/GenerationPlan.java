package app.rapport.demo;

/**
 * How much to generate. {@code messagesPerTicket} is an average over all tickets; zero or less keeps each
 * template's own conversation. {@code batchSize} is the number of tickets (or contacts) per transaction.
 */
public record GenerationPlan(int organizations, int contacts, int tickets, double messagesPerTicket, long seed,
		int batchSize) {

	/** The demo company: about 30 organizations, 200 contacts and 1,000 tickets with their natural conversations. */
	public static GenerationPlan demo(int organizations) {
		return new GenerationPlan(organizations, 200, 1_000, 0, 20_240_601L, 500);
	}

	public GenerationPlan {
		if (organizations < 0 || contacts < 1 || tickets < 0 || batchSize < 1) {
			throw new IllegalArgumentException("A plan needs at least one contact and a positive batch size");
		}
	}

}

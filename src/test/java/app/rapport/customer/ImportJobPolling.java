package app.rapport.customer;

import app.rapport.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Follows a background import over the API until it is done or failed. */
final class ImportJobPolling {

	private ImportJobPolling() {
	}

	/** The finished job behind a 202 answer; fails the test when it is not finished within two minutes. */
	static JsonNode finished(Api api, Api.Response accepted) {
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		String location = accepted.header("Location");
		assertThat(location).as("Location of the import job").contains("/imports/");
		String path = location.substring(location.indexOf("/api/"));
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (true) {
			Api.Response job = api.get(path);
			assertThat(job.status()).as(job.body()).isEqualTo(200);
			String state = job.json().get("state").asString();
			if ("DONE".equals(state) || "FAILED".equals(state)) {
				return job.json();
			}
			assertThat(System.nanoTime()).as("import still " + state + " after two minutes").isLessThan(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/** The report of an import that must have finished well. */
	static JsonNode report(Api api, Api.Response accepted) {
		JsonNode job = finished(api, accepted);
		assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("DONE");
		return job.get("report");
	}

}

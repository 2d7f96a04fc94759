package app.rapport.customer;

import java.util.List;

/**
 * The outcome of an import: on a dry run, what would happen; otherwise what was written. Rows with a
 * problem are never written; every other row is ({@code created}).
 */
public record ImportReport(boolean dryRun, String charset, int rows, int validRows, int created,
		List<String> ignoredColumns, List<ImportProblem> problems) {

	/** Lines with at least one problem. */
	public long invalidRows() {
		return problems.stream().filter(p -> p.line() > 1).map(ImportProblem::line).distinct().count();
	}

}

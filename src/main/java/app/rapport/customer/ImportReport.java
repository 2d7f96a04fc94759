package app.rapport.customer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of an import: on a dry run, what would happen; otherwise what was written. Rows with a
 * problem are never written; every other row is ({@code created}). {@code problems} are sorted by line;
 * a stored report may list only the first of them and count the rest in {@code problemsNotListed}.
 */
public record ImportReport(boolean dryRun, String charset, int rows, int validRows, int invalidRows, int created,
		List<String> ignoredColumns, List<ImportProblem> problems, int problemsNotListed) {

	static ImportReport of(boolean dryRun, String charset, int rows, int validRows, int created, List<String> ignoredColumns,
			List<ImportProblem> problems) {
		List<ImportProblem> sorted = new ArrayList<>(problems);
		sorted.sort(Comparator.comparingInt(ImportProblem::line));
		// Line 1 is the header: its problems concern the file, not a row.
		int invalid = (int) sorted.stream().filter(p -> p.line() > 1).map(ImportProblem::line).distinct().count();
		return new ImportReport(dryRun, charset, rows, validRows, invalid, created, List.copyOf(ignoredColumns),
				List.copyOf(sorted), 0);
	}

	/** The same report listing at most {@code max} problems, the first ones by line. */
	ImportReport listingAtMost(int max) {
		if (problems.size() <= max) {
			return this;
		}
		return new ImportReport(dryRun, charset, rows, validRows, invalidRows, created, ignoredColumns,
				List.copyOf(problems.subList(0, max)), problemsNotListed + problems.size() - max);
	}

}

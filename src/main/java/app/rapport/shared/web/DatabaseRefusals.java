package app.rapport.shared.web;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * The last line behind the checks that keep bad values from the database: a value the database itself
 * refuses as data (SQLSTATE class 22: too long, U+0000, a date out of its range) is the caller's input, so
 * it is answered 400, not 500. It still means a check is missing, so it is logged, once, at WARN.
 */
final class DatabaseRefusals {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRefusals.class);

	private DatabaseRefusals() {
	}

	static boolean isRefusedValue(DataIntegrityViolationException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return true;
			}
		}
		return false;
	}

	static void log(DataIntegrityViolationException ex) {
		log.warn("The database refused a value that no check caught (answered 400): {}",
				ex.getMostSpecificCause().getMessage().lines().findFirst().orElse(""));
	}

}

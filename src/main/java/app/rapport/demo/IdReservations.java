package app.rapport.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Takes blocks of ids from the entities' sequences so that bulk rows and rows made by Hibernate never meet.
 *
 * <p>Hibernate's pooled optimizer (allocation size 50, {@code increment by 50}) reads a value {@code v} and
 * uses the ids {@code v-49 .. v}. A reservation reads {@code v} (so Hibernate never gets it), keeps
 * {@code v .. v+count-1} for itself and restarts the sequence at {@code v+count+50} rounded up: Hibernate's
 * next block starts above the reserved ids. The restart is DDL (it commits on H2), so it runs on a
 * connection of its own in auto-commit mode.
 */
final class IdReservations implements AutoCloseable {

	private static final int ALLOCATION_SIZE = 50;

	private final Connection connection;

	private final boolean postgres;

	IdReservations(DataSource dataSource) throws SQLException {
		this.connection = dataSource.getConnection();
		this.connection.setAutoCommit(true);
		this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
	}

	boolean postgres() {
		return postgres;
	}

	/** The first of {@code count} consecutive ids that are now this caller's alone. */
	long reserve(String sequence, long count) throws SQLException {
		if (!sequence.matches("[a-z_]+")) {
			throw new IllegalArgumentException(sequence);
		}
		try (Statement s = connection.createStatement()) {
			long first;
			try (ResultSet rs = s.executeQuery(postgres ? "select nextval('" + sequence + "')"
					: "select next value for " + sequence)) {
				rs.next();
				first = rs.getLong(1);
			}
			long restart = first + ((count + ALLOCATION_SIZE - 1) / ALLOCATION_SIZE + 1) * ALLOCATION_SIZE;
			s.execute("alter sequence " + sequence + " restart with " + restart);
			return first;
		}
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}

}

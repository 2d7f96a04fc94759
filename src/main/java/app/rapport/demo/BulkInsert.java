package app.rapport.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers rows for one table and writes them as multi-row {@code insert ... values (...), (...)} statements in
 * JDBC batches: one round trip carries hundreds of rows on PostgreSQL as well as on H2.
 */
final class BulkInsert {

	private static final int MAX_PARAMETERS = 30_000;

	private static final int MAX_ROWS_PER_STATEMENT = 100;

	private final String table;

	private final String[] columns;

	private final int[] types;

	private final int rowsPerStatement;

	private final List<Object[]> rows = new ArrayList<>();

	private long written;

	/** {@code columnsAndTypes}: alternating column name and {@link Types} constant. */
	BulkInsert(String table, Object... columnsAndTypes) {
		this.table = table;
		this.columns = new String[columnsAndTypes.length / 2];
		this.types = new int[columns.length];
		for (int i = 0; i < columns.length; i++) {
			columns[i] = (String) columnsAndTypes[2 * i];
			types[i] = (Integer) columnsAndTypes[2 * i + 1];
		}
		this.rowsPerStatement = Math.min(MAX_ROWS_PER_STATEMENT, MAX_PARAMETERS / columns.length);
	}

	void add(Object... values) {
		if (values.length != columns.length) {
			throw new IllegalArgumentException(table + " has " + columns.length + " columns, got " + values.length);
		}
		rows.add(values);
	}

	int pending() {
		return rows.size();
	}

	long written() {
		return written;
	}

	/** The buffered rows, e.g. to set ids reserved once their number is known. */
	List<Object[]> rows() {
		return rows;
	}

	/** Writes the buffered rows in the caller's transaction. */
	void flush(Connection connection) throws SQLException {
		if (rows.isEmpty()) {
			return;
		}
		int full = rows.size() / rowsPerStatement;
		int index = 0;
		if (full > 0) {
			try (PreparedStatement ps = connection.prepareStatement(sql(rowsPerStatement))) {
				for (int s = 0; s < full; s++) {
					int p = 1;
					for (int r = 0; r < rowsPerStatement; r++) {
						p = bind(ps, p, rows.get(index++));
					}
					ps.addBatch();
				}
				ps.executeBatch();
			}
		}
		int rest = rows.size() - index;
		if (rest > 0) {
			try (PreparedStatement ps = connection.prepareStatement(sql(rest))) {
				int p = 1;
				while (index < rows.size()) {
					p = bind(ps, p, rows.get(index++));
				}
				ps.executeUpdate();
			}
		}
		written += rows.size();
		rows.clear();
	}

	private String sql(int rowCount) {
		StringBuilder sb = new StringBuilder("insert into ").append(table).append(" (").append(String.join(", ", columns))
			.append(") values ");
		String row = "(" + "?, ".repeat(columns.length - 1) + "?)";
		for (int r = 0; r < rowCount; r++) {
			sb.append(r == 0 ? "" : ", ").append(row);
		}
		return sb.toString();
	}

	private int bind(PreparedStatement ps, int position, Object[] values) throws SQLException {
		int p = position;
		for (int c = 0; c < values.length; c++) {
			Object v = values[c];
			if (v == null) {
				ps.setNull(p++, types[c]);
			}
			else if (v instanceof Instant instant) {
				ps.setObject(p++, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
			}
			else if (v instanceof Long l) {
				ps.setLong(p++, l);
			}
			else if (v instanceof Integer i) {
				ps.setInt(p++, i);
			}
			else if (v instanceof Short sh) {
				ps.setShort(p++, sh);
			}
			else if (v instanceof Boolean b) {
				ps.setBoolean(p++, b);
			}
			else {
				ps.setString(p++, v.toString());
			}
		}
		return p;
	}

}

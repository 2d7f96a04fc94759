package app.rapport.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A digest of every row of every application table, to show that a refused request changed nothing.
 * Columns that every request touches (a token's last use) are left out.
 */
public final class DatabaseFingerprint {

	private static final Set<String> SKIPPED_TABLES = Set.of("flyway_schema_history");

	private static final Set<String> SKIPPED_COLUMNS = Set.of("last_used_at");

	private final JdbcTemplate jdbc;

	private final List<String> tables;

	public DatabaseFingerprint(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.tables = tables(dataSource);
	}

	/** Table name to the digest of its rows. */
	public Map<String, String> take() {
		Map<String, String> digests = new LinkedHashMap<>();
		for (String table : tables) {
			List<String> rows = new ArrayList<>();
			jdbc.query("select * from " + table, rs -> {
				Map<String, Object> row = new TreeMap<>();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					String column = rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT);
					if (!SKIPPED_COLUMNS.contains(column)) {
						Object value = rs.getObject(i);
						row.put(column, value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value);
					}
				}
				rows.add(row.toString());
			});
			rows.sort(null);
			digests.put(table, sha256(String.join("\n", rows)) + " (" + rows.size() + " rows)");
		}
		return digests;
	}

	/** The tables whose digest differs between two fingerprints. */
	public static List<String> changed(Map<String, String> before, Map<String, String> after) {
		return after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).toList();
	}

	private static List<String> tables(DataSource dataSource) {
		List<String> names = new ArrayList<>();
		try (Connection c = dataSource.getConnection()) {
			DatabaseMetaData meta = c.getMetaData();
			try (ResultSet rs = meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
					if (!SKIPPED_TABLES.contains(name)) {
						names.add(name);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		names.sort(null);
		return List.copyOf(names);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

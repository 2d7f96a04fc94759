package app.rapport.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes a list as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese and Cyrillic) or XLSX. */
public final class TabularExport {

	/** The two export formats every list offers. */
	public enum Format {

		CSV("text/csv; charset=UTF-8", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				"xlsx");

		private final String contentType;

		private final String extension;

		Format(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

		public String contentType() {
			return contentType;
		}

		public String extension() {
			return extension;
		}

		/** Parses "csv" or "xlsx" (any case). */
		public static Format parse(String value) {
			try {
				return valueOf(value.toUpperCase(Locale.ROOT));
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException("format", "must be csv or xlsx");
			}
		}

	}

	private static final String FORMULA_START = "=+-@\t\r";

	/** Phone numbers and plain numbers: what a spreadsheet can only compute, never call or look up. */
	private static final Pattern HARMLESS_NUMBER = Pattern.compile("[+\\-][0-9 ()./;+\\-]*");

	private TabularExport() {
	}

	/** Streams the header and rows to {@code out}; rows are consumed lazily so big lists stay out of memory. */
	public static void write(Format format, String sheetName, List<String> header, Stream<List<?>> rows,
			OutputStream out) {
		try {
			if (format == Format.CSV) {
				writeCsv(header, rows, out);
			}
			else {
				writeXlsx(sheetName, header, rows, out);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeCsv(List<String> header, Stream<List<?>> rows, OutputStream out) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().get())) {
			printer.printRecord(header);
			rows.forEachOrdered(row -> {
				try {
					printer.printRecord(row.stream().map(TabularExport::cell).toList());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	private static void writeXlsx(String sheetName, List<String> header, Stream<List<?>> rows, OutputStream out)
			throws IOException {
		Workbook workbook = new Workbook(out, "Rapport", "1.0");
		Worksheet sheet = workbook.newWorksheet(sheetName);
		for (int c = 0; c < header.size(); c++) {
			sheet.value(0, c, header.get(c));
			sheet.style(0, c).bold().set();
		}
		int[] r = { 1 };
		rows.forEachOrdered(row -> {
			for (int c = 0; c < row.size(); c++) {
				Object v = row.get(c);
				if (v instanceof Number n) {
					sheet.value(r[0], c, n);
				}
				else {
					sheet.value(r[0], c, cell(v));
				}
			}
			r[0]++;
		});
		workbook.finish();
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		return value instanceof Number ? value.toString() : guard(value.toString());
	}

	/**
	 * Neutralises a text a spreadsheet would run as a formula (CSV injection): one that starts with
	 * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which spreadsheets read as
	 * "this is text". Two exceptions keep the rule exact and phone numbers readable:
	 * <ul>
	 * <li>a text made only of digits, spaces and {@code + - ( ) . / ;} stays as it is ("+359 88 123 4567",
	 * "+359 88 123 4567; +86 138 0013 8000", "-5"): without letters, {@code |}, {@code !}, {@code :} or
	 * quotes it can neither call a function nor read a cell, so at worst a spreadsheet shows it as a number;</li>
	 * <li>a text that already starts with apostrophes followed by one of those characters gets one more
	 * apostrophe, so that {@link #unguard} can tell a guard from the user's own apostrophe.</li>
	 * </ul>
	 * {@code unguard(guard(s))} is {@code s} for every {@code s}.
	 */
	public static String guard(String text) {
		if (needsGuard(text)) {
			return "'" + text;
		}
		return text;
	}

	/** Undoes {@link #guard}: drops one leading apostrophe when what follows is apostrophes and a formula character. */
	public static String unguard(String text) {
		if (text != null && text.length() > 1 && text.charAt(0) == '\'' && startsAFormula(text.substring(1))) {
			return text.substring(1);
		}
		return text;
	}

	private static boolean needsGuard(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		if ((first == '+' || first == '-') && HARMLESS_NUMBER.matcher(text).matches()) {
			return false;
		}
		return startsAFormula(text);
	}

	/** Zero or more apostrophes, then {@code = + - @}, tab or carriage return. */
	private static boolean startsAFormula(String text) {
		int i = 0;
		while (i < text.length() && text.charAt(i) == '\'') {
			i++;
		}
		return i < text.length() && FORMULA_START.indexOf(text.charAt(i)) >= 0;
	}

}

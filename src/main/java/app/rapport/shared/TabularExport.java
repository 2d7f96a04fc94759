package app.rapport.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
		String s = value.toString();
		// Neutralise spreadsheet formulas in exported user text (CSV injection).
		if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
			return "'" + s;
		}
		return s;
	}

}

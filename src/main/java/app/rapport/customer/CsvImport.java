package app.rapport.customer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.rapport.shared.TabularExport;
import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV file: detects its encoding (UTF-8 with or without BOM, GB18030, Windows-1251,
 * Big5) unless one is given, its delimiter (comma, semicolon or tab), and maps its columns to known
 * column keys by header name. Pure; no database.
 */
public final class CsvImport {

	public static final int MAX_ROWS = 50_000;

	/** How much of a file the GB18030-or-Big5 decision looks at: plenty of characters, bounded time. */
	private static final int SCORED_BYTES = 64 * 1024;

	private static final String CHINESE = "chinese";

	/**
	 * Big5 as Windows writes it (code page 950): a superset of Java's plain "Big5", which lacks the seven
	 * Eten characters such as 碁 and 裏 and the euro sign that Traditional Chinese Excel files contain.
	 */
	static final Charset BIG5 = Charset.forName("x-windows-950");

	private static final Charset GB18030 = Charset.forName("GB18030");

	/** Encodings we accept by name in the override parameter. */
	static final Map<String, String> CHARSET_NAMES = Map.of("utf-8", "UTF-8", "utf8", "UTF-8", "gb18030", "GB18030", "gbk",
			"GB18030", "gb2312", "GB18030", "windows-1251", "windows-1251", "cp1251", "windows-1251", "big5", BIG5.name(),
			"cp950", BIG5.name());

	/** ICU's names for Chinese and Cyrillic encodings: which of the two families we decode them as. */
	private static final Map<String, String> DETECTED = Map.of("GB18030", CHINESE, "GBK", CHINESE, "GB2312", CHINESE,
			"Big5", CHINESE, "EUC-KR", CHINESE, "EUC-JP", CHINESE, "Shift_JIS", CHINESE, "windows-1251", "windows-1251",
			"ISO-8859-5", "windows-1251", "KOI8-R", "windows-1251");

	private CsvImport() {
	}

	/** The decoded text and the encoding used. */
	public record Decoded(Charset charset, String text) {

		/** The encoding's name as users know it ("Big5" rather than Java's "x-windows-950"). */
		public String charsetName() {
			return BIG5.equals(charset) ? "Big5" : charset.name();
		}

	}

	/** A data row: its line number in the file and its values by column key. */
	public record Row(int line, Map<String, String> values) {

		public String get(String key) {
			String v = values.get(key);
			return v == null || v.isBlank() ? null : v.trim();
		}

	}

	/** The rows of a file, the columns that were not understood, and file-level problems. */
	public record Table(List<String> columns, List<Row> rows, List<String> ignoredColumns, List<ImportProblem> problems) {
	}

	/**
	 * Decodes the file: the override when given (refused if unknown or if the bytes are not valid in it),
	 * otherwise UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise what ICU detects.
	 */
	public static Decoded decode(byte[] bytes, String override) {
		if (override != null && !override.isBlank()) {
			String name = CHARSET_NAMES.get(override.trim().toLowerCase(Locale.ROOT));
			if (name == null) {
				throw new CustomerInputException("charset", "invalidCharset", "must be one of UTF-8, GB18030, windows-1251, Big5");
			}
			Charset charset = Charset.forName(name);
			String text = strictDecode(bytes, charset);
			if (text == null) {
				String label = new Decoded(charset, "").charsetName();
				throw new CustomerInputException(List.of(new FieldProblem("charset", "wrongCharset", "the file is not valid " + label, label)));
			}
			return new Decoded(charset, stripBom(text));
		}
		String utf8 = strictDecode(bytes, StandardCharsets.UTF_8);
		if (utf8 != null) {
			return new Decoded(StandardCharsets.UTF_8, stripBom(utf8));
		}
		CharsetDetector detector = new CharsetDetector();
		detector.setText(bytes);
		CharsetMatch[] matches = detector.detectAll();
		// ICU tells Chinese from Cyrillic well, but not GB18030 from Big5 in a short file (it gives both the
		// same low confidence and may name a Japanese or Korean encoding): chineseOf decides between the two.
		for (CharsetMatch match : matches) {
			String family = DETECTED.get(match.getName());
			if (CHINESE.equals(family)) {
				Decoded chinese = chineseOf(bytes);
				if (chinese != null) {
					return chinese;
				}
			}
			else if (family != null) {
				Charset charset = Charset.forName(family);
				String text = strictDecode(bytes, charset);
				if (text != null) {
					return new Decoded(charset, text);
				}
			}
		}
		// Neither UTF-8 nor a recognisable Chinese or Cyrillic file: GB18030 decodes (nearly) anything, so
		// prefer Windows-1251, whose every byte is a character, and let the report show the result.
		Charset fallback = Charset.forName("windows-1251");
		return new Decoded(fallback, new String(bytes, fallback));
	}

	/**
	 * Reads the rows. {@code aliases} maps a normalized header name (see {@link #headerKey}) to a column key;
	 * unknown headers are ignored and listed.
	 */
	public static Table read(String text, Map<String, String> aliases) {
		List<ImportProblem> problems = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = delimiterOf(firstLine);
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
		List<String> columns = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			var iterator = parser.iterator();
			if (!iterator.hasNext()) {
				problems.add(new ImportProblem(1, "file", "emptyFile", "the file has no header row", null));
				return new Table(columns, rows, ignored, problems);
			}
			CSVRecord header = iterator.next();
			for (String name : header) {
				String key = aliases.get(headerKey(name));
				columns.add(key);
				if (key == null && !name.isBlank() && !"id".equals(headerKey(name))) {
					ignored.add(name.trim());
				}
			}
			if (!columns.contains("name")) {
				problems.add(new ImportProblem(1, "name", "missingNameColumn", "the header has no name column", null));
				return new Table(columns, rows, ignored, problems);
			}
			long lineBefore = parser.getCurrentLineNumber();
			while (true) {
				CSVRecord record;
				int line = (int) lineBefore + 1;
				try {
					if (!iterator.hasNext()) {
						break;
					}
					record = iterator.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					problems.add(new ImportProblem(line, "file", "malformedCsv",
							"the file cannot be read from here on (an unclosed quote?)", null));
					break;
				}
				lineBefore = parser.getCurrentLineNumber();
				if (rows.size() >= MAX_ROWS) {
					problems.add(new ImportProblem(line, "file", "tooManyRows", "a file may have at most " + MAX_ROWS + " rows",
							String.valueOf(MAX_ROWS)));
					break;
				}
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (int i = 0; i < record.size(); i++) {
					String key = i < columns.size() ? columns.get(i) : null;
					if (i >= columns.size() && !record.get(i).isBlank()) {
						problems.add(new ImportProblem(line, "file", "tooManyValues", "the row has more values than the header has columns", null));
						break;
					}
					if (key != null) {
						// Rapport's own exports guard formula-like values with an apostrophe: take it off again.
						values.put(key, TabularExport.unguard(record.get(i)));
					}
				}
				rows.add(new Row(line, values));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Table(columns, rows, ignored, problems);
	}

	/** A header name as compared: lower case, without spaces, dashes, underscores and a BOM. */
	public static String headerKey(String header) {
		return header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
	}

	/** Values of a multi-valued cell ("a@x.cn; b@x.cn"). */
	static List<String> split(String cell, String separators) {
		if (cell == null || cell.isBlank()) {
			return List.of();
		}
		return List.of(cell.split("[" + separators + "]+")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private static char delimiterOf(String headerLine) {
		int commas = count(headerLine, ','), semicolons = count(headerLine, ';'), tabs = count(headerLine, '\t');
		if (tabs > commas && tabs > semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	private static int count(String s, char c) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}

	/**
	 * GB18030 or Big5, whichever the bytes are valid in and, when both are, whichever reads more of its
	 * own common characters: GB2312's first level (the 3,755 most used Simplified characters, lead bytes
	 * B0–D7) against Big5's frequent block (the 5,401 most used Traditional characters, A440–C67E). Text
	 * read in the wrong one turns largely into kana, symbols, private-use or rare characters, so the right
	 * one scores higher; a tie (a file too short to tell) goes to GB18030.
	 */
	static Decoded chineseOf(byte[] bytes) {
		String gb = strictDecode(bytes, GB18030);
		String big5 = strictDecode(bytes, BIG5);
		if (big5 != null && (gb == null || commonBig5(bytes) > commonGb2312(bytes))) {
			return new Decoded(BIG5, big5);
		}
		return gb == null ? null : new Decoded(GB18030, gb);
	}

	/** How many two-byte GB characters in the first 64 KiB are in GB2312's first level. */
	static int commonGb2312(byte[] bytes) {
		int common = 0;
		int end = Math.min(bytes.length, SCORED_BYTES);
		for (int i = 0; i < end; i++) {
			int lead = bytes[i] & 0xFF;
			if (lead < 0x81 || i + 1 >= end) {
				continue;
			}
			int trail = bytes[i + 1] & 0xFF;
			if (trail >= 0x30 && trail <= 0x39) {
				i += 3; // a four-byte GB18030 sequence
				continue;
			}
			if (lead >= 0xB0 && lead <= 0xD7 && trail >= 0xA1 && trail <= 0xFE) {
				common++;
			}
			i++;
		}
		return common;
	}

	/** How many two-byte Big5 characters in the first 64 KiB are in Big5's frequent block. */
	static int commonBig5(byte[] bytes) {
		int common = 0;
		int end = Math.min(bytes.length, SCORED_BYTES);
		for (int i = 0; i < end; i++) {
			int lead = bytes[i] & 0xFF;
			if (lead < 0x81 || i + 1 >= end) {
				continue;
			}
			int code = lead << 8 | bytes[i + 1] & 0xFF;
			if (code >= 0xA440 && code <= 0xC67E) {
				common++;
			}
			i++;
		}
		return common;
	}

	private static String stripBom(String text) {
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static String strictDecode(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}

package app.rapport.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TabularExportTests {

	static final List<String> VALUES = List.of("+359 88 123 4567", "+359 88 123 4567; +86 138 0013 8000", "+86 (138) 0013-8000", "-5", "0888 123 456",
			"=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", "+1+cmd|x", "-2+3*A1", "@SUM(A1:A9)", "\t=1", "\r=1",
			"'=already quoted", "''+359", "'", "''", "'Tis the season", "Иван Петров", "陳美玲", "", "a'=b", "+", "-");

	@Test
	void neutralisesFormulasButKeepsPhoneNumbersAndPlainText() {
		assertThat(TabularExport.guard("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
		assertThat(TabularExport.guard("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
		assertThat(TabularExport.guard("-2+3*A1")).isEqualTo("'-2+3*A1");
		assertThat(TabularExport.guard("+1+cmd|x")).isEqualTo("'+1+cmd|x");
		assertThat(TabularExport.guard("\t=1")).isEqualTo("'\t=1");
		assertThat(TabularExport.guard("+359 88 123 4567")).isEqualTo("+359 88 123 4567");
		assertThat(TabularExport.guard("+86 (138) 0013-8000")).isEqualTo("+86 (138) 0013-8000");
		assertThat(TabularExport.guard("+359 88 123 4567; +86 138 0013 8000")).isEqualTo("+359 88 123 4567; +86 138 0013 8000");
		assertThat(TabularExport.guard("-5")).isEqualTo("-5");
		assertThat(TabularExport.guard("'Tis the season")).isEqualTo("'Tis the season");
		assertThat(TabularExport.guard("陳美玲")).isEqualTo("陳美玲");
	}

	@Test
	void guardsAValueThatAlreadyLooksGuardedSoThatTheImportCanTellThemApart() {
		assertThat(TabularExport.guard("'=already quoted")).isEqualTo("''=already quoted");
		assertThat(TabularExport.unguard("''=already quoted")).isEqualTo("'=already quoted");
		assertThat(TabularExport.unguard("'=cmd")).isEqualTo("=cmd");
		assertThat(TabularExport.unguard("'+359 88 123 4567")).isEqualTo("+359 88 123 4567");
		assertThat(TabularExport.unguard("'Tis")).isEqualTo("'Tis");
	}

	@Test
	void unguardUndoesGuardForEveryValue() {
		for (String value : VALUES) {
			assertThat(TabularExport.unguard(TabularExport.guard(value))).as(value).isEqualTo(value);
		}
	}

	@Test
	void aCsvExportReadBackAndUnguardedGivesEveryValueUnchanged() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<List<?>> rows = VALUES.stream().<List<?>>map(v -> List.of(42, v)).toList();
		TabularExport.write(TabularExport.Format.CSV, "x", List.of("id", "value"), Stream.of(rows.toArray(List<?>[]::new)), out);
		String csv = out.toString(StandardCharsets.UTF_8).substring(1);
		List<String> read = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT)) {
			for (CSVRecord record : parser.getRecords().subList(1, VALUES.size() + 1)) {
				assertThat(record.get(0)).isEqualTo("42");
				read.add(TabularExport.unguard(record.get(1)));
			}
		}
		assertThat(read).containsExactlyElementsOf(VALUES);
		assertThat(csv).contains("\r\n42,+359 88 123 4567\r\n").contains("\r\n42,'=cmd|' /C calc'!A0\r\n");
	}

}

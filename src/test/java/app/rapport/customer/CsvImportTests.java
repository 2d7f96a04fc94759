package app.rapport.customer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvImportTests {

	static final String CHINESE = """
			name,email,phone,language,organization,tags
			王小明,wang.xiaoming@huaxing.cn,+86 138 0013 8000,zh-CN,深圳华星电子有限公司,重要客户
			李娜,li.na@huaxing.cn,,zh-CN,深圳华星电子有限公司,采购
			陈美玲,chen.meiling@example.tw,+886 2 2345 6789,zh-TW,,售后服务
			张伟,zhang.wei@example.cn,,zh-CN,,投诉处理
			""";

	static final String BULGARIAN = """
			name;email;phone;language;tags
			Иван Петров;ivan.petrov@example.bg;+359 2 987 6543;bg;ключов клиент
			Мария Георгиева;maria.georgieva@example.bg;;bg;доставки
			Стефан Николов;stefan.nikolov@example.bg;0888 123 456;bg;оплаквания
			""";

	static final Map<String, String> ALIASES = CustomerColumns.aliases(CustomerColumns.CONTACT, List.of(),
			column -> List.of(column));

	@Nested
	class Encodings {

		@Test
		void readsUtf8WithoutBom() {
			CsvImport.Decoded decoded = CsvImport.decode(CHINESE.getBytes(StandardCharsets.UTF_8), null);
			assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(decoded.text()).startsWith("name,").contains("王小明");
		}

		@Test
		void readsUtf8WithBomAndDropsTheBom() {
			byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
			byte[] body = BULGARIAN.getBytes(StandardCharsets.UTF_8);
			byte[] file = new byte[bom.length + body.length];
			System.arraycopy(bom, 0, file, 0, 3);
			System.arraycopy(body, 0, file, 3, body.length);
			CsvImport.Decoded decoded = CsvImport.decode(file, null);
			assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
			assertThat(decoded.text()).startsWith("name;");
			assertThat(CsvImport.read(decoded.text(), ALIASES).rows().get(0).get("name")).isEqualTo("Иван Петров");
		}

		@Test
		void detectsGb18030() {
			CsvImport.Decoded decoded = CsvImport.decode(CHINESE.getBytes(Charset.forName("GB18030")), null);
			assertThat(decoded.charset().name()).isEqualTo("GB18030");
			assertThat(decoded.text()).contains("深圳华星电子有限公司").contains("陈美玲");
		}

		@Test
		void detectsAShortGb18030FileAsGb18030RatherThanBig5() {
			CsvImport.Decoded decoded = CsvImport.decode("name,email\n陈美玲,chen@example.cn\n".getBytes(Charset.forName("GB18030")), null);
			assertThat(decoded.charset().name()).isEqualTo("GB18030");
			assertThat(decoded.text()).contains("陈美玲");
		}

		@Test
		void detectsBig5AndReadsTraditionalChineseNamesUnchanged() {
			String csv = """
					name,email,phone,language,organization,tags
					陳美玲,chen.meiling@example.tw,+886 2 2345 6789,zh-TW,臺北市立圖書館,售後服務
					林志明,lin.zhiming@example.tw,,zh-TW,臺北市立圖書館,重要客戶
					張雅婷,chang.yating@example.tw,,zh-TW,,投訴處理
					""";
			CsvImport.Decoded decoded = CsvImport.decode(csv.getBytes(Charset.forName("Big5")), null);
			assertThat(decoded.charsetName()).isEqualTo("Big5");
			CsvImport.Table table = CsvImport.read(decoded.text(), ALIASES);
			assertThat(table.rows()).extracting(row -> row.get("name")).containsExactly("陳美玲", "林志明", "張雅婷");
			assertThat(table.rows().get(0).get("organization")).isEqualTo("臺北市立圖書館");
			assertThat(table.rows().get(1).get("tags")).isEqualTo("重要客戶");
		}

		@Test
		void detectsAShortBig5FileAsBig5() {
			for (String csv : List.of("name,email\n陳美玲,chen@example.tw\n", "name\n臺北市\n", "name\n林志明\n")) {
				CsvImport.Decoded decoded = CsvImport.decode(csv.getBytes(Charset.forName("Big5")), null);
				assertThat(decoded.charsetName()).as(csv).isEqualTo("Big5");
				assertThat(decoded.text()).as(csv).isEqualTo(csv);
			}
		}

		@Test
		void keepsAGb18030FileWithTraditionalCharactersAsGb18030() {
			String csv = "name,city\n陳美玲,臺北市\n王小明,北京市\n";
			CsvImport.Decoded decoded = CsvImport.decode(csv.getBytes(Charset.forName("GB18030")), null);
			assertThat(decoded.charsetName()).isEqualTo("GB18030");
			assertThat(decoded.text()).isEqualTo(csv);
		}

		@Test
		void readsTheCharactersWindowsAddsToBig5() {
			// 碁 and 裏 are among the Eten characters of code page 950 that Java's plain "Big5" lacks.
			String csv = "name,notes\n陳碁裏,歐元 €\n";
			byte[] file = csv.getBytes(Charset.forName("x-windows-950"));
			assertThat(CsvImport.decode(file, "Big5").text()).isEqualTo(csv);
			assertThat(CsvImport.decode(file, null).charsetName()).isEqualTo("Big5");
			assertThat(CsvImport.decode(file, null).text()).isEqualTo(csv);
		}

		@Test
		void namesBig5InTheProblemWhenTheFileIsNotBig5() {
			byte[] file = BULGARIAN.getBytes(StandardCharsets.UTF_8);
			assertThatThrownBy(() -> CsvImport.decode(new byte[] { 'n', '\n', (byte) 0xFF, (byte) 0xFF }, "big5"))
				.isInstanceOf(CustomerInputException.class)
				.hasMessageContaining("not valid Big5");
			assertThat(CsvImport.decode(file, "UTF-8").charsetName()).isEqualTo("UTF-8");
		}

		@Test
		void detectsWindows1251() {
			CsvImport.Decoded decoded = CsvImport.decode(BULGARIAN.getBytes(Charset.forName("windows-1251")), null);
			assertThat(decoded.charset().name()).isEqualTo("windows-1251");
			assertThat(decoded.text()).contains("Мария Георгиева").contains("оплаквания");
		}

		@Test
		void usesTheExplicitEncodingWhenGiven() {
			byte[] file = BULGARIAN.getBytes(Charset.forName("windows-1251"));
			assertThat(CsvImport.decode(file, "cp1251").text()).contains("Стефан Николов");
			assertThatThrownBy(() -> CsvImport.decode(file, "UTF-8")).isInstanceOf(CustomerInputException.class)
				.hasMessageContaining("not valid UTF-8");
			assertThatThrownBy(() -> CsvImport.decode(file, "EBCDIC")).isInstanceOf(CustomerInputException.class);
		}

	}

	@Nested
	class Rows {

		@Test
		void mapsColumnsByHeaderAndDetectsSemicolons() {
			CsvImport.Table table = CsvImport.read(BULGARIAN, ALIASES);
			assertThat(table.rows()).hasSize(3);
			assertThat(table.rows().get(2).line()).isEqualTo(4);
			assertThat(table.rows().get(2).get("phone")).isEqualTo("0888 123 456");
			assertThat(table.ignoredColumns()).isEmpty();
		}

		@Test
		void listsUnknownColumnsAndRefusesAFileWithoutNameColumn() {
			CsvImport.Table table = CsvImport.read("name,email,shoe size\nA,a@example.com,42\n", ALIASES);
			assertThat(table.ignoredColumns()).containsExactly("shoe size");
			CsvImport.Table noName = CsvImport.read("email\na@example.com\n", ALIASES);
			assertThat(noName.problems()).extracting(ImportProblem::code).containsExactly("missingNameColumn");
		}

		@Test
		void takesOffTheApostropheTheExportPutsBeforeAFormulaAndKeepsPhoneNumbers() {
			String csv = "name,phone,personal_notes\n'=HYPERLINK(\"x\"),+359 88 123 4567; +86 138 0013 8000,''=quoted by the user\n";
			CsvImport.Row row = CsvImport.read(csv, ALIASES).rows().get(0);
			assertThat(row.get("name")).isEqualTo("=HYPERLINK(\"x\")");
			assertThat(row.get("phone")).isEqualTo("+359 88 123 4567; +86 138 0013 8000");
			assertThat(row.get("personal_notes")).isEqualTo("'=quoted by the user");
			var plan = ImportRules.contacts(CsvImport.read("name,phone\nIvan,'+359 88 123 4567\n", ALIASES), List.of(),
					name -> Optional.empty(), (e, p) -> Optional.empty());
			assertThat(plan.problems()).isEmpty();
			assertThat(plan.valid().get(0).details().phones()).containsExactly("+359 88 123 4567");
		}

		@Test
		void reportsABrokenQuoteWithItsLine() {
			CsvImport.Table table = CsvImport.read("name,email\nA,a@example.com\n\"B,b@example.com\n", ALIASES);
			assertThat(table.rows()).hasSize(1);
			assertThat(table.problems()).singleElement().satisfies(p -> {
				assertThat(p.code()).isEqualTo("malformedCsv");
				assertThat(p.line()).isEqualTo(3);
			});
		}

	}

	@Nested
	class Validation {

		@Test
		void reportsEveryBadRowWithLineFieldAndReason() {
			String csv = """
					name,email,phone,language,organization,lifecycle_stage
					Good One,good@example.com,,en,,
					,missing-name@example.com,,en,,
					Bad Mail,not-an-address,,en,,
					Bad Lang,lang@example.com,,fr,,
					Unknown Org,org@example.com,,en,Nowhere Ltd,
					Bad Stage,stage@example.com,,en,,happy
					Twin,GOOD@example.com,,en,,
					Existing,taken@example.com,,en,,
					""";
			var plan = ImportRules.contacts(CsvImport.read(csv, ALIASES), List.of(), name -> Optional.empty(),
					(emails, phones) -> emails.contains("taken@example.com")
							? Optional.of(new DuplicateCheck.Duplicate(99, "Taken", "email", "taken@example.com"))
							: Optional.empty());
			assertThat(plan.rows()).isEqualTo(8);
			assertThat(plan.valid()).extracting(ImportRules.Planned::line).containsExactly(2);
			assertThat(plan.problems()).extracting(p -> p.line() + ":" + p.field() + ":" + p.code())
				.containsExactly("3:name:required", "4:email:invalidEmail", "5:language:invalidLanguage",
						"6:organization:unknownOrganizationName", "7:lifecycleStage:invalidChoice",
						"8:email:duplicateInFile", "9:email:duplicateExisting");
			assertThat(plan.problems().get(5).reason()).contains("line 2");
			assertThat(plan.problems().get(6).reason()).contains("Taken").contains("#99");
		}

		@Test
		void resolvesOrganizationsAndCustomAttributes() {
			AttributeSpec tier = new AttributeSpec("tier", "Tier", AttributeType.CHOICE, List.of("Gold", "Silver"));
			var aliases = CustomerColumns.aliases(CustomerColumns.CONTACT, List.of(tier), column -> List.of(column));
			String csv = "name,email,organization,organization_role,Tier\n王小明,wang@huaxing.cn,深圳华星,payer,gold\n李娜,li@huaxing.cn,,,Bronze\n";
			var plan = ImportRules.contacts(CsvImport.read(csv, aliases), List.of(tier),
					name -> name.equals("深圳华星") ? Optional.of(5L) : Optional.empty(), (e, p) -> Optional.empty());
			assertThat(plan.valid()).singleElement().satisfies(row -> {
				assertThat(row.details().organizationId()).isEqualTo(5L);
				assertThat(row.details().organizationRole()).isEqualTo("payer");
				assertThat(row.details().attributes()).containsEntry("tier", "Gold");
			});
			assertThat(plan.problems()).extracting(ImportProblem::field).containsExactly("attributes.tier");
		}

		@Test
		void findsDuplicateOrganizationsInTheFileAndInTheCustomerFile() {
			var aliases = CustomerColumns.aliases(CustomerColumns.ORGANIZATION, List.of(), column -> List.of(column));
			String csv = "name,domain,kind\nСофия Логистик ООД,sofialog.bg,COMPANY\nсофия логистик оод,,\nHuaxing,huaxing.cn,\nIT Department,,INTERNAL\nBad,not a domain,PARTNER\n";
			var plan = ImportRules.organizations(CsvImport.read(csv, aliases), List.of(),
					name -> name.equals("Huaxing") ? Optional.of(new OrganizationChoice(3, "Huaxing")) : Optional.empty());
			assertThat(plan.valid()).extracting(ImportRules.Planned::line).containsExactly(2, 5);
			assertThat(plan.problems()).extracting(p -> p.line() + ":" + p.code())
				.containsExactly("3:duplicateInFile", "4:duplicateExisting", "6:invalidDomain", "6:invalidChoice");
		}

	}

}

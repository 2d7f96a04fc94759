package app.rapport.demo;

import java.util.List;
import java.util.SplittableRandom;

import app.rapport.demo.DemoContent.NamePart;
import app.rapport.demo.DemoContent.NamePool;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNamesTests {

	@Test
	void writesChineseNamesFamilyNameFirstWithoutSpace() {
		NamePool pool = new NamePool(List.of(new NamePart("伟", "Wei", null)), List.of(new NamePart("王", "Wang", null)));
		PersonNames.PersonName name = PersonNames.compose("zh-CN", pool, new SplittableRandom(1));
		assertThat(name.name()).isEqualTo("王伟");
		assertThat(name.latinName()).isEqualTo("Wang Wei");
		assertThat(name.emailLocalPart()).isEqualTo("wang.wei");
	}

	@Test
	void givesBulgarianWomenTheFeminineFamilyName() {
		NamePool pool = new NamePool(List.of(new NamePart("Мария", "Maria", true)),
				List.of(new NamePart("Петров", "Petrov", null)));
		PersonNames.PersonName name = PersonNames.compose("bg", pool, new SplittableRandom(1));
		assertThat(name.name()).isEqualTo("Мария Петрова");
		assertThat(name.latinName()).isEqualTo("Maria Petrova");
		assertThat(PersonNames.feminine("Петровски", true)).isEqualTo("Петровска");
		assertThat(PersonNames.feminine("Георгиев", true)).isEqualTo("Георгиева");
	}

	@Test
	void keepsOnlyAsciiLettersInEmailAddresses() {
		assertThat(PersonNames.ascii("Zhāng Yǔ-tíng")).isEqualTo("zhangyuting");
		assertThat(PersonNames.ascii("O'Brien")).isEqualTo("obrien");
	}

	@Test
	void signsRepliesWithTheFirstNameOrTheWholeChineseName() {
		assertThat(DemoDataGenerator.firstName("Oliver Bennett")).isEqualTo("Oliver");
		assertThat(DemoDataGenerator.firstName("王磊")).isEqualTo("王磊");
	}

}

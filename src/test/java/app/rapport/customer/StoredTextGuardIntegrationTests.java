package app.rapport.customer;

import java.time.Clock;

import app.rapport.shared.InvalidInputException;
import app.rapport.support.RapportIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shared guard on stored text (shared's StoredTextGuard), exercised on a contact below every rule of
 * the customer module: its own columns, its element collections of strings, of an embeddable and of a map,
 * on insert and on an update written at commit, on H2 and PostgreSQL alike.
 */
@RapportIntegrationTest
class StoredTextGuardIntegrationTests {

	@Autowired
	ContactRepository contacts;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@Test
	void storesTextThatFillsItsColumnExactly() {
		long id = save(new Contact("x".repeat(300), "en", clock.instant()));
		assertThat(contacts.findById(id).orElseThrow().getName()).hasSize(300);
	}

	@Test
	void refusesANameOneCharacterLongerThanItsColumnNamingTheAttributeAndStoringNothing() {
		long before = contacts.count();
		assertRefused(() -> save(new Contact("x".repeat(301), "en", clock.instant())), "name",
				"must be at most 300 characters");
		assertThat(contacts.count()).isEqualTo(before);
	}

	@Test
	void refusesTheNulCharacterInAnyTextTheSameOnEveryDatabase() {
		assertRefused(() -> save(new Contact("Iv\u0000an", "en", clock.instant())), "name",
				"must not contain the character U+0000");
	}

	@Test
	void refusesAnUpdateWrittenAtCommitAsBadInputAndKeepsTheOldValue() {
		long id = save(new Contact("Mariya", "bg", clock.instant()));
		assertRefused(() -> tx.executeWithoutResult(s -> contacts.findById(id).orElseThrow().setPersonalNotes("x".repeat(4001))),
				"personalNotes", "must be at most 4000 characters");
		assertThat(contacts.findById(id).orElseThrow().getPersonalNotes()).isNull();
	}

	@Test
	void refusesATagLongerThanTheTagColumn() {
		Contact contact = new Contact("Ivan", "en", clock.instant());
		contact.getTags().add("x".repeat(61));
		assertRefused(() -> save(contact), "tags", "must be at most 60 characters");
	}

	@Test
	void refusesAnAttributeValueLongerThanItsColumnAndAKeyWithTheNulCharacter() {
		Contact longValue = new Contact("Ivan", "en", clock.instant());
		longValue.getAttributes().put("tier", "x".repeat(1001));
		assertRefused(() -> save(longValue), "attributes", "must be at most 1000 characters");
		Contact nulKey = new Contact("Ivan", "en", clock.instant());
		nulKey.getAttributes().put("ti\u0000er", "gold");
		assertRefused(() -> save(nulKey), "attributes", "must not contain the character U+0000");
	}

	@Test
	void refusesAPhoneNumberLongerThanItsColumnInsideTheEmbeddedElement() {
		Contact contact = new Contact("Ivan", "en", clock.instant());
		contact.getPhones().add(new PhoneNumber("+359 2 123 4567" + " ".repeat(60) + "8"));
		assertRefused(() -> save(contact), "phones.phone", "must be at most 60 characters");
	}

	@Test
	void refusesAnEmailAddedToAStoredContactWhenTheCollectionIsWritten() {
		long id = save(new Contact("Ivan", "en", clock.instant()));
		assertRefused(() -> tx.executeWithoutResult(s -> contacts.findById(id).orElseThrow().getEmails()
			.add("x".repeat(250) + "@example.com")), "emails", "must be at most 254 characters");
		Integer emails = tx.execute(s -> contacts.findById(id).orElseThrow().getEmails().size());
		assertThat(emails).isZero();
	}

	long save(Contact contact) {
		return tx.execute(s -> contacts.save(contact).getId());
	}

	static void assertRefused(Runnable write, String field, String reason) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(write::run)
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsEntry(field, reason));
	}

}

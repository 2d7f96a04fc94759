package app.rapport.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A phone number as written, with its normal form for duplicate detection. */
@Embeddable
public class PhoneNumber {

	@Column(name = "phone", nullable = false)
	private String phone;

	@Column(name = "normalized", nullable = false)
	private String normalized;

	protected PhoneNumber() {
	}

	public PhoneNumber(String phone) {
		this.phone = phone.trim();
		this.normalized = ContactPoints.normalizePhone(phone);
	}

	public String getPhone() {
		return phone;
	}

	public String getNormalized() {
		return normalized;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof PhoneNumber p && p.normalized.equals(normalized);
	}

	@Override
	public int hashCode() {
		return normalized.hashCode();
	}

}

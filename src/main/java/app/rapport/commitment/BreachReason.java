package app.rapport.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reason a breach may be explained with, named in the four languages. */
@Entity
@Table(name = "breach_reason")
class BreachReason {

	@Id
	@Column(name = "reason_key")
	String key;

	@Column(name = "name_en")
	String nameEn;

	@Column(name = "name_zh_cn")
	String nameZhCn;

	@Column(name = "name_zh_tw")
	String nameZhTw;

	@Column(name = "name_bg")
	String nameBg;

	boolean active = true;

	@Column(name = "sort_order")
	int position;

	protected BreachReason() {
	}

	BreachReason(String key, String nameEn, String nameZhCn, String nameZhTw, String nameBg, int position) {
		this.key = key;
		this.nameEn = nameEn;
		this.nameZhCn = nameZhCn;
		this.nameZhTw = nameZhTw;
		this.nameBg = nameBg;
		this.position = position;
	}

	String name(String languageTag) {
		return switch (languageTag == null ? "en" : languageTag) {
			case "zh-CN", "zh" -> nameZhCn;
			case "zh-TW", "zh-HK" -> nameZhTw;
			case "bg" -> nameBg;
			default -> nameEn;
		};
	}

}

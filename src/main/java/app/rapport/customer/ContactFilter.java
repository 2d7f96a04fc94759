package app.rapport.customer;

/** The filters of the contact list (all optional): name or e-mail prefix, stage, organization, tag, language. */
public record ContactFilter(String q, LifecycleStage lifecycleStage, Long organizationId, String tag, String language) {

	public static ContactFilter none() {
		return new ContactFilter(null, null, null, null, null);
	}

}

package app.rapport.customer;

/** The filters of the organization list (all optional): name prefix, kind, stage, tag. */
public record OrganizationFilter(String q, OrganizationKind kind, LifecycleStage lifecycleStage, String tag) {

	public static OrganizationFilter none() {
		return new OrganizationFilter(null, null, null, null);
	}

}

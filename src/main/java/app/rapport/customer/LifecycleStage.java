package app.rapport.customer;

/** Where a customer stands with us: prospect, customer, lapsed or lost. */
@org.springframework.modulith.NamedInterface("api")
public enum LifecycleStage {

	PROSPECT, CUSTOMER, LAPSED, LOST

}

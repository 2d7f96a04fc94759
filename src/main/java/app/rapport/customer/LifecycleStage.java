package app.rapport.customer;

/** Where a customer stands with us: prospect, customer, lapsed or lost. */
public enum LifecycleStage {

	PROSPECT, CUSTOMER, LAPSED, LOST

}

package app.rapport.identity;

/** How new tickets of a group get an owner. */
@org.springframework.modulith.NamedInterface("api")
public enum AssignmentMode {

	MANUAL, ROUND_ROBIN, LEAST_OPEN

}

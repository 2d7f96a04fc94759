package app.rapport.customer;

/** A reason a row of an imported file was not (or will not be) imported: line, field, code and reason. */
public record ImportProblem(int line, String field, String code, String reason, String argument) {

	static ImportProblem of(int line, FieldProblem p) {
		return new ImportProblem(line, p.field(), p.code(), p.reason(), p.argument());
	}

}

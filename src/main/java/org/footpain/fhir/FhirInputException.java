package org.footpain.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;

import java.util.List;

/** FHIR input the service cannot use; answered 400 with an OperationOutcome naming each resource and element. */
public class FhirInputException extends RuntimeException {

    /** One problem: what is wrong, where (a FHIRPath expression into the request), and its issue type. */
    public record Problem(OperationOutcome.IssueType type, String expression, String message) {
    }

    private final List<Problem> problems;

    public FhirInputException(List<Problem> problems) {
        super(problems.size() + " FHIR input problem(s)", null, false, false);
        this.problems = List.copyOf(problems);
    }

    public FhirInputException(OperationOutcome.IssueType type, String expression, String message) {
        this(List.of(new Problem(type, expression, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}

package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.KnowledgeBaseLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine over one knowledge base, with the comparisons clinical statements are made of: does adding
 * this finding raise or lower that condition, and is the finding shown as the reason.
 */
public final class Clinic {

    private final KnowledgeBase kb;
    private final Assessor assessor;

    public Clinic(KnowledgeBase kb) {
        this.kb = kb;
        this.assessor = new Assessor(kb);
    }

    /** The knowledge base the service ships. */
    public static Clinic withRealKnowledgeBase() {
        return new Clinic(KnowledgeBaseLoader.loadDefault().knowledgeBase());
    }

    /** A fixture knowledge base under {@code src/test/resources/knowledge-fixtures/<name>}. */
    public static Clinic withFixture(String name) {
        return new Clinic(KnowledgeBaseLoader.load("knowledge-fixtures/" + name).knowledgeBase());
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public Assessment assess(Patient patient) {
        return assessor.assess(patient.build());
    }

    public Assessment assess(Presentation presentation) {
        return assessor.assess(presentation);
    }

    public double probability(Patient patient, String conditionId) {
        return Differential.probability(assess(patient), conditionId);
    }

    public ScoredCondition scored(Patient patient, String conditionId) {
        return Differential.condition(assess(patient), conditionId);
    }

    /**
     * Asserts that adding {@code finding} to {@code patient} raises the condition, and that the added finding
     * is shown among the evidence supporting it.
     */
    public void assertRaises(String conditionId, Patient patient, UnaryOperator<Patient> finding) {
        compare(conditionId, patient, finding, true);
    }

    /** Asserts that adding {@code finding} lowers the condition, and that the finding is shown opposing it. */
    public void assertLowers(String conditionId, Patient patient, UnaryOperator<Patient> finding) {
        compare(conditionId, patient, finding, false);
    }

    private void compare(String conditionId, Patient patient, UnaryOperator<Patient> finding, boolean raises) {
        Presentation before = patient.copy().build();
        Presentation after = finding.apply(patient.copy()).build();
        List<Finding> added = new ArrayList<>(after.findings());
        added.removeAll(before.findings());
        double without = Differential.probability(assess(before), conditionId);
        ScoredCondition with = Differential.condition(assess(after), conditionId);
        String change = conditionId + ": " + without + " without " + added + ", " + with.probability() + " with";
        assertTrue(raises ? with.probability() > without : with.probability() < without,
                (raises ? "expected a rise. " : "expected a fall. ") + change);
        boolean shown = with.evidence().stream()
                .filter(e -> raises ? e.likelihoodRatio() > 1 : e.likelihoodRatio() < 1)
                .map(Evidence::findings)
                .anyMatch(findings -> findings.stream().anyMatch(added::contains));
        assertTrue(shown, "the added finding should be shown " + (raises ? "supporting " : "opposing ") + change
                + "; evidence: " + with.evidence());
    }
}

package org.footpain.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.footpain.engine.Assessment;
import org.footpain.engine.Finding;
import org.footpain.engine.Presentation;
import org.footpain.engine.diagnostics.SuggestedDiagnostic;
import org.footpain.engine.nextfinding.NextFinding;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.engine.triage.TriageReason;
import org.footpain.knowledge.Condition;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Side;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What must hold for any valid request, checked on the engine through the service's own reader and mapper:
 * an answer always comes, its numbers are probabilities, the ranking is the contract's, and every reason shown
 * is a finding the clinician actually supplied.
 */
class AssessmentInvariantsProperties {

    @Provide
    Arbitrary<ObjectNode> requests() {
        return Requests.valid();
    }

    @Property
    void every_valid_request_gets_every_condition_once_with_a_probability_ranked_highest_first_ties_by_id(
            @ForAll("requests") ObjectNode request) {
        Assessment assessment = Engine.assess(request);
        List<String> ids = assessment.differential().stream().map(ScoredCondition::id).toList();
        assertEquals(Engine.KB.conditions().stream().map(Condition::id).sorted().toList(),
                ids.stream().sorted().toList(), "every condition of the knowledge base, each once");
        for (ScoredCondition c : assessment.differential()) {
            assertTrue(Double.isFinite(c.probability()) && c.probability() >= 0 && c.probability() <= 1,
                    c.id() + " has probability " + c.probability());
        }
        Statistics.label("findings").collect(bucket(Engine.presentation(request).findings().size()));
        Statistics.label("triage").collect(assessment.triage().level());

        // ranked by probability, highest first, ties broken by condition id
        List<ScoredCondition> ranked = assessment.differential();
        for (int i = 1; i < ranked.size(); i++) {
            ScoredCondition above = ranked.get(i - 1);
            ScoredCondition below = ranked.get(i);
            assertTrue(above.probability() >= below.probability(),
                    above.id() + " " + above.probability() + " is ranked above " + below.id() + " " + below.probability());
            if (above.probability() == below.probability()) {
                assertTrue(above.id().compareTo(below.id()) < 0,
                        "tie at " + above.probability() + " not in id order: " + above.id() + ", " + below.id());
            }
        }
    }

    /** The clinician must be able to check every reason against what was examined: nothing invented. */
    @Property
    void every_evidence_item_and_triage_reason_names_findings_that_were_supplied(@ForAll("requests") ObjectNode request) {
        Presentation presentation = Engine.presentation(request);
        Set<Finding> supplied = new HashSet<>(presentation.findings());
        Assessment assessment = Engine.assess(presentation);
        for (ScoredCondition c : assessment.differential()) {
            for (Evidence e : c.evidence()) {
                assertFalse(e.findings().isEmpty(), c.id() + ": evidence without a finding " + e);
                for (Finding f : e.findings()) {
                    assertTrue(supplied.contains(f), c.id() + ": evidence names " + f + ", which was not supplied");
                }
                if (e instanceof Evidence.ScreenedAbsent absent) {
                    assertFalse(presentation.listed(FindingPath.RED_FLAGS, absent.redFlag()),
                            c.id() + ": " + absent.redFlag() + " counted as absent although it is listed");
                    assertTrue(presentation.redFlagsScreened(), c.id() + ": counted as screened without screening");
                }
                assertTrue(e.likelihoodRatio() > 0 && e.likelihoodRatio() != 1.0, c.id() + ": " + e + " moved nothing");
                assertTrue(e.weight() > 0 && e.weight() <= 1, c.id() + ": weight " + e.weight());
            }
        }
        for (TriageReason reason : assessment.triage().reasons()) {
            for (Finding f : reason.findings()) {
                assertTrue(supplied.contains(f), reason.code() + " names " + f + ", which was not supplied");
            }
            assertTrue(reason.level().compareTo(assessment.triage().level()) <= 0,
                    reason.code() + " is above the triage level");
        }
    }

    @Property
    void no_diagnostic_or_next_finding_is_suggested_twice_and_next_findings_are_unexamined(
            @ForAll("requests") ObjectNode request) {
        Presentation presentation = Engine.presentation(request);
        Assessment assessment = Engine.assess(presentation);
        Set<String> conditions = new HashSet<>(assessment.differential().stream().map(ScoredCondition::id).toList());
        Set<String> tests = new HashSet<>();
        for (SuggestedDiagnostic d : assessment.diagnostics()) {
            assertTrue(tests.add(d.test().id()), d.test().id() + " suggested twice");
            assertTrue(conditions.containsAll(d.forConditions()), d.test().id() + " for " + d.forConditions());
        }
        // the next findings are findings not yet examined (on that leg), each suggested once
        Set<String> seen = new HashSet<>();
        for (NextFinding next : assessment.nextBestFindings()) {
            assertTrue(seen.add(next.path().path() + "/" + next.side()), "suggested twice: " + next);
            if (next.path().shape() == FindingPath.Shape.SCALAR) {
                assertTrue(presentation.on(next.path(), Side.UNSIDED).isEmpty(), "already examined: " + next);
            } else if (next.path().shape() == FindingPath.Shape.BILATERAL && next.side() != Side.UNSIDED
                    && next.side() != Side.BILATERAL) {
                assertTrue(presentation.on(next.path(), next.side()).isEmpty(), "already examined: " + next);
            }
        }
    }

    /** Same findings in, same answer out: nothing depends on time, order of calls or hidden state. */
    @Property
    void the_same_request_twice_gets_the_same_answer(@ForAll("requests") ObjectNode request) {
        Assessment first = Engine.assess(request.deepCopy());
        Assessment second = Engine.assess(request.deepCopy());
        assertEquals(first, second);
    }

    private static String bucket(int findings) {
        return findings <= 2 ? "1-2" : findings <= 5 ? "3-5" : findings <= 15 ? "6-15" : findings <= 40 ? "16-40" : "41+";
    }
}

package org.footpain.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.footpain.engine.Assessment;
import org.footpain.engine.Finding;
import org.footpain.engine.Presentation;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.knowledge.Condition;
import org.footpain.knowledge.FindingPath;
import org.footpain.properties.Declared.Direction;
import org.footpain.properties.Requests.Supplied;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Absent is not normal: a finding left out is not evidence of anything. Omitting a supplied finding takes away
 * its own evidence and the shift it made, and nothing else; and each probability is exactly what its prior and
 * the evidence shown make of it.
 */
class AbsentIsNotNormalProperties {

    @Provide
    Arbitrary<ObjectNode> requests() {
        return Requests.valid();
    }

    @Property
    void omitting_a_finding_removes_exactly_its_evidence_and_the_shift_that_came_with_it(
            @ForAll("requests") ObjectNode request, @ForAll @IntRange(min = 0, max = 10_000) int pick) {
        List<Supplied> supplied = Requests.supplied(request);
        Assume.that(!supplied.isEmpty());
        Supplied omitted = supplied.get(pick % supplied.size());
        Presentation full = Engine.presentation(request);
        Presentation fewer = Engine.presentation(Requests.without(request, omitted));
        List<Finding> removed = Engine.difference(full, fewer);
        assertEquals(1, removed.size(), "omitting " + omitted + " removes one finding: " + removed);
        Finding finding = removed.get(0);
        Assessment a = Engine.assess(full);
        Assessment b = Engine.assess(fewer);
        for (Condition condition : Engine.KB.conditions()) {
            ScoredCondition x = Engine.condition(a, condition.id());
            ScoredCondition y = Engine.condition(b, condition.id());
            String why = "omitting " + Declared.describe(condition, finding) + ": " + x.probability() + " -> "
                    + y.probability() + "\n before " + x.evidence() + "\n after  " + y.evidence();
            assertFalse(y.evidence().stream().anyMatch(e -> e.findings().contains(finding)),
                    "the omitted finding is still shown, " + why);
            Direction direction = Declared.direction(condition, finding);
            if (direction == Direction.NOT_READ) {
                assertEquals(x, y, "a finding the condition does not read changed it, " + why);
            } else if (Declared.weighedAlone(condition, finding, full)) {
                List<Evidence> own = x.evidence().stream().filter(e -> e.findings().contains(finding)).toList();
                List<Evidence> rest = new ArrayList<>(x.evidence());
                rest.removeAll(own);
                assertEquals(canonical(rest), canonical(y.evidence()), "not exactly its own evidence removed, " + why);
                double shift = own.stream().mapToDouble(Evidence::logOddsShift).sum();
                if (shift > 0) {
                    assertTrue(y.probability() <= x.probability(), "omitting support raised it, " + why);
                } else if (shift < 0) {
                    assertTrue(y.probability() >= x.probability(), "omitting opposition lowered it, " + why);
                } else {
                    assertEquals(x.probability(), y.probability(), why);
                }
                Statistics.label("weighed alone").collect(condition.laterality().getClass().getSimpleName());
            }
        }
    }

    /**
     * A condition without sides (regional or central) is one log-odds update from its prior, so its probability
     * must be exactly the prior moved by the evidence it shows: every shift is listed, none is hidden. (A condition
     * in one leg mixes three hypotheses; its evidence is checked above.)
     */
    @Property
    void the_evidence_shown_accounts_for_the_probability_of_a_condition_without_sides(
            @ForAll("requests") ObjectNode request) {
        Assessment assessment = Engine.assess(request);
        for (ScoredCondition c : assessment.differential()) {
            if (c.condition().sided()) {
                continue;
            }
            double prior = c.condition().prior(assessment.setting()).probability();
            double logOdds = Math.log(prior / (1 - prior))
                    + c.evidence().stream().mapToDouble(Evidence::logOddsShift).sum();
            double expected = 1 / (1 + Math.exp(-logOdds));
            assertEquals(expected, c.probability(), 0.5e-4 + 1e-9,
                    c.id() + ": prior " + prior + " and evidence " + c.evidence() + " do not make " + c.probability());
        }
    }

    /** Leaving the whole examination out is not a normal examination: no examination finding is evidence. */
    @Property
    void without_an_examination_no_examination_finding_is_evidence(@ForAll("requests") ObjectNode request) {
        ObjectNode historyOnly = request.deepCopy();
        historyOnly.remove("exam");
        for (ScoredCondition c : Engine.assess(historyOnly).differential()) {
            for (Evidence e : c.evidence()) {
                for (Finding f : e.findings()) {
                    assertFalse(f.path().examination(), c.id() + " shows " + f + " with no examination supplied");
                }
            }
        }
        assertTrue(Engine.presentation(historyOnly).findings().stream()
                .noneMatch(f -> f.path().examination() && f.path() != FindingPath.AGE));
    }

    private static List<String> canonical(List<Evidence> evidence) {
        // the symptom side is reported for the leading hypothesis only, which may change; it is not a finding's shift
        return evidence.stream().filter(e -> !(e instanceof Evidence.SymptomSide)).map(Evidence::toString)
                .sorted(Comparator.naturalOrder()).toList();
    }
}

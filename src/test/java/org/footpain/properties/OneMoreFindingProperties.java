package org.footpain.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.footpain.engine.Assessment;
import org.footpain.engine.Finding;
import org.footpain.engine.Presentation;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.knowledge.Condition;
import org.footpain.knowledge.FindingPath;
import org.footpain.properties.Declared.Direction;
import org.footpain.properties.Requests.Addition;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Monotonicity: one more finding moves each condition only the way the knowledge base says it points.
 *
 * <p>Probabilities are not normalised across conditions (the contract: "the estimated post-test probability of
 * that condition on its own"; they need not sum to 1), so "that condition's probability" is simply its own
 * probability. The finding's declared direction for a condition is read from the data ({@link Declared}): it
 * supports when every outcome it can take part in has a ratio above 1 (and, for a red flag, the "screened and
 * absent" ratio it cancels is below 1), opposes when every one is below 1. A finding with ratios on both sides of
 * 1 is left out: the model reads the same value on both legs as a symmetric pattern with its own ratio (absent
 * ankle jerk: 5.0 on one leg, 0.8 on both), so the second leg can rightly lower the condition. So are cluster
 * criteria (the exclusion) and the side of symptoms for a condition in one leg (a ratio per leg).
 */
class OneMoreFindingProperties {

    @Provide
    Arbitrary<ObjectNode> requests() {
        return Requests.valid();
    }

    @Provide
    Arbitrary<Addition> additions() {
        return Requests.additions();
    }

    @Property
    void a_finding_declared_to_support_a_condition_never_lowers_it_and_one_declared_against_never_raises_it(
            @ForAll("requests") ObjectNode request, @ForAll("additions") Addition addition) {
        Optional<ObjectNode> more = Requests.add(request, addition);
        Assume.that(more.isPresent());
        Presentation before = Engine.presentation(request);
        Presentation after = Engine.presentation(more.get());
        List<Finding> added = Engine.difference(after, before);
        assertEquals(1, added.size(), "one finding added: " + added);
        Finding finding = added.get(0);
        Assessment a = Engine.assess(before);
        Assessment b = Engine.assess(after);
        for (Condition condition : Engine.KB.conditions()) {
            Direction direction = Declared.direction(condition, finding);
            ScoredCondition x = Engine.condition(a, condition.id());
            ScoredCondition y = Engine.condition(b, condition.id());
            String why = Declared.describe(condition, finding) + ": " + x.probability() + " -> " + y.probability();
            switch (direction) {
                case SUPPORTS -> assertTrue(y.probability() >= x.probability(), "lowered by a supporting finding, " + why);
                case OPPOSES -> assertTrue(y.probability() <= x.probability(), "raised by an opposing finding, " + why);
                // absent is not normal, read the other way round: a finding the condition does not read moves nothing
                case NOT_READ -> assertEquals(x, y, "moved by a finding it does not read, " + why);
                default -> {
                }
            }
            if (direction == Direction.SUPPORTS || direction == Direction.OPPOSES) {
                if (y.probability() != x.probability()) {
                    // what moved the condition is shown: the new finding, or the screened absence it cancelled
                    assertTrue(names(y, finding) || cancelledScreening(x, y, finding), "moved but not shown, " + why);
                }
                Statistics.label("moved").collect(direction + (y.probability() == x.probability() ? " (equal)" : ""));
            }
        }
    }

    private static boolean names(ScoredCondition condition, Finding finding) {
        return condition.evidence().stream().anyMatch(e -> e.findings().contains(finding));
    }

    private static boolean cancelledScreening(ScoredCondition before, ScoredCondition after, Finding finding) {
        return finding.path() == FindingPath.RED_FLAGS && before.evidence().stream()
                .filter(e -> e instanceof Evidence.ScreenedAbsent).count()
                > after.evidence().stream().filter(e -> e instanceof Evidence.ScreenedAbsent).count();
    }
}

package org.footpain.engine.scoring;

import org.footpain.knowledge.Condition;

import java.util.List;

/**
 * A condition after scoring: its probability, the legs it explains, and the evidence behind the estimate
 * (strongest first). {@code probability} is rounded to four decimals, the precision the response reports,
 * so that ranking and ties follow the numbers a client sees.
 */
public record ScoredCondition(Condition condition, double probability, ReportedLaterality laterality,
                              List<Evidence> evidence) {

    public ScoredCondition {
        evidence = List.copyOf(evidence);
    }

    public String id() {
        return condition.id();
    }
}

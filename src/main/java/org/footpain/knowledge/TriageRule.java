package org.footpain.knowledge;

import java.util.List;

/**
 * A safety rule: when {@code when} holds, triage is at least {@code level}, whatever the scores say.
 * {@code code} is the reason code clients see; several rules may share one (one per dangerous condition
 * for the high-probability rule).
 */
public record TriageRule(String id, String code, TriageLevel level, String title, Predicate when,
                         List<Citation> sources) {
    public TriageRule {
        sources = List.copyOf(sources);
    }
}

package org.footpain.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A guideline rule: suggest {@code testId} with {@code timing} when its trigger holds and, if given,
 * {@code requires} holds too.
 */
public record DiagnosticRule(String id, String testId, Timing timing, Trigger trigger, Optional<Predicate> requires,
                             String rationale, List<Citation> sources) {

    public DiagnosticRule {
        sources = List.copyOf(sources);
    }

    /** What brings the rule into play. */
    public sealed interface Trigger {

        /** Any of these triage rules fired; the test then serves {@code forConditions}. */
        record TriageRules(List<String> ruleIds, List<String> forConditions) implements Trigger {
            public TriageRules {
                ruleIds = List.copyOf(ruleIds);
                forConditions = List.copyOf(forConditions);
            }
        }

        /**
         * One of these conditions is ranked within {@code maxRank} with at least {@code minProbability};
         * the test then serves those that are.
         */
        record Conditions(List<String> conditionIds, double minProbability, int maxRank) implements Trigger {
            public Conditions {
                conditionIds = List.copyOf(conditionIds);
            }
        }
    }
}

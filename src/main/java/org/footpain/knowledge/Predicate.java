package org.footpain.knowledge;

import java.util.List;

/** A condition on the presentation, written as data in the triage and diagnostic rules. */
public sealed interface Predicate {

    record AnyOf(List<Predicate> anyOf) implements Predicate {
        public AnyOf {
            anyOf = List.copyOf(anyOf);
        }
    }

    record AllOf(List<Predicate> allOf) implements Predicate {
        public AllOf {
            allOf = List.copyOf(allOf);
        }
    }

    record Not(Predicate not) implements Predicate {
    }

    /** A supplied finding that matches; bilateral findings are read with the match's side pattern. */
    record Has(Match match) implements Predicate {
    }

    /** A named predicate from the triage rules' definitions ("fever", "leg-signs"). */
    record Defined(String name) implements Predicate {
    }

    /** One of these triage rules has already fired (rules are evaluated in their file order). */
    record Fired(List<String> ruleIds) implements Predicate {
        public Fired {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /** The scored probability of a condition reaches a threshold. */
    record ProbabilityAtLeast(String conditionId, double threshold) implements Predicate {
    }
}

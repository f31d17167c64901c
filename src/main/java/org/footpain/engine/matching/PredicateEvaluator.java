package org.footpain.engine.matching;

import org.footpain.engine.Finding;
import org.footpain.engine.Presentation;
import org.footpain.knowledge.Predicate;
import org.footpain.knowledge.Side;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the rule predicates of the knowledge base against a presentation. A true predicate yields the
 * supplied findings that made it true, which become the {@code findings} of a triage reason.
 */
public final class PredicateEvaluator {

    /** What a predicate may ask beyond the findings: earlier rules and scored probabilities. */
    public interface Scores {
        boolean fired(String ruleId);

        double probability(String conditionId);

        /** The supplied findings that raised a condition, for reasons fired by its probability. */
        List<Finding> supportingFindings(String conditionId);
    }

    private final Map<String, Predicate> definitions;
    private final Presentation presentation;
    private final Scores scores;

    public PredicateEvaluator(Map<String, Predicate> definitions, Presentation presentation, Scores scores) {
        this.definitions = definitions;
        this.presentation = presentation;
        this.scores = scores;
    }

    /** The findings that make the predicate true, or empty when it is false. */
    public Optional<List<Finding>> evaluate(Predicate predicate) {
        // the sets of findings are made only once a part holds: most predicates are false for most patients
        if (predicate instanceof Predicate.AnyOf any) {
            Set<Finding> found = null;
            for (Predicate p : any.anyOf()) {
                Optional<List<Finding>> result = evaluate(p);
                if (result.isPresent()) {
                    if (found == null) {
                        found = new LinkedHashSet<>();
                    }
                    found.addAll(result.get());
                }
            }
            return found == null ? Optional.empty() : Optional.of(new ArrayList<>(found));
        }
        if (predicate instanceof Predicate.AllOf all) {
            Set<Finding> found = null;
            for (Predicate p : all.allOf()) {
                Optional<List<Finding>> result = evaluate(p);
                if (result.isEmpty()) {
                    return Optional.empty();
                }
                if (found == null) {
                    found = new LinkedHashSet<>();
                }
                found.addAll(result.get());
            }
            return Optional.of(found == null ? new ArrayList<>() : new ArrayList<>(found));
        }
        if (predicate instanceof Predicate.Not not) {
            return evaluate(not.not()).isPresent() ? Optional.empty() : Optional.of(List.of());
        }
        if (predicate instanceof Predicate.Has has) {
            return FindingMatcher.matches(has.match(), presentation, Side.UNSIDED);
        }
        if (predicate instanceof Predicate.Defined defined) {
            return evaluate(definitions.get(defined.name()));
        }
        if (predicate instanceof Predicate.Fired fired) {
            for (String ruleId : fired.ruleIds()) {
                if (scores.fired(ruleId)) {
                    return Optional.of(List.of());
                }
            }
            return Optional.empty();
        }
        Predicate.ProbabilityAtLeast p = (Predicate.ProbabilityAtLeast) predicate;
        return scores.probability(p.conditionId()) >= p.threshold()
                ? Optional.of(scores.supportingFindings(p.conditionId()))
                : Optional.empty();
    }
}

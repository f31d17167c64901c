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
        if (predicate instanceof Predicate.AnyOf any) {
            Set<Finding> found = new LinkedHashSet<>();
            boolean holds = false;
            for (Predicate p : any.anyOf()) {
                Optional<List<Finding>> result = evaluate(p);
                if (result.isPresent()) {
                    holds = true;
                    found.addAll(result.get());
                }
            }
            return holds ? Optional.of(new ArrayList<>(found)) : Optional.empty();
        }
        if (predicate instanceof Predicate.AllOf all) {
            Set<Finding> found = new LinkedHashSet<>();
            for (Predicate p : all.allOf()) {
                Optional<List<Finding>> result = evaluate(p);
                if (result.isEmpty()) {
                    return Optional.empty();
                }
                found.addAll(result.get());
            }
            return Optional.of(new ArrayList<>(found));
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
            return fired.ruleIds().stream().anyMatch(scores::fired) ? Optional.of(List.of()) : Optional.empty();
        }
        Predicate.ProbabilityAtLeast p = (Predicate.ProbabilityAtLeast) predicate;
        return scores.probability(p.conditionId()) >= p.threshold()
                ? Optional.of(scores.supportingFindings(p.conditionId()))
                : Optional.empty();
    }
}

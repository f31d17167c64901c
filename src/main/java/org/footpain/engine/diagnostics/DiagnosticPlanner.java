package org.footpain.engine.diagnostics;

import org.footpain.engine.Finding;
import org.footpain.engine.Presentation;
import org.footpain.engine.matching.PredicateEvaluator;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.engine.triage.Triage;
import org.footpain.knowledge.DiagnosticRule;
import org.footpain.knowledge.DiagnosticTest;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.Timing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Applies the guideline rules for tests. A rule comes into play through a triage reason that fired or
 * through conditions ranked high enough; per test the soonest timing of the rules that apply wins. A test
 * that guidelines defer ({@code if-no-improvement}) becomes routine once the symptoms have lasted that
 * long; a missing duration counts as acute.
 */
public final class DiagnosticPlanner {

    private final KnowledgeBase kb;
    private final Map<String, DiagnosticTest> tests;
    /** Most urgent first; among equally urgent tests, the knowledge base's catalogue order. */
    private final Comparator<SuggestedDiagnostic> byUrgencyThenCatalogue;

    public DiagnosticPlanner(KnowledgeBase kb) {
        this.kb = kb;
        this.tests = kb.testsById();
        List<String> order = kb.tests().stream().map(DiagnosticTest::id).toList();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.putIfAbsent(order.get(i), i);
        }
        byUrgencyThenCatalogue = Comparator.comparingInt((SuggestedDiagnostic s) -> -s.timing().urgency())
                .thenComparingInt(s -> position.getOrDefault(s.test().id(), -1));
    }

    public List<SuggestedDiagnostic> plan(Presentation presentation, List<ScoredCondition> ranked, Triage triage) {
        PredicateEvaluator evaluator = new PredicateEvaluator(kb.definitions(), presentation,
                new PredicateEvaluator.Scores() {
                    @Override
                    public boolean fired(String ruleId) {
                        return triage.firedRule(ruleId);
                    }

                    @Override
                    public double probability(String conditionId) {
                        for (ScoredCondition c : ranked) {
                            if (c.id().equals(conditionId)) {
                                return c.probability();
                            }
                        }
                        return 0;
                    }

                    @Override
                    public List<Finding> supportingFindings(String conditionId) {
                        return List.of();
                    }
                });
        OptionalDouble duration = presentation.durationWeeks();
        Map<String, SuggestedDiagnostic> byTest = new LinkedHashMap<>();
        Map<String, Set<String>> servedBy = new LinkedHashMap<>();
        for (DiagnosticRule rule : kb.diagnosticRules()) {
            Optional<List<String>> inPlay = serves(rule.trigger(), ranked, triage);
            if (inPlay.isEmpty()) {
                continue;
            }
            List<String> serves = inPlay.get();
            if (rule.requires().isPresent() && evaluator.evaluate(rule.requires().get()).isEmpty()) {
                continue;
            }
            Timing timing = rule.timing();
            String rationale = rule.rationale();
            if (timing instanceof Timing.IfNoImprovement wait && duration.isPresent()
                    && duration.getAsDouble() >= wait.afterWeeks()) {
                timing = new Timing.Routine();
                rationale = rationale + " Symptoms have lasted " + weeks(duration.getAsDouble())
                        + ", past the " + wait.afterWeeks() + " weeks the guideline waits.";
            }
            servedBy.computeIfAbsent(rule.testId(), k -> new LinkedHashSet<>()).addAll(serves);
            SuggestedDiagnostic current = byTest.get(rule.testId());
            if (current == null || timing.urgency() > current.timing().urgency()) {
                byTest.put(rule.testId(), new SuggestedDiagnostic(tests.get(rule.testId()), timing, serves,
                        rule.id(), rationale, rule.sources()));
            }
        }
        List<SuggestedDiagnostic> plan = new ArrayList<>();
        for (SuggestedDiagnostic s : byTest.values()) {
            List<String> serves = ranked.stream().map(ScoredCondition::id)
                    .filter(servedBy.get(s.test().id())::contains).toList();
            plan.add(new SuggestedDiagnostic(s.test(), s.timing(), serves, s.ruleId(), s.rationale(), s.sources()));
        }
        plan.sort(byUrgencyThenCatalogue);
        return plan;
    }

    /** The conditions a rule serves when its trigger holds; empty when the rule is not in play. */
    private static Optional<List<String>> serves(DiagnosticRule.Trigger trigger, List<ScoredCondition> ranked,
                                                 Triage triage) {
        if (trigger instanceof DiagnosticRule.Trigger.TriageRules rules) {
            for (String ruleId : rules.ruleIds()) {
                if (triage.firedRule(ruleId)) {
                    return Optional.of(rules.forConditions());
                }
            }
            return Optional.empty();
        }
        DiagnosticRule.Trigger.Conditions conditions = (DiagnosticRule.Trigger.Conditions) trigger;
        List<String> serves = new ArrayList<>();
        for (int rank = 1; rank <= Math.min(conditions.maxRank(), ranked.size()); rank++) {
            ScoredCondition c = ranked.get(rank - 1);
            if (conditions.conditionIds().contains(c.id()) && c.probability() >= conditions.minProbability()) {
                serves.add(c.id());
            }
        }
        return serves.isEmpty() ? Optional.empty() : Optional.of(serves);
    }

    private static String weeks(double weeks) {
        return (weeks == Math.rint(weeks) ? Long.toString((long) weeks) : Double.toString(weeks)) + " weeks";
    }
}

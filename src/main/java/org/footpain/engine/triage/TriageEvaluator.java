package org.footpain.engine.triage;

import org.footpain.engine.Finding;
import org.footpain.engine.Presentation;
import org.footpain.engine.matching.FindingText;
import org.footpain.engine.matching.PredicateEvaluator;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.TriageLevel;
import org.footpain.knowledge.TriageRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies the triage policy held in the knowledge base. Safety rules outrank scores: the level is the
 * highest any fired rule sets, and a rule never lowers what another set. Rules run in file order, so a
 * rule may ask whether an earlier one fired.
 */
public final class TriageEvaluator {

    private final KnowledgeBase kb;

    public TriageEvaluator(KnowledgeBase kb) {
        this.kb = kb;
    }

    public Triage evaluate(Presentation presentation, List<ScoredCondition> scored) {
        Set<String> fired = new HashSet<>();
        PredicateEvaluator evaluator = new PredicateEvaluator(kb.definitions(), presentation,
                new PredicateEvaluator.Scores() {
                    @Override
                    public boolean fired(String ruleId) {
                        return fired.contains(ruleId);
                    }

                    @Override
                    public double probability(String conditionId) {
                        return condition(scored, conditionId).probability();
                    }

                    @Override
                    public List<Finding> supportingFindings(String conditionId) {
                        return condition(scored, conditionId).evidence().stream()
                                .filter(e -> e.likelihoodRatio() > 1)
                                .map(Evidence::findings)
                                .flatMap(List::stream)
                                .distinct()
                                .toList();
                    }
                });
        List<TriageReason> reasons = new ArrayList<>();
        for (TriageRule rule : kb.triageRules()) {
            Optional<List<Finding>> found = evaluator.evaluate(rule.when());
            if (found.isPresent()) {
                fired.add(rule.id());
                reasons.add(new TriageReason(rule.id(), rule.code(), rule.level(), rule.title(), text(rule, found.get()),
                        found.get(), rule.sources()));
            }
        }
        // most severe first; within a level, in the policy's order
        reasons.sort(Comparator.comparing(TriageReason::level).reversed());
        TriageLevel level = reasons.isEmpty() ? TriageLevel.ROUTINE : reasons.get(0).level();
        return new Triage(level, reasons);
    }

    /** The scored condition with this id (a handful of rules ask; a search is cheaper than building a map). */
    private static ScoredCondition condition(List<ScoredCondition> scored, String id) {
        for (ScoredCondition c : scored) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no condition " + id);
    }

    private static String text(TriageRule rule, List<Finding> findings) {
        if (findings.isEmpty()) {
            return rule.title();
        }
        return rule.title() + ": " + findings.stream().map(FindingText::describe).collect(Collectors.joining(", "));
    }
}

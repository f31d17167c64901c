package org.footpain.engine;

import org.footpain.engine.diagnostics.DiagnosticPlanner;
import org.footpain.engine.nextfinding.NextFindingAdvisor;
import org.footpain.engine.scoring.ConditionScorer;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.engine.triage.Triage;
import org.footpain.engine.triage.TriageEvaluator;
import org.footpain.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The engine's single entry point: scores every condition, applies the safety rules, plans the tests,
 * suggests what to examine next and qualifies the answer. Pure and thread-safe: built once from a
 * knowledge base, it holds no state between assessments.
 */
public final class Assessor {

    private static final Comparator<ScoredCondition> RANKING =
            Comparator.comparingDouble((ScoredCondition c) -> -c.probability()).thenComparing(ScoredCondition::id);

    private final KnowledgeBase kb;
    private final ConditionScorer scorer;
    private final TriageEvaluator triage;
    private final DiagnosticPlanner diagnostics;
    private final NextFindingAdvisor nextFindings;
    private final Warnings warnings;

    public Assessor(KnowledgeBase kb) {
        this.kb = kb;
        this.scorer = new ConditionScorer(kb.model(), kb.conditions());
        this.triage = new TriageEvaluator(kb);
        this.diagnostics = new DiagnosticPlanner(kb);
        this.nextFindings = new NextFindingAdvisor(kb);
        this.warnings = new Warnings(kb);
    }

    public Assessment assess(Presentation presentation) {
        List<ScoredCondition> ranked = new ArrayList<>(scorer.scoreAll(presentation));
        ranked.sort(RANKING);
        Triage triaged = triage.evaluate(presentation, ranked);
        return new Assessment(kb.version(), presentation.setting(), triaged, ranked,
                diagnostics.plan(presentation, ranked, triaged), nextFindings.advise(presentation, ranked),
                warnings.of(presentation, ranked));
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }
}

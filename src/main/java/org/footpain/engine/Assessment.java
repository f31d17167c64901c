package org.footpain.engine;

import org.footpain.engine.diagnostics.SuggestedDiagnostic;
import org.footpain.engine.nextfinding.NextFinding;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.engine.triage.Triage;
import org.footpain.knowledge.Setting;

import java.util.List;

/**
 * The engine's answer: every condition ranked by probability (ties by id), the triage, the suggested
 * tests, the findings worth examining next and the warnings.
 */
public record Assessment(String knowledgeBaseVersion, Setting setting, Triage triage,
                         List<ScoredCondition> differential, List<SuggestedDiagnostic> diagnostics,
                         List<NextFinding> nextBestFindings, List<Warning> warnings) {
    public Assessment {
        differential = List.copyOf(differential);
        diagnostics = List.copyOf(diagnostics);
        nextBestFindings = List.copyOf(nextBestFindings);
        warnings = List.copyOf(warnings);
    }
}

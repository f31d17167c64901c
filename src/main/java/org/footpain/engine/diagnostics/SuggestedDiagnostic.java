package org.footpain.engine.diagnostics;

import org.footpain.knowledge.Citation;
import org.footpain.knowledge.DiagnosticTest;
import org.footpain.knowledge.Timing;

import java.util.List;

/** A test worth doing, when, for which conditions, and the guideline rule that says so. */
public record SuggestedDiagnostic(DiagnosticTest test, Timing timing, List<String> forConditions, String ruleId,
                                  String rationale, List<Citation> sources) {
    public SuggestedDiagnostic {
        forConditions = List.copyOf(forConditions);
        sources = List.copyOf(sources);
    }
}

package org.footpain.engine.triage;

import org.footpain.engine.Finding;
import org.footpain.knowledge.Citation;
import org.footpain.knowledge.TriageLevel;

import java.util.List;

/** A safety rule that fired, with the supplied findings that fired it. */
public record TriageReason(String ruleId, String code, TriageLevel level, String text, List<Finding> findings,
                           List<Citation> sources) {
    public TriageReason {
        findings = List.copyOf(findings);
        sources = List.copyOf(sources);
    }
}

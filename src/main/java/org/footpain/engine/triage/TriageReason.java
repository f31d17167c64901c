package org.footpain.engine.triage;

import org.footpain.engine.Finding;
import org.footpain.knowledge.Citation;
import org.footpain.knowledge.TriageLevel;

import java.util.List;

/**
 * A safety rule that fired, with the supplied findings that fired it: {@code title} names the rule ("Suspected
 * cauda equina syndrome"), {@code text} adds the findings.
 */
public record TriageReason(String ruleId, String code, TriageLevel level, String title, String text,
                           List<Finding> findings, List<Citation> sources) {
    public TriageReason {
        findings = List.copyOf(findings);
        sources = List.copyOf(sources);
    }
}

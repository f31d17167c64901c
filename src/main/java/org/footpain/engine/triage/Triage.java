package org.footpain.engine.triage;

import org.footpain.knowledge.TriageLevel;

import java.util.List;

/** The triage level and every reason that raised it, most severe first. */
public record Triage(TriageLevel level, List<TriageReason> reasons) {
    public Triage {
        reasons = List.copyOf(reasons);
    }

    /** Whether a reason with this code was given. */
    public boolean fired(String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }

    /** Whether the triage rule with this id fired. */
    public boolean firedRule(String ruleId) {
        return reasons.stream().anyMatch(r -> r.ruleId().equals(ruleId));
    }
}

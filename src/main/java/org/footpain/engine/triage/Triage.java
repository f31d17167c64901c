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
        for (TriageReason r : reasons) {
            if (r.code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the triage rule with this id fired. */
    public boolean firedRule(String ruleId) {
        for (TriageReason r : reasons) {
            if (r.ruleId().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }
}

package org.footpain.knowledge;

/** How soon the patient must be seen, in increasing order of urgency. */
public enum TriageLevel {
    ROUTINE("routine"),
    URGENT("urgent"),
    EMERGENCY("emergency");

    private final String code;

    TriageLevel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static TriageLevel fromCode(String code) {
        for (TriageLevel level : values()) {
            if (level.code.equals(code)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown triage level: " + code);
    }
}

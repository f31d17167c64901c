package org.footpain.knowledge;

/**
 * How a finding examined on both legs is read. A sided condition reads the leg it is hypothesised on
 * ({@code SIDE}) and may first ask whether the finding is the same on both legs ({@code SYMMETRIC}),
 * which points away from a one-sided lesion. A central or systemic condition reads both legs at once:
 * {@code EITHER} leg shows it, or {@code BOTH} legs show it.
 */
public enum SidePattern {
    SIDE("side"),
    SYMMETRIC("symmetric"),
    EITHER("either"),
    BOTH("both");

    private final String code;

    SidePattern(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SidePattern fromCode(String code) {
        for (SidePattern pattern : values()) {
            if (pattern.code.equals(code)) {
                return pattern;
            }
        }
        throw new IllegalArgumentException("unknown side pattern: " + code);
    }
}

package org.footpain.knowledge;

/**
 * Which leg a finding or a condition concerns. {@code UNSIDED} marks findings that have no side
 * (age, a symptom, a risk factor), so a finding always carries a side and no null is passed around.
 */
public enum Side {
    LEFT("left"),
    RIGHT("right"),
    BILATERAL("bilateral"),
    UNSIDED("unsided");

    private final String code;

    Side(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Side opposite() {
        return switch (this) {
            case LEFT -> RIGHT;
            case RIGHT -> LEFT;
            default -> this;
        };
    }

    /** True when a finding on this side concerns the given leg (a bilateral item concerns both). */
    public boolean covers(Side leg) {
        return this == leg || (this == BILATERAL && (leg == LEFT || leg == RIGHT));
    }

    public static Side fromCode(String code) {
        for (Side side : values()) {
            if (side.code.equals(code)) {
                return side;
            }
        }
        throw new IllegalArgumentException("unknown side: " + code);
    }
}

package org.footpain.engine.scoring;

import org.footpain.knowledge.Side;

/** The leg or legs a condition explains, as the response reports it. */
public enum ReportedLaterality {
    LEFT("left"),
    RIGHT("right"),
    BILATERAL("bilateral"),
    /** A sided condition for which no sided finding was supplied, or none favours either leg. */
    UNDETERMINED("undetermined"),
    /** A central condition: cauda equina, myelopathy, spinal infection, malignancy, fracture. */
    NOT_APPLICABLE("not-applicable");

    private final String code;

    ReportedLaterality(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The side whose codes apply: a leg, both legs, or none for an undetermined or central condition. */
    public Side side() {
        return switch (this) {
            case LEFT -> Side.LEFT;
            case RIGHT -> Side.RIGHT;
            case BILATERAL -> Side.BILATERAL;
            default -> Side.UNSIDED;
        };
    }
}

package org.footpain.engine.scoring;

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
}

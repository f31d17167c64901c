package org.footpain.engine;

/** Something the clinician should know about the answer itself. */
public record Warning(String code, String message) {
    public static final String FEW_FINDINGS = "few-findings";
    public static final String AGE_UNDER_18 = "age-under-18";
    public static final String CONTRADICTORY_FINDINGS = "contradictory-findings";
}

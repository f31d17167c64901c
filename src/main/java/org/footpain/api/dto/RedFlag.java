package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A red-flag symptom the patient reports. */
@Schema(description = "A red-flag symptom the patient reports.")
public enum RedFlag implements WireCode {
    SADDLE_ANESTHESIA("saddle-anesthesia"),
    URINARY_RETENTION("urinary-retention"),
    URINARY_INCONTINENCE("urinary-incontinence"),
    FECAL_INCONTINENCE("fecal-incontinence"),
    NEW_SEXUAL_DYSFUNCTION("new-sexual-dysfunction"),
    FEVER("fever"),
    UNEXPLAINED_WEIGHT_LOSS("unexplained-weight-loss"),
    SIGNIFICANT_TRAUMA("significant-trauma"),
    UNRELENTING_NIGHT_PAIN("unrelenting-night-pain"),
    PROGRESSIVE_WEAKNESS("progressive-weakness");

    private final String code;

    RedFlag(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

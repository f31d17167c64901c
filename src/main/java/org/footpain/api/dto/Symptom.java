package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A symptom the patient reports. */
@Schema(description = "A symptom the patient reports.")
public enum Symptom implements WireCode {
    BACK_PAIN("back-pain"),
    LEG_PAIN_WORSE_THAN_BACK_PAIN("leg-pain-worse-than-back-pain"),
    NUMBNESS("numbness"),
    TINGLING("tingling"),
    BURNING_PAIN("burning-pain"),
    WEAKNESS("weakness"),
    TRIPPING_OR_FOOT_SLAP("tripping-or-foot-slap"),
    CALF_CRAMPING_ON_WALKING("calf-cramping-on-walking"),
    COLD_FOOT("cold-foot"),
    FOOT_PAIN_AT_NIGHT_RELIEVED_BY_DANGLING("foot-pain-at-night-relieved-by-dangling"),
    UNSTEADY_GAIT("unsteady-gait"),
    HAND_CLUMSINESS_OR_NUMBNESS("hand-clumsiness-or-numbness");

    private final String code;

    Symptom(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

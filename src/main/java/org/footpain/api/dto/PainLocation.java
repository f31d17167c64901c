package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A place where the patient feels pain. */
@Schema(description = "A place where the patient feels pain.")
public enum PainLocation implements WireCode {
    LOW_BACK("low-back"),
    BUTTOCK("buttock"),
    GROIN("groin"),
    ANTERIOR_THIGH("anterior-thigh"),
    POSTERIOR_THIGH("posterior-thigh"),
    LATERAL_THIGH("lateral-thigh"),
    KNEE("knee"),
    SHIN("shin"),
    CALF("calf"),
    MEDIAL_ANKLE("medial-ankle"),
    HEEL("heel"),
    SOLE("sole"),
    ARCH("arch"),
    DORSUM_OF_FOOT("dorsum-of-foot"),
    LATERAL_FOOT("lateral-foot"),
    FOREFOOT("forefoot"),
    TOES("toes"),
    BETWEEN_TOES("between-toes");

    private final String code;

    PainLocation(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the patient is seen; it selects the priors. */
@Schema(description = "Where the patient is seen; it selects the priors.")
public enum Setting implements WireCode {
    PRIMARY_CARE("primary-care"),
    SPINE_CLINIC("spine-clinic"),
    FOOT_AND_ANKLE_CLINIC("foot-and-ankle-clinic"),
    EMERGENCY_DEPARTMENT("emergency-department");

    private final String code;

    Setting(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sensory modality on one foot. */
@Schema(description = "A sensory modality on one foot.")
public enum SensationGrade implements WireCode {
    NORMAL("normal"),
    REDUCED("reduced"),
    ABSENT("absent");

    private final String code;

    SensationGrade(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

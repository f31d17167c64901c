package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plantar response on one foot; extensor is the Babinski sign. */
@Schema(description = "The plantar response on one foot; extensor is the Babinski sign.")
public enum PlantarResponse implements WireCode {
    FLEXOR("flexor"),
    EXTENSOR("extensor"),
    EQUIVOCAL("equivocal");

    private final String code;

    PlantarResponse(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

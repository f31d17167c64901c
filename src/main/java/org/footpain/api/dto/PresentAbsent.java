package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a sign is present on one side. */
@Schema(description = "Whether a sign is present on one side.")
public enum PresentAbsent implements WireCode {
    PRESENT("present"),
    ABSENT("absent");

    private final String code;

    PresentAbsent(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A deep tendon reflex on one leg. */
@Schema(description = "A deep tendon reflex on one leg.")
public enum ReflexGrade implements WireCode {
    ABSENT("absent"),
    DIMINISHED("diminished"),
    NORMAL("normal"),
    BRISK("brisk");

    private final String code;

    ReflexGrade(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

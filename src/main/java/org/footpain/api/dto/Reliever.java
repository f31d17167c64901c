package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something that eases the symptoms. */
@Schema(description = "Something that eases the symptoms.")
public enum Reliever implements WireCode {
    SITTING_OR_BENDING_FORWARD("sitting-or-bending-forward"),
    STANDING_STILL("standing-still"),
    LYING_DOWN("lying-down"),
    REST("rest"),
    REMOVING_SHOES("removing-shoes"),
    WALKING_A_FEW_STEPS("walking-a-few-steps");

    private final String code;

    Reliever(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

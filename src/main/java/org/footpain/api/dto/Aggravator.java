package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something that makes the symptoms worse. */
@Schema(description = "Something that makes the symptoms worse.")
public enum Aggravator implements WireCode {
    SITTING("sitting"),
    STANDING("standing"),
    WALKING("walking"),
    WALKING_UPHILL("walking-uphill"),
    WALKING_DOWNHILL("walking-downhill"),
    BENDING_FORWARD("bending-forward"),
    SPINAL_EXTENSION("spinal-extension"),
    COUGH_SNEEZE_STRAIN("cough-sneeze-strain"),
    FIRST_STEPS_AFTER_REST("first-steps-after-rest"),
    TIGHT_SHOES("tight-shoes"),
    PROLONGED_STANDING("prolonged-standing"),
    RUNNING_OR_JUMPING("running-or-jumping");

    private final String code;

    Aggravator(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A peripheral nerve territory. */
@Schema(description = "A peripheral nerve territory.")
public enum Nerve implements WireCode {
    COMMON_FIBULAR("common-fibular"),
    SUPERFICIAL_FIBULAR("superficial-fibular"),
    DEEP_FIBULAR("deep-fibular"),
    TIBIAL_PLANTAR("tibial-plantar"),
    SURAL("sural"),
    SAPHENOUS("saphenous"),
    INTERDIGITAL("interdigital");

    private final String code;

    Nerve(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

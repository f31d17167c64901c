package org.footpain.api.dto;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sensory loss found in a dermatome. */
@Schema(description = "Sensory loss found in a dermatome on one or both sides.")
public record DermatomalLoss(
        @Schema(description = "The dermatome with sensory loss.", required = true) @NotNull Dermatome dermatome,
        @Schema(description = "The side of the loss.", required = true) @NotNull LossSide side) {
}

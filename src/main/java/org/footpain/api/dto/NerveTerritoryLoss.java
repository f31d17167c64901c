package org.footpain.api.dto;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sensory loss found in the territory of a peripheral nerve. */
@Schema(description = "Sensory loss found in a peripheral nerve's territory on one or both sides.")
public record NerveTerritoryLoss(
        @Schema(description = "The nerve whose territory has sensory loss.", required = true) @NotNull Nerve nerve,
        @Schema(description = "The side of the loss.", required = true) @NotNull LossSide side) {
}

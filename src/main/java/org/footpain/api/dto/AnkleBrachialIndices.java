package org.footpain.api.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The resting ankle-brachial index of each leg. */
@Schema(description = "Resting ankle-brachial index per leg (0.0-3.0; above 1.40 means non-compressible arteries).")
public record AnkleBrachialIndices(
        @Schema(description = "ABI of the left leg.", minimum = "0.0", maximum = "3.0") @DecimalMin("0.0") @DecimalMax("3.0") Double left,
        @Schema(description = "ABI of the right leg.", minimum = "0.0", maximum = "3.0") @DecimalMin("0.0") @DecimalMax("3.0") Double right) {
}

package org.footpain.api.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Muscle strength on each leg, on the MRC scale (0 no contraction to 5 normal). */
@Schema(description = "Muscle strength per leg on the MRC scale: 0 no contraction, 5 normal power.")
public record MrcGrades(
        @Schema(description = "MRC grade on the left, 0-5.", minimum = "0", maximum = "5") @Min(0) @Max(5) Integer left,
        @Schema(description = "MRC grade on the right, 0-5.", minimum = "0", maximum = "5") @Min(0) @Max(5) Integer right) {
}

package org.footpain.api.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many of the five sacroiliac provocation tests were positive on each side. */
@Schema(description = "Positive sacroiliac provocation tests per side (of distraction, thigh thrust, compression, sacral thrust, Gaenslen).")
public record ProvocationCounts(
        @Schema(description = "Positive tests on the left, 0-5.", minimum = "0", maximum = "5") @Min(0) @Max(5) Integer left,
        @Schema(description = "Positive tests on the right, 0-5.", minimum = "0", maximum = "5") @Min(0) @Max(5) Integer right) {
}

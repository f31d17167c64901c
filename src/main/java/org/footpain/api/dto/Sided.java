package org.footpain.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finding examined on each leg; either side may be left out when that leg was not examined. */
@Schema(description = "A finding per leg; leave out a side that was not examined (absent is not normal).")
public record Sided<T>(
        @Schema(description = "The finding on the left leg; leave out if not examined.") T left,
        @Schema(description = "The finding on the right leg; leave out if not examined.") T right) {
}

package org.footpain.knowledge;

/**
 * How a condition relates to the legs. A sided condition lies in one leg (sometimes both) and is scored
 * per leg; a regional one (stenosis, polyneuropathy) is scored once and reports the legs it affects;
 * a central one (cauda equina, infection, tumour, fracture, myelopathy) has no side.
 */
public sealed interface Laterality {

    /** {@code bilateralFraction}: the share of patients with the condition who have it in both legs. */
    record Sided(double bilateralFraction, Citation citation) implements Laterality {
    }

    record Regional() implements Laterality {
    }

    record Central() implements Laterality {
    }
}

package org.footpain.knowledge;

import java.util.Set;

/** What a supplied value must be for an outcome to apply. */
public sealed interface ValueTest {

    /** One of these codes (for a set: this item is listed). */
    record OneOf(Set<String> codes) implements ValueTest {
        public OneOf {
            codes = Set.copyOf(codes);
        }
    }

    /**
     * A number between {@code min} and {@code max}, each end inclusive unless marked exclusive (the policy's
     * "ABI below 0.40"); an open end is infinite.
     */
    record Within(double min, boolean minExclusive, double max, boolean maxExclusive) implements ValueTest {
        public boolean test(double value) {
            return (minExclusive ? value > min : value >= min) && (maxExclusive ? value < max : value <= max);
        }
    }

    /** A true/false finding with this value. */
    record Is(boolean value) implements ValueTest {
    }
}

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

    /** A number within [min, max], both inclusive; an open end is infinite. */
    record Within(double min, double max) implements ValueTest {
        public boolean test(double value) {
            return value >= min && value <= max;
        }
    }

    /** A true/false finding with this value. */
    record Is(boolean value) implements ValueTest {
    }
}

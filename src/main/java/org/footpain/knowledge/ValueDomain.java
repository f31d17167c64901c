package org.footpain.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The values a finding may take: a closed list of codes, an integer or number range, or true/false.
 * An examination finding also names its normal value, the one a patient without disease mostly shows;
 * the next-best-finding search uses it as the baseline of what an examination will find.
 */
public sealed interface ValueDomain {

    record Codes(List<String> codes, Optional<String> normal) implements ValueDomain {
        public Codes {
            codes = List.copyOf(codes);
        }
    }

    record IntegerRange(int min, int max, Optional<Integer> normal) implements ValueDomain {
    }

    record NumberRange(double min, double max, Optional<Double> normal) implements ValueDomain {
    }

    record Flag() implements ValueDomain {
    }

    static ValueDomain codes(String... codes) {
        return new Codes(List.of(codes), Optional.empty());
    }

    /** Codes of an examination finding, {@code normal} being one of them. */
    static ValueDomain examined(String normal, String... codes) {
        if (!List.of(codes).contains(normal)) {
            throw new IllegalArgumentException(normal + " is not among " + List.of(codes));
        }
        return new Codes(List.of(codes), Optional.of(normal));
    }

    static ValueDomain integers(int min, int max) {
        return new IntegerRange(min, max, Optional.empty());
    }

    static ValueDomain examinedIntegers(int min, int max, int normal) {
        return new IntegerRange(min, max, Optional.of(normal));
    }

    static ValueDomain numbers(double min, double max) {
        return new NumberRange(min, max, Optional.empty());
    }

    static ValueDomain examinedNumbers(double min, double max, double normal) {
        return new NumberRange(min, max, Optional.of(normal));
    }

    static ValueDomain flag() {
        return new Flag();
    }

    default boolean numeric() {
        return this instanceof IntegerRange || this instanceof NumberRange;
    }
}

package org.footpain.engine;

/** The value of one supplied finding: a code, a whole number (age, MRC grade, count), a measurement, or true/false. */
public sealed interface FindingValue {

    record Code(String code) implements FindingValue {
    }

    record Count(int value) implements FindingValue {
    }

    record Measure(double value) implements FindingValue {
    }

    record Flag(boolean value) implements FindingValue {
    }
}

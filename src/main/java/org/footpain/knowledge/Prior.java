package org.footpain.knowledge;

/** The probability of a condition before any finding, in one setting. */
public record Prior(double probability, Citation citation) {
}

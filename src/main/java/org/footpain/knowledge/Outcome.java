package org.footpain.knowledge;

/** One result of a finding (say "Achilles reflex absent or diminished") and its likelihood ratio for a condition. */
public record Outcome(Match match, double likelihoodRatio, Citation citation) {
}

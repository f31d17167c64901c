package org.footpain.knowledge;

/**
 * The global constants of the reasoning, each with its justification, held in the knowledge base so a
 * reviewer sees them beside the numbers they act on.
 *
 * @param correlationDamping   weight ratio between successive findings of one correlation group
 *                             (1, d, d², … in log-odds), so overlapping findings are not counted twice
 * @param symptomSide          likelihood ratios of the reported symptom side for a condition hypothesised
 *                             on one leg or on both
 * @param fewFindings          below this many supplied clinical findings the answer warns that confidence is low
 * @param leadingConditions    how many of the top conditions the next-best-finding search tries to separate
 * @param nextBestFindingLimit how many next findings to suggest
 */
public record ReasoningModel(Constant correlationDamping, SymptomSideModel symptomSide, Constant fewFindings,
                             int leadingConditions, int nextBestFindingLimit) {

    /** A global number with the reason it has its value. */
    public record Constant(double value, Citation citation) {
    }

    /**
     * Likelihood ratios of {@code history.symptomSide} relative to a hypothesised side: for a condition on
     * one leg, symptoms on that leg, the other leg, or both; for a condition in both legs, symptoms in both
     * or in one.
     */
    public record SymptomSideModel(double ipsilateral, double contralateral, double bilateralForOneLeg,
                                   double bilateralForBothLegs, double oneLegForBothLegs, Citation citation) {
    }
}

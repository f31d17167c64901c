package org.footpain.engine.scoring;

import org.footpain.engine.Finding;
import org.footpain.knowledge.Citation;

import java.util.List;

/**
 * One supplied finding (or published cluster of findings) that moved a condition's estimate, with the
 * likelihood ratio the knowledge base declares for it and the {@code weight} it counted with: 1 for a
 * finding counted in full, less for a finding that overlaps a stronger one of its correlation group.
 */
public sealed interface Evidence {

    double likelihoodRatio();

    double weight();

    Citation citation();

    /** The supplied findings this evidence rests on. */
    List<Finding> findings();

    /**
     * The change in log-odds this evidence made: {@code weight · ln(likelihoodRatio)}. Each kind of evidence holds it,
     * computed once when it is made, because scoring sums and sorts by it many times.
     */
    double logOddsShift();

    /** A supplied finding read against one outcome of the knowledge base. */
    record Observed(Finding finding, double likelihoodRatio, double weight, Citation citation, double logOddsShift)
            implements Evidence {

        public Observed(Finding finding, double likelihoodRatio, double weight, Citation citation) {
            this(finding, likelihoodRatio, weight, citation, weight * Math.log(likelihoodRatio));
        }

        @Override
        public List<Finding> findings() {
            return List.of(finding);
        }
    }

    /** A red flag not listed although red flags were screened: the one absence the contract lets count. */
    record ScreenedAbsent(Finding screened, String redFlag, double likelihoodRatio, double weight, Citation citation,
                          double logOddsShift) implements Evidence {

        public ScreenedAbsent(Finding screened, String redFlag, double likelihoodRatio, double weight,
                              Citation citation) {
            this(screened, redFlag, likelihoodRatio, weight, citation, weight * Math.log(likelihoodRatio));
        }

        @Override
        public List<Finding> findings() {
            return List.of(screened);
        }
    }

    /** A published cluster scored as one unit, with the supplied findings of its criteria. */
    record ClusterScore(String clusterId, String clusterName, int positive, List<Finding> components,
                        double likelihoodRatio, double weight, Citation citation, double logOddsShift)
            implements Evidence {
        public ClusterScore {
            components = List.copyOf(components);
        }

        public ClusterScore(String clusterId, String clusterName, int positive, List<Finding> components,
                            double likelihoodRatio, double weight, Citation citation) {
            this(clusterId, clusterName, positive, components, likelihoodRatio, weight, citation,
                    weight * Math.log(likelihoodRatio));
        }

        @Override
        public List<Finding> findings() {
            return components;
        }
    }

    /** The reported side of the symptoms read against the leg the condition is placed on. */
    record SymptomSide(Finding finding, double likelihoodRatio, Citation citation, double logOddsShift)
            implements Evidence {

        public SymptomSide(Finding finding, double likelihoodRatio, Citation citation) {
            this(finding, likelihoodRatio, citation, Math.log(likelihoodRatio));
        }

        @Override
        public double weight() {
            return 1.0;
        }

        @Override
        public List<Finding> findings() {
            return List.of(finding);
        }
    }
}

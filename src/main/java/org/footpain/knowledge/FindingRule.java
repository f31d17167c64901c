package org.footpain.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * What one finding does to one condition: its outcomes, tried in order, the first that matches
 * applies. Findings sharing a {@code group} measure overlapping things (toe walk and plantarflexion
 * strength) and are damped together so they are not counted twice at full weight. A rule whose finding
 * is itself the score of a published cluster (Laslett's count of positive sacroiliac provocation tests)
 * names that cluster, and its evidence is reported as the cluster.
 */
public record FindingRule(FindingPath path, Optional<String> group, List<Outcome> outcomes,
                          Optional<PublishedCluster> cluster) {
    public FindingRule {
        outcomes = List.copyOf(outcomes);
    }

    /** The published cluster a count finding scores. */
    public record PublishedCluster(String id, String name) {
    }
}

package org.footpain.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A published combination of findings scored as one unit (Laslett's sacroiliac provocation count,
 * Cook's myelopathy cluster). When one of its outcomes applies it replaces the single-finding rules
 * of its components; when it cannot be decided (too many components unknown) they count as usual.
 */
public record Cluster(String id, String name, List<Component> components, List<Threshold> outcomes,
                      Optional<String> group) {

    public Cluster {
        components = List.copyOf(components);
        outcomes = List.copyOf(outcomes);
    }

    /**
     * One criterion of the cluster, met by any of its matches (saddle sensory loss reported or examined is one
     * criterion): positive when one applies, negative when every one is known not to, unknown otherwise.
     */
    public record Component(String name, List<Match> matches) {
        public Component {
            matches = List.copyOf(matches);
        }
    }

    /**
     * An outcome of the cluster: at least {@code atLeast} components positive, or at most
     * {@code atMost} positive even if every unknown component were positive.
     */
    public record Threshold(Optional<Integer> atLeast, Optional<Integer> atMost, double likelihoodRatio,
                            Citation citation) {
    }
}

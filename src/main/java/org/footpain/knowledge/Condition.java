package org.footpain.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A condition of the differential with everything the engine knows about it. {@code sidedCodes} holds
 * the ICD-10-CM codes of each side where ICD-10-CM has side-specific codes; they replace the codes of
 * the same system in {@code codes} once the laterality is known.
 */
public record Condition(String id, String name, Laterality laterality, List<Coding> codes,
                        Map<Side, List<Coding>> sidedCodes, Map<Setting, Prior> priors, List<FindingRule> findings,
                        List<Cluster> clusters) {

    public Condition {
        codes = List.copyOf(codes);
        sidedCodes = Map.copyOf(sidedCodes);
        priors = Map.copyOf(priors);
        findings = List.copyOf(findings);
        clusters = List.copyOf(clusters);
    }

    public boolean sided() {
        return laterality instanceof Laterality.Sided;
    }

    public Prior prior(Setting setting) {
        return priors.get(setting);
    }

    /**
     * The codes to report for a condition placed on this side: where ICD-10-CM has side-specific codes
     * (G57.3x, G57.5x, G57.6x, M76.6x, I70.2xx) they replace the unspecified ones; other systems stay.
     */
    public List<Coding> codesFor(Side side) {
        List<Coding> sided = sidedCodes.get(side);
        if (sided == null) {
            return codes;
        }
        List<Coding> result = new ArrayList<>(sided);
        codes.stream().filter(c -> !c.system().equals(Coding.ICD_10_CM)).forEach(result::add);
        return List.copyOf(result);
    }
}

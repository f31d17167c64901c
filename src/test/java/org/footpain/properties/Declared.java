package org.footpain.properties;

import org.footpain.engine.Finding;
import org.footpain.engine.FindingValue;
import org.footpain.engine.Presentation;
import org.footpain.engine.matching.FindingMatcher;
import org.footpain.knowledge.Cluster;
import org.footpain.knowledge.Condition;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.FindingRule;
import org.footpain.knowledge.Match;
import org.footpain.knowledge.Outcome;
import org.footpain.knowledge.Side;
import org.footpain.knowledge.SidePattern;
import org.footpain.knowledge.ValueTest;

import java.util.ArrayList;
import java.util.List;

/**
 * What the knowledge base declares about one finding for one condition, read from the data alone (never from
 * the engine's answer): the likelihood ratios of every outcome the finding can take part in.
 */
public final class Declared {

    public enum Direction {
        /** Every ratio declared for the finding is above 1. */
        SUPPORTS,
        /** Every ratio declared for the finding is below 1. */
        OPPOSES,
        /** No rule of the condition reads the finding, and it is part of none of its clusters. */
        NOT_READ,
        /**
         * The finding has no single declared direction: ratios on both sides of 1 (or exactly 1) depending on
         * the other findings (the same value on both legs is read as a symmetric pattern), a criterion of a
         * published cluster of the condition, or the reported side of symptoms for a condition placed in one
         * leg (weighed per leg by the side model: for one leg, against the other).
         */
        NO_SINGLE_DIRECTION
    }

    private Declared() {
    }

    public static Direction direction(Condition condition, Finding finding) {
        if (condition.sided() && finding.path() == FindingPath.SYMPTOM_SIDE) {
            return Direction.NO_SINGLE_DIRECTION;
        }
        if (inCluster(condition, finding)) {
            return Direction.NO_SINGLE_DIRECTION;
        }
        List<Double> ratios = ratios(condition, finding);
        if (ratios.isEmpty()) {
            return Direction.NOT_READ;
        }
        if (ratios.stream().allMatch(lr -> lr > 1)) {
            return Direction.SUPPORTS;
        }
        if (ratios.stream().allMatch(lr -> lr < 1)) {
            return Direction.OPPOSES;
        }
        return Direction.NO_SINGLE_DIRECTION;
    }

    /**
     * The ratios an outcome reading the finding declares, whatever the other findings; a red flag also cancels
     * the "screened and absent" outcome of that flag, which counts as the inverse of its ratio.
     */
    public static List<Double> ratios(Condition condition, Finding finding) {
        List<Double> ratios = new ArrayList<>();
        for (FindingRule rule : condition.findings()) {
            for (Outcome outcome : rule.outcomes()) {
                Match match = outcome.match();
                if (match.screenedAbsent()) {
                    if (finding.path() == FindingPath.RED_FLAGS
                            && FindingMatcher.passes(match.test(), finding.value())) {
                        ratios.add(1 / outcome.likelihoodRatio());
                    } else if (finding.path() == FindingPath.RED_FLAGS_SCREENED
                            && finding.value().equals(new FindingValue.Flag(true))) {
                        ratios.add(outcome.likelihoodRatio());
                    }
                } else if (reads(match, finding)) {
                    ratios.add(outcome.likelihoodRatio());
                }
            }
        }
        return ratios;
    }

    /** A criterion of a published cluster of the condition, or (screening) what decides its red-flag criteria. */
    public static boolean inCluster(Condition condition, Finding finding) {
        for (Cluster cluster : condition.clusters()) {
            for (Cluster.Component component : cluster.components()) {
                for (Match match : component.matches()) {
                    if (match.path() == finding.path()) {
                        if (finding.path().shape() != FindingPath.Shape.SET
                                || FindingMatcher.passes(match.test(), finding.value())) {
                            return true;
                        }
                    }
                    if (finding.path() == FindingPath.RED_FLAGS_SCREENED && match.path() == FindingPath.RED_FLAGS) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean reads(Match match, Finding finding) {
        return match.path() == finding.path() && FindingMatcher.passes(match.test(), finding.value());
    }

    /**
     * True when the finding is weighed for the condition on its own: it has a single direction, every rule that
     * reads it stands outside any correlation group, and no other supplied finding competes for the same rule
     * (the other leg of a per-leg rule does not: each leg is its own hypothesis). Red flags and the screening
     * flag are left out (they interact through "screened and absent").
     */
    public static boolean weighedAlone(Condition condition, Finding finding, Presentation presentation) {
        Direction direction = direction(condition, finding);
        if (direction != Direction.SUPPORTS && direction != Direction.OPPOSES) {
            return false;
        }
        if (finding.path() == FindingPath.RED_FLAGS || finding.path() == FindingPath.RED_FLAGS_SCREENED
                || finding.path() == FindingPath.SYMPTOM_SIDE) {
            return false;
        }
        for (FindingRule rule : condition.findings()) {
            boolean readsIt = rule.outcomes().stream().anyMatch(o -> reads(o.match(), finding));
            if (!readsIt) {
                continue;
            }
            if (rule.group().isPresent()) {
                return false;
            }
            for (Outcome outcome : rule.outcomes()) {
                for (Finding other : presentation.all(finding.path())) {
                    if (other.equals(finding) || !FindingMatcher.passes(outcome.match().test(), other.value())) {
                        continue;
                    }
                    boolean perLeg = condition.sided() && outcome.match().on() == SidePattern.SIDE;
                    boolean otherLegOnly = !sharesALeg(other.side(), finding.side());
                    if (!(perLeg && otherLegOnly)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean sharesALeg(Side a, Side b) {
        return (a.covers(Side.LEFT) && b.covers(Side.LEFT)) || (a.covers(Side.RIGHT) && b.covers(Side.RIGHT))
                || a == Side.UNSIDED || b == Side.UNSIDED;
    }

    /** For messages: the finding's declared ratios for the condition. */
    public static String describe(Condition condition, Finding finding) {
        return finding + " for " + condition.id() + ": declared " + ratios(condition, finding)
                + (inCluster(condition, finding) ? " (cluster criterion)" : "");
    }

}

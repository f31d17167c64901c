package org.footpain.engine.scoring;

import org.footpain.engine.Finding;
import org.footpain.engine.FindingValue;
import org.footpain.engine.Presentation;
import org.footpain.engine.matching.FindingMatcher;
import org.footpain.knowledge.Cluster;
import org.footpain.knowledge.Condition;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.FindingRule;
import org.footpain.knowledge.Laterality;
import org.footpain.knowledge.Match;
import org.footpain.knowledge.Outcome;
import org.footpain.knowledge.ReasoningModel;
import org.footpain.knowledge.Side;
import org.footpain.knowledge.Setting;
import org.footpain.knowledge.SidePattern;
import org.footpain.knowledge.ValueDomain;
import org.footpain.knowledge.ValueTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scores one condition by log-odds updating from its prior in the patient's setting.
 *
 * <p>A sided condition is weighed as four hypotheses: in the left leg, in the right leg, in both, or
 * absent. Findings without a side count once for each; a finding on one leg counts for the hypotheses
 * that place the condition in that leg. The probability of the condition is the posterior mass of the
 * three hypotheses where it is present, and the reported laterality is the most probable of them, so
 * evidence is never counted twice for a bilateral answer and an unsided finding never picks a side.
 *
 * <p>Findings sharing a correlation group are damped: sorted by strength, the k-th counts with weight
 * d^k in log-odds, d being the knowledge base's {@code correlationDamping}.
 */
public final class ConditionScorer {

    private static final ReportedLaterality[] CONFIGURATIONS = {
            ReportedLaterality.LEFT, ReportedLaterality.RIGHT, ReportedLaterality.BILATERAL};

    private final ReasoningModel model;
    /** Every condition with what the knowledge base fixes for it once (see {@link Compiled}), in its order. */
    private final List<Compiled> compiled = new ArrayList<>();

    /** The model's ratios for the side of symptoms against a hypothesis, and their logarithms, by these indexes. */
    private static final int NO_SIDE = -1;
    private static final int IPSILATERAL = 0;
    private static final int CONTRALATERAL = 1;
    private static final int BILATERAL_FOR_ONE_LEG = 2;
    private static final int BILATERAL_FOR_BOTH_LEGS = 3;
    private static final int ONE_LEG_FOR_BOTH_LEGS = 4;
    private final double[] sideRatios;
    private final double[] sideLogs;

    public ConditionScorer(ReasoningModel model, List<Condition> conditions) {
        this.model = model;
        ReasoningModel.SymptomSideModel side = model.symptomSide();
        sideRatios = new double[] {side.ipsilateral(), side.contralateral(), side.bilateralForOneLeg(),
                side.bilateralForBothLegs(), side.oneLegForBothLegs()};
        sideLogs = Arrays.stream(sideRatios).map(Math::log).toArray();
        Map<String, Integer> groupIds = new HashMap<>();
        for (Condition condition : conditions) {
            List<FindingRule> rules = condition.findings();
            int words = (rules.size() + Long.SIZE - 1) / Long.SIZE;
            long[][] byCluster = new long[condition.clusters().size()][words];
            for (int c = 0; c < byCluster.length; c++) {
                for (Cluster.Component component : condition.clusters().get(c).components()) {
                    for (Match match : component.matches()) {
                        for (int r = 0; r < rules.size(); r++) {
                            if (overlaps(match, rules.get(r))) {
                                byCluster[c][r / Long.SIZE] |= 1L << r;
                            }
                        }
                    }
                }
            }
            FindingPath[] paths = new FindingPath[rules.size()];
            long[][] rulesOnPath = new long[FindingPath.values().length][words];
            long pathsRead = 0;
            long[] screenedAbsent = new long[words];
            long[] sidedRules = new long[words];
            boolean[] oneFinding = new boolean[rules.size()];
            int[] ruleGroups = new int[rules.size()];
            double[][] logRatios = new double[rules.size()][];
            long[][] codeBits = new long[rules.size()][];
            for (int r = 0; r < rules.size(); r++) {
                codeBits[r] = rules.get(r).outcomes().stream().mapToLong(ConditionScorer::codeBits).toArray();
                logRatios[r] = rules.get(r).outcomes().stream()
                        .mapToDouble(o -> Math.log(o.likelihoodRatio())).toArray();
                paths[r] = rules.get(r).path();
                rulesOnPath[paths[r].ordinal()][r / Long.SIZE] |= 1L << r;
                pathsRead |= paths[r].bit();
                if (paths[r].sided()) {
                    sidedRules[r / Long.SIZE] |= 1L << r;
                }
                ruleGroups[r] = groupId(rules.get(r).group(), groupIds);
                for (Outcome outcome : rules.get(r).outcomes()) {
                    if (outcome.match().screenedAbsent()) {
                        screenedAbsent[r / Long.SIZE] |= 1L << r;
                    }
                }
                oneFinding[r] = readsOneFinding(rules.get(r));
            }
            int[] clusterGroups = new int[condition.clusters().size()];
            for (int c = 0; c < clusterGroups.length; c++) {
                clusterGroups[c] = groupId(condition.clusters().get(c).group(), groupIds);
            }
            compiled.add(new Compiled(condition, byCluster, paths, rulesOnPath, pathsRead, screenedAbsent, sidedRules,
                    oneFinding, codeBits, ruleGroups, clusterGroups, priorLogOdds(condition), logRatios));
        }
    }

    /**
     * A condition with its rules as the knowledge base fixes them. Sets of rules are bits of {@code long} words, bit r
     * for the r-th rule, so that the rules worth reading for a patient are found with a few ORs and read in the
     * knowledge base's order, never visiting the others (most of them): which rules each of its clusters takes over
     * ({@code takenOverByCluster[cluster]}); the rules on each finding ({@code rulesOnPath[path ordinal]}) and the
     * findings any rule reads ({@code pathsRead}, {@link FindingPath#bit}); the rules that can match a red flag screened
     * absent, and those on findings with sides. By rule: the finding it reads; whether it reads a single supplied value
     * (see {@link #readsOneFinding}); the codes each outcome asks for ({@code codeBits[rule][outcome]}, see
     * {@link #codeBits}); its correlation group as a number ({@link #NO_GROUP} for none, likewise for clusters); and
     * the natural logarithm of each outcome's ratio ({@code logRatios[rule][outcome]}). Per setting, the log-odds it
     * starts from ({@link #priorLogOdds}).
     */
    private record Compiled(Condition condition, long[][] takenOverByCluster, FindingPath[] paths,
                            long[][] rulesOnPath, long pathsRead, long[] screenedAbsent, long[] sidedRules,
                            boolean[] oneFinding, long[][] codeBits,
                            int[] ruleGroups, int[] clusterGroups, double[][] priorLogOdds,
                            double[][] logRatios) {
    }

    /**
     * Per setting (by ordinal), the log-odds the condition starts from: for a condition without sides its prior's; for
     * a sided one, that of each hypothesis (left, right, both legs) against absence, NaN for a hypothesis with no
     * share.
     */
    private static double[][] priorLogOdds(Condition condition) {
        double[][] bySetting = new double[Setting.values().length][];
        for (Setting setting : Setting.values()) {
            if (condition.prior(setting) == null) {
                continue;
            }
            double prior = condition.prior(setting).probability();
            if (!(condition.laterality() instanceof Laterality.Sided sided)) {
                bySetting[setting.ordinal()] = new double[] {logit(prior)};
                continue;
            }
            double b = sided.bilateralFraction();
            double logAbsent = Math.log1p(-prior);
            double[] hypotheses = new double[CONFIGURATIONS.length];
            for (int i = 0; i < CONFIGURATIONS.length; i++) {
                double share = CONFIGURATIONS[i] == ReportedLaterality.BILATERAL ? b : (1 - b) / 2;
                hypotheses[i] = share <= 0 ? Double.NaN : Math.log(prior * share) - logAbsent;
            }
            bySetting[setting.ordinal()] = hypotheses;
        }
        return bySetting;
    }

    private static final int NO_GROUP = -1;

    /**
     * The codes an outcome asks for, as {@link FindingPath#codeBits}, where one AND tells whether it can match: the
     * items it asks a set for, or the values of a coded finding read on one leg or without sides. 0 for any other
     * outcome, which is matched in full.
     */
    private static long codeBits(Outcome outcome) {
        Match match = outcome.match();
        boolean oneValueOrSet = switch (match.path().shape()) {
            case SET, SCALAR -> true;
            case BILATERAL -> match.on() == SidePattern.SIDE;
            case SIDED_LIST -> false;
        };
        return oneValueOrSet && !match.screenedAbsent() && match.test() instanceof ValueTest.OneOf oneOf
                && match.path().domain() instanceof ValueDomain.Codes
                ? match.path().codeBits(oneOf.codes()) : 0L;
    }

    /**
     * Whether every outcome of a rule reads one value: a finding without a side, or the leg under consideration of a
     * finding taken leg by leg. Such a rule is decided by fetching that value once and testing it against its
     * outcomes in order, which is what matching each outcome would do.
     */
    private static boolean readsOneFinding(FindingRule rule) {
        FindingPath.Shape shape = rule.path().shape();
        return rule.outcomes().stream().allMatch(o -> !o.match().screenedAbsent()
                && (shape == FindingPath.Shape.SCALAR
                || shape == FindingPath.Shape.BILATERAL && o.match().on() == SidePattern.SIDE));
    }

    private static int groupId(Optional<String> group, Map<String, Integer> ids) {
        return group.map(g -> ids.computeIfAbsent(g, k -> ids.size())).orElse(NO_GROUP);
    }

    /** Every condition of the knowledge base scored for one patient, in the knowledge base's order. */
    public List<ScoredCondition> scoreAll(Presentation presentation) {
        List<ScoredCondition> scored = new ArrayList<>(compiled.size());
        for (Compiled condition : compiled) {
            scored.add(score(condition, presentation));
        }
        return scored;
    }

    private ScoredCondition score(Compiled rules, Presentation presentation) {
        Condition condition = rules.condition();
        double[] base = rules.priorLogOdds()[presentation.setting().ordinal()];
        if (condition.laterality() instanceof Laterality.Sided) {
            return scoreSided(rules, base, presentation);
        }
        List<Evidence> evidence = damp(units(rules, presentation, Side.UNSIDED, false), Reading.ALL);
        double logOdds = base[0] + sum(evidence);
        ReportedLaterality laterality = condition.laterality() instanceof Laterality.Central
                ? ReportedLaterality.NOT_APPLICABLE
                : regionalLaterality(presentation, evidence);
        return new ScoredCondition(condition, round(sigmoid(logOdds)), laterality, strongestFirst(evidence));
    }

    private ScoredCondition scoreSided(Compiled rules, double[] base, Presentation presentation) {
        Condition condition = rules.condition();
        List<Unit> leftUnits = units(rules, presentation, Side.LEFT, false);
        // the right leg's pass keeps only leg-specific evidence: the rest is the left pass's
        List<Unit> rightUnits = units(rules, presentation, Side.RIGHT, true);
        List<Evidence> unsided = damp(leftUnits, Reading.NOT_LEG_SPECIFIC);
        List<Evidence> left = damp(leftUnits, Reading.LEG_SPECIFIC);
        List<Evidence> right = damp(rightUnits, Reading.LEG_SPECIFIC);

        double common = sum(unsided);
        Optional<Finding> symptomSide = presentation.on(FindingPath.SYMPTOM_SIDE, Side.UNSIDED);
        // the hypotheses LEFT, RIGHT, BILATERAL (indexes into CONFIGURATIONS); one with no share is left out
        double[] logOdds = new double[CONFIGURATIONS.length];
        boolean[] weighed = new boolean[CONFIGURATIONS.length];
        int[] sideRatio = {NO_SIDE, NO_SIDE, NO_SIDE};
        double sumLeft = sum(left);
        double sumRight = sum(right);
        int best = -1;
        for (int i = 0; i < CONFIGURATIONS.length; i++) {
            ReportedLaterality config = CONFIGURATIONS[i];
            if (Double.isNaN(base[i])) {
                continue; // no share
            }
            sideRatio[i] = symptomSide.isPresent() ? symptomSideRatio(symptomSide.get(), config) : NO_SIDE;
            double legs = switch (config) {
                case LEFT -> sumLeft;
                case RIGHT -> sumRight;
                default -> sumLeft + sumRight;
            };
            logOdds[i] = base[i] + common + legs + (sideRatio[i] == NO_SIDE ? 0.0 : sideLogs[sideRatio[i]]);
            weighed[i] = true;
            if (best < 0 || logOdds[i] > logOdds[best]) {
                best = i; // the first of equals wins, as the hypotheses are listed
            }
        }
        double total = logSumExp(logOdds, weighed);
        double probability = round(sigmoid(total));

        boolean anySided = symptomSide.isPresent() || !left.isEmpty() || !right.isEmpty();
        ReportedLaterality bestConfig = best < 0 ? ReportedLaterality.UNDETERMINED : CONFIGURATIONS[best];
        double l = weighed[0] ? logOdds[0] : Double.NEGATIVE_INFINITY;
        double r = weighed[1] ? logOdds[1] : Double.NEGATIVE_INFINITY;
        boolean tie = bestConfig != ReportedLaterality.BILATERAL && Math.abs(l - r) < 1e-9;

        ReportedLaterality laterality;
        StrongestFirst evidence = new StrongestFirst(unsided.size() + left.size() + right.size() + 1);
        evidence.addAll(unsided);
        if (!anySided || tie) {
            // no sided finding favours either leg: with symptoms in both legs a condition that can lie in both
            // explains both; otherwise the side cannot be told
            String symptoms = symptomSide.map(f -> ((FindingValue.Code) f.value()).code()).orElse("");
            laterality = anySided && symptoms.equals(Side.BILATERAL.code()) && weighed[2]
                    ? ReportedLaterality.BILATERAL : ReportedLaterality.UNDETERMINED;
            evidence.addAll(left);
            evidence.addAll(right);
            // the side of symptoms as weighed for the leg the patient points to (either leg for bilateral symptoms,
            // whose weight is the same for both), so that a patient and their mirror image read alike
            int pointedTo = symptoms.equals(Side.RIGHT.code()) ? 1 : 0;
            if (sideRatio[pointedTo] != NO_SIDE) {
                evidence.add(symptomSideEvidence(symptomSide.get(), sideRatio[pointedTo]));
            }
        } else {
            laterality = explainedLegs(bestConfig, symptomSide);
            // every supplied finding that moved the estimate is listed: first those of the legs of the most
            // probable hypothesis, then those of the other leg, which moved it through the less likely ones
            List<Evidence> otherLeg = bestConfig == ReportedLaterality.RIGHT ? left
                    : bestConfig == ReportedLaterality.LEFT ? right : List.of();
            if (bestConfig != ReportedLaterality.RIGHT) {
                evidence.addAll(left);
            }
            if (bestConfig != ReportedLaterality.LEFT) {
                evidence.addAll(right);
            }
            if (sideRatio[best] != NO_SIDE) {
                evidence.add(symptomSideEvidence(symptomSide.get(), sideRatio[best]));
            }
            evidence.nextSegment();
            evidence.addAll(otherLeg);
        }
        return new ScoredCondition(condition, probability, laterality, evidence.toList());
    }

    /**
     * The legs the condition explains. When the condition is most probably in both legs but the patient's
     * symptoms are in one, it explains that leg's complaint (the other leg's findings still count in its
     * probability and evidence).
     */
    private static ReportedLaterality explainedLegs(ReportedLaterality configuration, Optional<Finding> symptomSide) {
        if (configuration != ReportedLaterality.BILATERAL || symptomSide.isEmpty()) {
            return configuration;
        }
        return switch (((FindingValue.Code) symptomSide.get().value()).code()) {
            case "left" -> ReportedLaterality.LEFT;
            case "right" -> ReportedLaterality.RIGHT;
            default -> configuration;
        };
    }

    /** Which of the model's ratios for the side of symptoms applies to a hypothesis (an index into sideRatios). */
    private static int symptomSideRatio(Finding finding, ReportedLaterality config) {
        String side = ((FindingValue.Code) finding.value()).code();
        if (config == ReportedLaterality.BILATERAL) {
            return side.equals("bilateral") ? BILATERAL_FOR_BOTH_LEGS : ONE_LEG_FOR_BOTH_LEGS;
        }
        if (side.equals("bilateral")) {
            return BILATERAL_FOR_ONE_LEG;
        }
        return side.equals(config.code()) ? IPSILATERAL : CONTRALATERAL;
    }

    private Evidence symptomSideEvidence(Finding finding, int ratio) {
        return new Evidence.SymptomSide(finding, sideRatios[ratio], model.symptomSide().citation(), sideLogs[ratio]);
    }

    /**
     * The evidence one leg's hypothesis (or the whole patient's, for {@link Side#UNSIDED}) draws from the
     * supplied findings, before damping: applicable clusters first, then every finding rule whose first
     * matching outcome applies, unless a cluster that applied has taken its finding over. With {@code legOnly}, rules
     * on findings that have no side (whose evidence is never leg-specific) are not read.
     */
    private List<Unit> units(Compiled rulesOf, Presentation presentation, Side leg, boolean legOnly) {
        Condition condition = rulesOf.condition();
        List<Unit> units = new ArrayList<>();
        List<Cluster> clusters = condition.clusters();
        // nothing supplied moves nothing: a rule is read only when its finding was supplied, or when it can match a
        // red flag screened as absent
        long[] read = rulesOf.screenedAbsent().clone();
        for (long p = rulesOf.pathsRead() & presentation.suppliedPaths(); p != 0; p &= p - 1) {
            long[] onPath = rulesOf.rulesOnPath()[Long.numberOfTrailingZeros(p)];
            for (int w = 0; w < read.length; w++) {
                read[w] |= onPath[w];
            }
        }
        if (legOnly) {
            for (int w = 0; w < read.length; w++) {
                read[w] &= rulesOf.sidedRules()[w];
            }
        }
        for (int c = 0; c < clusters.size(); c++) {
            Optional<Unit> applies = cluster(clusters.get(c), rulesOf.clusterGroups()[c], presentation, leg);
            if (applies.isPresent()) {
                units.add(applies.get());
                for (int w = 0; w < read.length; w++) {
                    read[w] &= ~rulesOf.takenOverByCluster()[c][w];
                }
            }
        }
        List<FindingRule> rules = condition.findings();
        FindingPath[] paths = rulesOf.paths();
        for (int w = 0; w < read.length; w++) {
            for (long bits = read[w]; bits != 0; bits &= bits - 1) {
                readRule(rulesOf, w * Long.SIZE + Long.numberOfTrailingZeros(bits), rules, paths, presentation, leg,
                        units);
            }
        }
        return units;
    }

    /** Adds the unit of the rule's first outcome that the supplied findings meet, if any. */
    private static void readRule(Compiled rulesOf, int r, List<FindingRule> rules, FindingPath[] paths,
                                 Presentation presentation, Side leg, List<Unit> units) {
        // an outcome whose codes are known as bits is tested without visiting it: the knowledge base's objects are
        // read only for the outcome that applies
        long[] codes = rulesOf.codeBits()[r];
        if (rulesOf.oneFinding()[r]) {
            Side read = paths[r].shape() == FindingPath.Shape.SCALAR ? Side.UNSIDED : leg;
            Optional<Finding> supplied = presentation.on(paths[r], read);
            if (supplied.isEmpty()) {
                return;
            }
            for (int o = 0; o < codes.length; o++) {
                if (codes[o] != 0 ? presentation.suppliesAny(paths[r], read, codes[o])
                        : FindingMatcher.passes(rules.get(r).outcomes().get(o).match().test(),
                        supplied.get().value())) {
                    units.add(unit(rules.get(r), o, rulesOf.logRatios()[r][o], List.of(supplied.get()),
                            rulesOf.ruleGroups()[r]));
                    return;
                }
            }
            return;
        }
        Side read = paths[r].shape() == FindingPath.Shape.BILATERAL ? leg : Side.UNSIDED;
        for (int o = 0; o < codes.length; o++) {
            if (codes[o] != 0 && !presentation.suppliesAny(paths[r], read, codes[o])) {
                continue; // none of the codes it asks for was supplied
            }
            // a set's items are found by their codes' bits; anything else is matched in full
            Optional<List<Finding>> found = codes[o] != 0 && paths[r].shape() == FindingPath.Shape.SET
                    ? Optional.of(presentation.listedAmong(paths[r], codes[o]))
                    : FindingMatcher.matches(rules.get(r).outcomes().get(o).match(), presentation, leg);
            if (found.isPresent()) {
                units.add(unit(rules.get(r), o, rulesOf.logRatios()[r][o], found.get(), rulesOf.ruleGroups()[r]));
                return;
            }
        }
    }

    /** The unit of a rule's {@code o}-th outcome, met by the findings {@code found}. */
    private static Unit unit(FindingRule rule, int o, double logRatio, List<Finding> found, int group) {
        Outcome outcome = rule.outcomes().get(o);
        double lr = outcome.likelihoodRatio();
        double share = 1.0 / found.size();
        SidePattern on = outcome.match().on();
        // a finding read across both legs (either, both) bears on the patient, not on one leg's hypothesis
        boolean legSpecific = (on == SidePattern.SIDE || on == SidePattern.SYMMETRIC) && anySided(found);
        if (found.size() == 1 && rule.cluster().isEmpty() && !outcome.match().screenedAbsent()) {
            // the common case, without a list of one
            Evidence observed = new Evidence.Observed(found.get(0), lr, share, outcome.citation(), share * logRatio);
            return new Unit(List.of(observed), logRatio, group, legSpecific);
        }
        List<Evidence> pieces = new ArrayList<>(found.size());
        if (rule.cluster().isPresent()) {
            // a count finding that is the score of a published cluster is reported as that cluster
            FindingRule.PublishedCluster cluster = rule.cluster().get();
            for (Finding f : found) {
                int positive = f.value() instanceof FindingValue.Count count ? count.value() : 0;
                pieces.add(new Evidence.ClusterScore(cluster.id(), cluster.name(), positive, List.of(f), lr, share,
                        outcome.citation(), share * logRatio));
            }
        } else if (outcome.match().screenedAbsent()) {
            String redFlag = ((ValueTest.OneOf) outcome.match().test()).codes().iterator().next();
            pieces.add(new Evidence.ScreenedAbsent(found.get(0), redFlag, lr, 1.0, outcome.citation(), logRatio));
        } else {
            for (int i = 0; i < found.size(); i++) {
                pieces.add(new Evidence.Observed(found.get(i), lr, share, outcome.citation(), share * logRatio));
            }
        }
        return new Unit(pieces, logRatio, group, legSpecific);
    }

    private static Optional<Unit> cluster(Cluster cluster, int group, Presentation presentation, Side leg) {
        int positive = 0;
        int unknown = 0;
        List<Cluster.Component> components = cluster.components();
        FindingMatcher.Answer[] answers = new FindingMatcher.Answer[components.size()];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = FindingMatcher.answer(components.get(i).matches(), presentation, leg);
            switch (answers[i].kind()) {
                case POSITIVE -> positive++;
                case UNKNOWN -> unknown++;
                default -> {
                }
            }
        }
        for (Cluster.Threshold threshold : cluster.outcomes()) {
            boolean applies = false;
            if (threshold.atLeast().isPresent()) {
                applies = positive >= threshold.atLeast().get();
            } else if (threshold.atMost().isPresent()) {
                applies = positive + unknown <= threshold.atMost().get();
            }
            if (applies) {
                // the findings the criteria read, each once, in the order the criteria read them
                Set<Finding> used = new LinkedHashSet<>();
                for (FindingMatcher.Answer answer : answers) {
                    used.addAll(answer.findings());
                }
                List<Finding> read = List.copyOf(used);
                Evidence evidence = new Evidence.ClusterScore(cluster.id(), cluster.name(), positive, read,
                        threshold.likelihoodRatio(), 1.0, threshold.citation());
                return Optional.of(new Unit(List.of(evidence), evidence.logOddsShift(), group, anySided(read)));
            }
        }
        return Optional.empty();
    }

    private static boolean anySided(List<Finding> findings) {
        for (int i = 0; i < findings.size(); i++) {
            if (findings.get(i).side() != Side.UNSIDED) {
                return true;
            }
        }
        return false;
    }

    /** A cluster criterion takes over a finding rule on the same finding (for a set, on the same items). */
    private static boolean overlaps(Match component, FindingRule rule) {
        if (component.path() != rule.path()) {
            return false;
        }
        if (rule.path().shape() != FindingPath.Shape.SET) {
            return true;
        }
        Set<String> items = new HashSet<>(((ValueTest.OneOf) component.test()).codes());
        return rule.outcomes().stream()
                .anyMatch(o -> o.match().test() instanceof ValueTest.OneOf oneOf
                        && oneOf.codes().stream().anyMatch(items::contains));
    }

    /**
     * Applies correlation damping: within a group (per leg), units sorted by strength count with weights
     * 1, d, d², …; a unit outside any group counts in full.
     */
    private List<Evidence> damp(List<Unit> units, Reading reading) {
        if (units.isEmpty()) {
            return List.of();
        }
        double d = model.correlationDamping().value();
        int n = units.size();
        List<Evidence> evidence = null;
        boolean[] done = null;
        List<Unit> group = null;
        // groups in the order they first appear; a unit outside any group is a group of its own
        for (int i = 0; i < n; i++) {
            Unit first = units.get(i);
            if ((done != null && done[i]) || !reading.takes(first)) {
                continue;
            }
            if (evidence == null) {
                evidence = new ArrayList<>(n + 2);
            }
            int key = first.group();
            if (key == NO_GROUP) {
                addWeighted(evidence, first, 1.0);
                continue;
            }
            if (group == null) {
                group = new ArrayList<>(4);
                done = new boolean[n];
            }
            group.clear();
            for (int j = i; j < n; j++) {
                Unit unit = units.get(j);
                if (!done[j] && reading.takes(unit) && key == unit.group()) {
                    group.add(unit);
                    done[j] = true;
                }
            }
            if (group.size() > 1) {
                group.sort(STRONGEST_UNIT_FIRST); // stable: equally strong units keep their order
            }
            double weight = 1.0;
            for (Unit unit : group) {
                addWeighted(evidence, unit, weight);
                weight *= d;
            }
        }
        return evidence == null ? List.of() : evidence;
    }

    /** Which units a damping pass reads: all of them, or those that are (or are not) about one leg. */
    private enum Reading {
        ALL, LEG_SPECIFIC, NOT_LEG_SPECIFIC;

        boolean takes(Unit unit) {
            return this == ALL || unit.legSpecific() == (this == LEG_SPECIFIC);
        }
    }

    private static final Comparator<Unit> STRONGEST_UNIT_FIRST =
            Comparator.comparingDouble((Unit u) -> -Math.abs(u.logRatio()));

    private static void addWeighted(List<Evidence> evidence, Unit unit, double weight) {
        List<Evidence> pieces = unit.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            Evidence piece = pieces.get(i);
            evidence.add(weight == 1.0 ? piece : withWeight(piece, piece.weight() * weight, unit.logRatio()));
        }
    }

    /** The same evidence counted with another weight; {@code logRatio} is the natural logarithm of its ratio. */
    private static Evidence withWeight(Evidence e, double weight, double logRatio) {
        if (e instanceof Evidence.Observed o) {
            return new Evidence.Observed(o.finding(), o.likelihoodRatio(), weight, o.citation(), weight * logRatio);
        }
        if (e instanceof Evidence.ScreenedAbsent s) {
            return new Evidence.ScreenedAbsent(s.screened(), s.redFlag(), s.likelihoodRatio(), weight, s.citation(),
                    weight * logRatio);
        }
        if (e instanceof Evidence.ClusterScore c) {
            return new Evidence.ClusterScore(c.clusterId(), c.clusterName(), c.positive(), c.components(),
                    c.likelihoodRatio(), weight, c.citation(), weight * logRatio);
        }
        return e;
    }

    private static ReportedLaterality regionalLaterality(Presentation presentation, List<Evidence> evidence) {
        Optional<Finding> symptomSide = presentation.on(FindingPath.SYMPTOM_SIDE, Side.UNSIDED);
        if (symptomSide.isPresent()) {
            return switch (((FindingValue.Code) symptomSide.get().value()).code()) {
                case "left" -> ReportedLaterality.LEFT;
                case "right" -> ReportedLaterality.RIGHT;
                default -> ReportedLaterality.BILATERAL;
            };
        }
        boolean left = false;
        boolean right = false;
        for (Evidence e : evidence) {
            for (Finding f : e.findings()) {
                left |= f.side().covers(Side.LEFT);
                right |= f.side().covers(Side.RIGHT);
            }
        }
        if (left && right) {
            return ReportedLaterality.BILATERAL;
        }
        return left ? ReportedLaterality.LEFT : right ? ReportedLaterality.RIGHT : ReportedLaterality.UNDETERMINED;
    }

    /** Evidence that moved the estimate, strongest first (see {@link StrongestFirst}). */
    private static List<Evidence> strongestFirst(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return List.of();
        }
        StrongestFirst sorted = new StrongestFirst(evidence.size());
        sorted.addAll(evidence);
        return sorted.toList();
    }

    /**
     * Evidence that moved the estimate, strongest first within each segment, segments in the order they were begun;
     * a ratio of 1 or a weight of 0 moved nothing and is left out. The sort is stable (equally strong evidence keeps
     * its order) and reads each shift once; the lists are a handful of items, so it sorts by insertion as they come.
     */
    private static final class StrongestFirst {
        private final Evidence[] moved;
        private final double[] strength;
        private int size;
        private int segment;

        StrongestFirst(int capacity) {
            moved = new Evidence[capacity];
            strength = new double[capacity];
        }

        void addAll(List<Evidence> evidence) {
            for (int i = 0; i < evidence.size(); i++) {
                add(evidence.get(i));
            }
        }

        void add(Evidence e) {
            double shift = Math.abs(e.logOddsShift());
            if (shift == 0.0) {
                return;
            }
            int at = size++;
            while (at > segment && strength[at - 1] < shift) {
                moved[at] = moved[at - 1];
                strength[at] = strength[at - 1];
                at--;
            }
            moved[at] = e;
            strength[at] = shift;
        }

        /** What is added from now on is sorted after, and apart from, what was added before. */
        void nextSegment() {
            segment = size;
        }

        List<Evidence> toList() {
            return List.of(size == moved.length ? moved : Arrays.copyOf(moved, size));
        }
    }

    private static double sum(List<Evidence> evidence) {
        double total = 0;
        for (int i = 0; i < evidence.size(); i++) {
            total += evidence.get(i).logOddsShift();
        }
        return total;
    }

    static double logit(double p) {
        return Math.log(p) - Math.log1p(-p);
    }

    static double sigmoid(double logOdds) {
        return logOdds >= 0 ? 1 / (1 + Math.exp(-logOdds)) : Math.exp(logOdds) / (1 + Math.exp(logOdds));
    }

    /** log Σ e^x over the values taken, computed without overflow. */
    private static double logSumExp(double[] values, boolean[] taken) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (taken[i]) {
                max = Math.max(max, values[i]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if (taken[i]) {
                sum += Math.exp(values[i] - max);
            }
        }
        return max + Math.log(sum);
    }

    static double round(double probability) {
        return Math.round(probability * 10_000) / 10_000.0;
    }

    /**
     * The evidence one outcome yields, before damping, with the natural logarithm of its ratio; pieces share the
     * outcome's weight when it rests on two legs.
     */
    private record Unit(List<Evidence> pieces, double logRatio, int group, boolean legSpecific) {
    }
}

package org.footpain.engine.nextfinding;

import org.footpain.engine.Finding;
import org.footpain.engine.FindingValue;
import org.footpain.engine.Presentation;
import org.footpain.engine.matching.FindingMatcher;
import org.footpain.engine.scoring.ReportedLaterality;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.knowledge.Condition;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.FindingRule;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.Outcome;
import org.footpain.knowledge.Side;
import org.footpain.knowledge.SidePattern;
import org.footpain.knowledge.ValueDomain;
import org.footpain.knowledge.ValueTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Ranks examination findings not yet supplied by the expected information gain (in bits) about which of
 * the leading conditions is present. Each leading condition predicts the finding's outcomes from its
 * likelihood ratios applied to a baseline in which an examined finding shows its normal value with
 * probability {@value #BASELINE_NORMAL}; the gain is the expected fall in entropy of the leading
 * conditions' normalised probabilities once the finding is known.
 */
public final class NextFindingAdvisor {

    /**
     * The baseline chance that an examination finding is normal in a patient without the condition. An
     * engineering assumption: it only sets how rare abnormal outcomes are, so that a finding whose likelihood
     * ratios differ most between the leading conditions ranks first.
     */
    static final double BASELINE_NORMAL = 0.85;

    private static final double MIN_GAIN = 1e-3;

    private final KnowledgeBase kb;
    private final Map<FindingPath, List<Double>> numberCuts = new EnumMap<>(FindingPath.class);
    /** Per examination finding: the outcomes it can have and their baseline distribution, fixed by the knowledge base. */
    private final Map<FindingPath, List<FindingValue>> outcomesByPath = new EnumMap<>(FindingPath.class);
    private final Map<FindingPath, double[]> baselineByPath = new EnumMap<>(FindingPath.class);
    /** Per condition, its rules on each examination finding and the predictions they fix (see {@link Rows}). */
    private final Map<Condition, Rows> rowsOf = new IdentityHashMap<>();
    /** Per examination finding, the prediction of a condition with no rule for it: the baseline. */
    private final Prediction[] noRule = new Prediction[FindingPath.values().length];

    public NextFindingAdvisor(KnowledgeBase kb) {
        this.kb = kb;
        for (Condition condition : kb.conditions()) {
            for (FindingRule rule : condition.findings()) {
                if (rule.path().domain() instanceof ValueDomain.NumberRange) {
                    for (Outcome outcome : rule.outcomes()) {
                        ValueTest.Within within = (ValueTest.Within) outcome.match().test();
                        numberCuts.computeIfAbsent(rule.path(), p -> new ArrayList<>()).add(within.min());
                        numberCuts.computeIfAbsent(rule.path(), p -> new ArrayList<>()).add(within.max());
                    }
                }
            }
        }
        for (FindingPath path : FindingPath.values()) {
            if (considered(path)) {
                List<FindingValue> outcomes = List.copyOf(outcomes(path));
                outcomesByPath.put(path, outcomes);
                baselineByPath.put(path, baseline(path, outcomes));
                noRule[path.ordinal()] = predict(new OutcomeRow[0], path, Optional.empty());
            }
        }
        for (Condition condition : kb.conditions()) {
            OutcomeRow[][] byPath = new OutcomeRow[FindingPath.values().length][];
            Prediction[] fixed = new Prediction[FindingPath.values().length];
            for (FindingPath path : outcomesByPath.keySet()) {
                List<FindingValue> values = outcomesByPath.get(path);
                List<OutcomeRow> rows = new ArrayList<>();
                boolean readsOtherLeg = false;
                for (FindingRule rule : condition.findings()) {
                    if (rule.path() != path) {
                        continue;
                    }
                    for (Outcome outcome : rule.outcomes()) {
                        boolean[] passes = new boolean[values.size()];
                        for (int v = 0; v < passes.length; v++) {
                            passes[v] = FindingMatcher.passes(outcome.match().test(), values.get(v));
                        }
                        rows.add(new OutcomeRow(outcome.match().on(), outcome.match().test(),
                                outcome.likelihoodRatio(), passes));
                        readsOtherLeg |= outcome.match().on() == SidePattern.BOTH;
                    }
                }
                byPath[path.ordinal()] = rows.toArray(OutcomeRow[]::new);
                fixed[path.ordinal()] = readsOtherLeg ? null : predict(byPath[path.ordinal()], path, Optional.empty());
            }
            rowsOf.put(condition, new Rows(byPath, fixed));
        }
    }

    /**
     * One condition's rules on the examination findings, by path ordinal: the outcomes in the order they are tried,
     * each read once against every value the finding can take ({@code byPath}); and the prediction, made once where it
     * cannot depend on the patient, when no outcome on the finding asks for the same value on the other leg
     * ({@code fixed}, null where it can).
     */
    private record Rows(OutcomeRow[][] byPath, Prediction[] fixed) {
    }

    /** One outcome of a rule on a candidate finding; {@code passes[v]}: whether the finding's v-th value meets it. */
    private record OutcomeRow(SidePattern on, ValueTest test, double likelihoodRatio, boolean[] passes) {
    }

    /**
     * What one condition predicts for a finding: the ratio its rules give each value ({@code ratio}, 1 where no outcome
     * is met), the distribution of values it predicts ({@code likelihood}: the ratios applied to the baseline, then
     * normalised) and its natural logarithm ({@code logLikelihood}), Σ likelihood · ln likelihood over the values
     * ({@code negativeEntropy}), and whether any of its rules applies to the finding at all.
     */
    private record Prediction(double[] ratio, double[] likelihood, double[] logLikelihood, double negativeEntropy,
                              boolean applies) {
    }

    /** The findings worth suggesting: examination findings read per leg or once, not lists of sites. */
    private static boolean considered(FindingPath path) {
        return path.examination() && path.shape() != FindingPath.Shape.SIDED_LIST;
    }

    public List<NextFinding> advise(Presentation presentation, List<ScoredCondition> ranked) {
        List<ScoredCondition> leading = ranked.stream().filter(c -> c.probability() > 0)
                .limit(kb.model().leadingConditions()).toList();
        if (leading.size() < 2) {
            return List.of();
        }
        double total = leading.stream().mapToDouble(ScoredCondition::probability).sum();
        double[] prior = leading.stream().mapToDouble(c -> c.probability() / total).toArray();

        List<Side> bothLegs = legs(leading);
        Rows[] rows = new Rows[leading.size()];
        for (int a = 0; a < rows.length; a++) {
            rows[a] = rowsOf.get(leading.get(a).condition());
        }
        Prediction[] predictions = new Prediction[leading.size()];
        Shortlist shortlist = new Shortlist(kb.model().nextBestFindingLimit());
        for (FindingPath path : FindingPath.values()) {
            if (!considered(path)) {
                continue;
            }
            List<Side> legs = path.shape() == FindingPath.Shape.SCALAR ? UNSIDED : bothLegs;
            // at most two legs: the gain of each (NaN where examined already or not worth it)
            Side firstLeg = null;
            double firstGain = Double.NaN;
            Side secondLeg = null;
            double secondGain = Double.NaN;
            for (Side leg : legs) {
                if (presentation.on(path, leg).isPresent()) {
                    continue;
                }
                double gain = gain(path, leg, leading, rows, prior, presentation, predictions);
                if (Double.isNaN(gain)) {
                    continue;
                }
                if (firstLeg == null) {
                    firstLeg = leg;
                    firstGain = gain;
                } else {
                    secondLeg = leg;
                    secondGain = gain;
                }
            }
            if (secondLeg != null && Math.abs(firstGain - secondGain) < 1e-9) {
                shortlist.offer(path, Side.BILATERAL, firstLeg, firstGain);
            } else {
                if (firstLeg != null) {
                    shortlist.offer(path, firstLeg, firstLeg, firstGain);
                }
                if (secondLeg != null) {
                    shortlist.offer(path, secondLeg, secondLeg, secondGain);
                }
            }
        }
        // the words are written only for the findings suggested
        List<NextFinding> suggested = new ArrayList<>(shortlist.size());
        for (int i = 0; i < shortlist.size(); i++) {
            suggested.add(advice(shortlist.get(i), leading, rows, presentation));
        }
        return List.copyOf(suggested);
    }

    /**
     * The most informative candidates seen so far, best first, never more than the limit: every examination finding on
     * every leg is weighed, but only those that make the list are kept. Findings that gain the same are ranked in the
     * order of the contract, then by side: equal to a billionth of a bit, since findings with the same ratios but
     * different scales (heel walk, MRC grades) gain the same only up to rounding.
     */
    private static final class Shortlist {
        private static final Comparator<Candidate> BEST_FIRST =
                Comparator.comparingLong((Candidate n) -> -Math.round(n.gain() * 1e9))
                        .thenComparing(n -> n.path().ordinal()).thenComparing(Candidate::side);

        private final Candidate[] best;
        private int size;

        Shortlist(int limit) {
            best = new Candidate[limit];
        }

        void offer(FindingPath path, Side side, Side leg, double gain) {
            if (best.length == 0) {
                return;
            }
            if (size == best.length && Math.round(gain * 1e9) <= Math.round(best[size - 1].gain() * 1e9)) {
                // not better than the last kept: candidates arrive in the contract's order, so an equal gain loses
                return;
            }
            Candidate candidate = new Candidate(path, side, leg, gain);
            int at = size < best.length ? size++ : size - 1;
            while (at > 0 && BEST_FIRST.compare(candidate, best[at - 1]) < 0) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = candidate;
        }

        int size() {
            return size;
        }

        Candidate get(int i) {
            return best[i];
        }
    }

    private static final List<Side> UNSIDED = List.of(Side.UNSIDED);

    /**
     * A finding worth examining on a side (BILATERAL when both legs gain the same, then read as {@code leg}), with its
     * expected gain.
     */
    private record Candidate(FindingPath path, Side side, Side leg, double gain) {
    }

    /** The legs worth examining: those the leading conditions are placed on, both when any is undecided. */
    private static List<Side> legs(List<ScoredCondition> leading) {
        boolean left = false;
        boolean right = false;
        for (ScoredCondition c : leading) {
            ReportedLaterality l = c.laterality();
            left |= l != ReportedLaterality.RIGHT;
            right |= l != ReportedLaterality.LEFT;
        }
        List<Side> legs = new ArrayList<>(2);
        if (left) {
            legs.add(Side.LEFT);
        }
        if (right) {
            legs.add(Side.RIGHT);
        }
        return legs;
    }

    /**
     * The expected gain of examining the finding on this leg (NaN when no leading condition has a rule for it, or when
     * it gains too little to suggest): the mutual information, in bits, between which
     * leading condition is present and the value the finding will show. That is the expected fall in the entropy of
     * the leading conditions' probabilities once the finding is known, written as Σ_a p(a) Σ_v p(v|a) ln p(v|a)
     * − Σ_v p(v) ln p(v), so that the first sum, fixed by the knowledge base for most findings, is not recomputed for
     * each patient.
     */
    private double gain(FindingPath path, Side leg, List<ScoredCondition> leading, Rows[] rows, double[] prior,
                        Presentation presentation, Prediction[] predictions) {
        int m = outcomesByPath.get(path).size();
        int n = leading.size();
        boolean anyRule = false;
        double nats = 0;
        for (int a = 0; a < n; a++) {
            predictions[a] = prediction(leading.get(a), rows[a], path, leg, presentation);
            anyRule |= predictions[a].applies();
            nats += prior[a] * predictions[a].negativeEntropy();
        }
        if (!anyRule) {
            return Double.NaN;
        }
        for (int v = 0; v < m; v++) {
            double pv = 0;
            for (int a = 0; a < n; a++) {
                pv += prior[a] * predictions[a].likelihood()[v];
            }
            if (pv > 0) {
                nats -= pv * Math.log(pv);
            }
        }
        double gain = nats / LN_2;
        return gain < MIN_GAIN ? Double.NaN : gain;
    }

    /**
     * The pair of leading conditions (indexes) whose predictions of the finding differ most: the largest
     * |ln likelihood_a − ln likelihood_b| over the values.
     */
    private static int[] widestApart(double[][] logLikelihood, int n, int m) {
        int bestA = 0;
        int bestB = 1;
        double widest = -1;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int v = 0; v < m; v++) {
                    double spread = Math.abs(logLikelihood[a][v] - logLikelihood[b][v]);
                    if (spread > widest + 1e-12) {
                        widest = spread;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
        }
        return new int[] {bestA, bestB};
    }

    /**
     * What a leading condition predicts for the finding on this leg. A sided condition only reads the leg it is placed
     * on; an outcome that asks for the same value on both legs applies only when the other leg shows it.
     */
    private Prediction prediction(ScoredCondition scored, Rows rows, FindingPath path, Side leg,
                                  Presentation presentation) {
        Condition condition = scored.condition();
        if (condition.sided() && leg != Side.UNSIDED) {
            ReportedLaterality l = scored.laterality();
            if ((l == ReportedLaterality.LEFT && leg != Side.LEFT)
                    || (l == ReportedLaterality.RIGHT && leg != Side.RIGHT)) {
                return noRule[path.ordinal()];
            }
        }
        Prediction fixed = rows.fixed()[path.ordinal()];
        if (fixed != null) {
            return fixed;
        }
        return predict(rows.byPath()[path.ordinal()], path, presentation.on(path, leg.opposite()));
    }

    /**
     * The prediction of a condition's outcomes on a finding (see {@link Prediction}): for each value the first outcome
     * it meets decides the ratio. An outcome that asks for the same value on both legs applies only when the other leg
     * ({@code otherLeg}) was examined and shows it; an outcome about a symmetric pattern never applies to one leg.
     */
    private Prediction predict(OutcomeRow[] rows, FindingPath path, Optional<Finding> otherLeg) {
        double[] baseline = baselineByPath.get(path);
        int m = baseline.length;
        double[] ratio = new double[m];
        Arrays.fill(ratio, Double.NaN);
        boolean applies = false;
        for (OutcomeRow row : rows) {
            if (row.on() == SidePattern.SYMMETRIC) {
                continue;
            }
            if (row.on() == SidePattern.BOTH
                    && (otherLeg.isEmpty() || !FindingMatcher.passes(row.test(), otherLeg.get().value()))) {
                continue;
            }
            applies = true;
            for (int v = 0; v < m; v++) {
                if (Double.isNaN(ratio[v]) && row.passes()[v]) {
                    ratio[v] = row.likelihoodRatio();
                }
            }
        }
        double[] likelihood = new double[m];
        double z = 0;
        for (int v = 0; v < m; v++) {
            if (Double.isNaN(ratio[v])) {
                ratio[v] = 1.0;
            }
            likelihood[v] = ratio[v] * baseline[v];
            z += likelihood[v];
        }
        double negativeEntropy = 0;
        double[] logLikelihood = new double[m];
        for (int v = 0; v < m; v++) {
            likelihood[v] /= z;
            logLikelihood[v] = Math.log(likelihood[v]);
            if (likelihood[v] > 0) {
                negativeEntropy += likelihood[v] * logLikelihood[v];
            }
        }
        return new Prediction(ratio, likelihood, logLikelihood, negativeEntropy, applies);
    }

    /** The suggestion in words, naming the pair of leading conditions whose predictions differ most. */
    private NextFinding advice(Candidate c, List<ScoredCondition> leading, Rows[] rows, Presentation presentation) {
        List<FindingValue> outcomes = outcomesByPath.get(c.path());
        double[][] ratio = new double[leading.size()][];
        double[][] likelihood = new double[leading.size()][];
        double[][] logLikelihood = new double[leading.size()][];
        for (int a = 0; a < leading.size(); a++) {
            Prediction p = prediction(leading.get(a), rows[a], c.path(), c.leg(), presentation);
            ratio[a] = p.ratio();
            likelihood[a] = p.likelihood();
            logLikelihood[a] = p.logLikelihood();
        }
        int[] pair = widestApart(logLikelihood, leading.size(), outcomes.size());
        ScoredCondition a = leading.get(pair[0]);
        ScoredCondition b = leading.get(pair[1]);
        return new NextFinding(c.path(), c.side(), List.of(a.id(), b.id()), c.gain(),
                rationale(c.path(), outcomes, a, ratio[pair[0]], likelihood[pair[0]], b, ratio[pair[1]],
                        likelihood[pair[1]]));
    }

    private List<FindingValue> outcomes(FindingPath path) {
        ValueDomain domain = path.domain();
        List<FindingValue> values = new ArrayList<>();
        if (domain instanceof ValueDomain.Codes codes) {
            codes.codes().forEach(c -> values.add(new FindingValue.Code(c)));
        } else if (domain instanceof ValueDomain.IntegerRange range) {
            for (int i = range.min(); i <= range.max(); i++) {
                values.add(new FindingValue.Count(i));
            }
        } else if (domain instanceof ValueDomain.NumberRange range) {
            TreeSet<Double> cuts = new TreeSet<>(numberCuts.getOrDefault(path, List.of()));
            cuts.removeIf(c -> c <= range.min() || c >= range.max() || c.isInfinite());
            double low = range.min();
            for (double cut : cuts) {
                values.add(new FindingValue.Measure((low + cut) / 2));
                values.add(new FindingValue.Measure(cut));
                low = cut;
            }
            values.add(new FindingValue.Measure((low + range.max()) / 2));
        } else {
            values.add(new FindingValue.Flag(true));
            values.add(new FindingValue.Flag(false));
        }
        return values;
    }

    /** The baseline distribution of outcomes: the normal value takes {@link #BASELINE_NORMAL}, the rest share the remainder. */
    private static double[] baseline(FindingPath path, List<FindingValue> outcomes) {
        int normal = -1;
        ValueDomain domain = path.domain();
        for (int v = 0; v < outcomes.size(); v++) {
            FindingValue value = outcomes.get(v);
            boolean isNormal = false;
            if (domain instanceof ValueDomain.Codes codes) {
                isNormal = codes.normal().map(c -> c.equals(((FindingValue.Code) value).code())).orElse(false);
            } else if (domain instanceof ValueDomain.IntegerRange range) {
                isNormal = range.normal().map(c -> c == ((FindingValue.Count) value).value()).orElse(false);
            } else if (domain instanceof ValueDomain.Flag) {
                isNormal = !((FindingValue.Flag) value).value();
            } else if (domain instanceof ValueDomain.NumberRange range && range.normal().isPresent()) {
                double distance = Math.abs(((FindingValue.Measure) value).value() - range.normal().get());
                if (normal < 0 || distance < Math.abs(((FindingValue.Measure) outcomes.get(normal)).value()
                        - range.normal().get())) {
                    normal = v;
                }
            }
            if (isNormal) {
                normal = v;
            }
        }
        double[] baseline = new double[outcomes.size()];
        if (normal < 0 || outcomes.size() == 1) {
            Arrays.fill(baseline, 1.0 / outcomes.size());
        } else {
            Arrays.fill(baseline, (1 - BASELINE_NORMAL) / (outcomes.size() - 1));
            baseline[normal] = BASELINE_NORMAL;
        }
        return baseline;
    }

    private static String rationale(FindingPath path, List<FindingValue> outcomes, ScoredCondition a, double[] ratioA,
                                    double[] likelihoodA, ScoredCondition b, double[] ratioB, double[] likelihoodB) {
        int favoursA = 0;
        int favoursB = 0;
        for (int v = 0; v < outcomes.size(); v++) {
            if (likelihoodA[v] / likelihoodB[v] > likelihoodA[favoursA] / likelihoodB[favoursA]) {
                favoursA = v;
            }
            if (likelihoodB[v] / likelihoodA[v] > likelihoodB[favoursB] / likelihoodA[favoursB]) {
                favoursB = v;
            }
        }
        return path.label() + ": " + describe(path, outcomes, ratioA, ratioB, favoursA) + " favours "
                + a.condition().name() + "; " + describe(path, outcomes, ratioA, ratioB, favoursB) + " favours "
                + b.condition().name();
    }

    /** The outcome values that share the chosen value's ratios, in words ("absent or diminished", "MRC 0–4"). */
    private static String describe(FindingPath path, List<FindingValue> outcomes, double[] ratioA, double[] ratioB, int chosen) {
        List<FindingValue> same = new ArrayList<>();
        for (int v = 0; v < outcomes.size(); v++) {
            if (ratioA[v] == ratioA[chosen] && ratioB[v] == ratioB[chosen]) {
                same.add(outcomes.get(v));
            }
        }
        FindingValue first = same.get(0);
        if (first instanceof FindingValue.Count) {
            int low = ((FindingValue.Count) first).value();
            int high = ((FindingValue.Count) same.get(same.size() - 1)).value();
            String unit = path.path().startsWith("exam.strength.") ? "MRC " : "";
            return low == high ? unit + low : unit + low + "–" + high;
        }
        if (first instanceof FindingValue.Measure) {
            double low = ((FindingValue.Measure) first).value();
            double high = ((FindingValue.Measure) same.get(same.size() - 1)).value();
            return same.size() == 1 ? "about " + round(low) : round(low) + "–" + round(high);
        }
        if (first instanceof FindingValue.Flag flag) {
            return flag.value() ? "present" : "absent";
        }
        List<String> codes = same.stream().map(v -> ((FindingValue.Code) v).code()).toList();
        return codes.size() == 1 ? codes.get(0)
                : String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value * 100) / 100.0);
    }

    private static final double LN_2 = Math.log(2);
}

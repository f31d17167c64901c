package org.footpain.engine;

import org.footpain.engine.matching.FindingText;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ReportedLaterality;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.Side;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The warnings that qualify an answer: too few findings, a child, findings that pull against each other. */
final class Warnings {

    /** Findings that set the frame rather than describe the complaint; they do not count towards confidence. */
    private static final Set<FindingPath> FRAME = EnumSet.of(FindingPath.AGE, FindingPath.SEX,
            FindingPath.DURATION_WEEKS, FindingPath.RED_FLAGS_SCREENED);

    /** Evidence at least this strong both ways on the leading condition is worth pointing out. */
    private static final double STRONG = 4.0;

    private final KnowledgeBase kb;

    Warnings(KnowledgeBase kb) {
        this.kb = kb;
    }

    List<Warning> of(Presentation presentation, List<ScoredCondition> ranked) {
        List<Warning> warnings = new ArrayList<>();
        int clinical = 0;
        for (Finding f : presentation.findings()) {
            clinical += FRAME.contains(f.path()) ? 0 : 1;
        }
        int needed = (int) kb.model().fewFindings().value();
        if (clinical < needed) {
            warnings.add(new Warning(Warning.FEW_FINDINGS, "Only " + clinical + " clinical finding"
                    + (clinical == 1 ? " was" : "s were") + " supplied (fewer than " + needed
                    + "); the probabilities rest mostly on the setting's priors and confidence is low."));
        }
        if (presentation.ageYears() < 18) {
            warnings.add(new Warning(Warning.AGE_UNDER_18, "The patient is under 18: the evidence behind the"
                    + " knowledge base comes from adults, so the estimates may not hold."));
        }
        oppositeLeg(presentation).ifPresent(warnings::add);
        if (!ranked.isEmpty()) {
            pullingBothWays(ranked.get(0)).ifPresent(warnings::add);
        }
        return warnings;
    }

    /** Symptoms on one leg while every abnormal examination finding with a side is on the other. */
    private static Optional<Warning> oppositeLeg(Presentation presentation) {
        Optional<Side> symptoms = presentation.on(FindingPath.SYMPTOM_SIDE, Side.UNSIDED)
                .map(f -> ((FindingValue.Code) f.value()).code())
                .filter(code -> !code.equals("bilateral"))
                .map(Side::fromCode);
        if (symptoms.isEmpty()) {
            return Optional.empty();
        }
        boolean anyAbnormal = false;
        for (Finding f : presentation.findings()) {
            if (f.path().examination() && f.side() != Side.UNSIDED && abnormal(f)) {
                if (f.side().covers(symptoms.get())) {
                    return Optional.empty();
                }
                anyAbnormal = true;
            }
        }
        if (!anyAbnormal) {
            return Optional.empty();
        }
        return Optional.of(new Warning(Warning.CONTRADICTORY_FINDINGS, "Symptoms are reported "
                + FindingText.onSide(symptoms.get()) + " but every abnormal sided finding is "
                + FindingText.onSide(symptoms.get().opposite()) + "; check the sides recorded."));
    }

    /**
     * The leading condition is both strongly supported and strongly opposed by supplied findings on the legs it
     * is reported on (a normal finding on the other leg is expected, not contradictory).
     */
    private static Optional<Warning> pullingBothWays(ScoredCondition top) {
        List<Evidence> strongFor = new ArrayList<>();
        List<Evidence> strongAgainst = new ArrayList<>();
        for (Evidence e : top.evidence()) {
            if (e.likelihoodRatio() >= STRONG && onReportedLegs(e, top.laterality())) {
                strongFor.add(e);
            } else if (e.likelihoodRatio() <= 1 / STRONG && onReportedLegs(e, top.laterality())) {
                strongAgainst.add(e);
            }
        }
        if (strongFor.isEmpty() || strongAgainst.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> supports = strongest(strongFor, Comparator.comparingDouble(e -> -e.likelihoodRatio()));
        Optional<String> opposes = strongest(strongAgainst, Comparator.comparingDouble(Evidence::likelihoodRatio));
        return Optional.of(new Warning(Warning.CONTRADICTORY_FINDINGS, "Findings pull both ways on "
                + top.condition().name() + ": " + supports.get() + " supports it strongly while " + opposes.get()
                + " argues strongly against it."));
    }

    /**
     * Names the strongest of the evidence. Among equally strong items the choice goes by what was found, never by
     * the leg, and the same finding on both legs is named as such: the warning about a patient and about the
     * mirror image of that patient then name mirrored findings.
     */
    private static Optional<String> strongest(List<Evidence> evidence, Comparator<Evidence> strength) {
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        Evidence best = evidence.stream().min(strength.thenComparing(Warnings::sideless)).orElseThrow();
        Set<Side> legs = EnumSet.noneOf(Side.class);
        evidence.stream().filter(e -> strength.compare(e, best) == 0 && sideless(e).equals(sideless(best)))
                .flatMap(e -> e.findings().stream()).map(Finding::side).forEach(legs::add);
        Finding first = best.findings().stream().min(Comparator.comparing(Warnings::sideless)).orElseThrow();
        boolean bothLegs = legs.contains(Side.LEFT) && legs.contains(Side.RIGHT) || legs.contains(Side.BILATERAL);
        return Optional.of(bothLegs && first.side() != Side.UNSIDED
                ? FindingText.describe(first).replace(FindingText.onSide(first.side()), FindingText.onSide(Side.BILATERAL))
                : FindingText.describe(first));
    }

    private static String sideless(Finding finding) {
        return finding.path().path() + "=" + finding.value();
    }

    private static String sideless(Evidence evidence) {
        return evidence.findings().stream().map(Warnings::sideless).sorted().distinct()
                .reduce("", (a, b) -> a + ";" + b);
    }

    private static boolean onReportedLegs(Evidence evidence, ReportedLaterality laterality) {
        Side other = switch (laterality) {
            case LEFT -> Side.RIGHT;
            case RIGHT -> Side.LEFT;
            default -> Side.UNSIDED;
        };
        if (other == Side.UNSIDED) {
            return true;
        }
        for (Finding f : evidence.findings()) {
            if (f.side() != other) {
                return true;
            }
        }
        return false; // every finding is on the other leg (or there is none)
    }

    /** Whether an examination finding departs from its normal value. */
    private static boolean abnormal(Finding finding) {
        var domain = finding.path().domain();
        FindingValue value = finding.value();
        if (domain instanceof org.footpain.knowledge.ValueDomain.Codes codes && codes.normal().isPresent()) {
            return value instanceof FindingValue.Code c && !c.code().equals(codes.normal().get());
        }
        if (domain instanceof org.footpain.knowledge.ValueDomain.IntegerRange range && range.normal().isPresent()) {
            return value instanceof FindingValue.Count c && c.value() != range.normal().get();
        }
        // lists name what was found, so every item is abnormal
        return finding.path().shape() == FindingPath.Shape.SIDED_LIST;
    }
}

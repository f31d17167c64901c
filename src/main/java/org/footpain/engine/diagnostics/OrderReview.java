package org.footpain.engine.diagnostics;

import org.footpain.engine.Assessment;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.engine.triage.TriageReason;
import org.footpain.knowledge.Timing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a test a clinician is about to order against the assessment's own plan. The plan already carries
 * the guideline rules, so the review adds no rule of its own: a safety reason always stands behind the order;
 * otherwise the order is due when the plan suggests one of the equivalent tests now, premature when the plan
 * holds it back until symptoms have lasted long enough, and unsupported when the plan has no place for it.
 */
public final class OrderReview {

    /** What the findings say about the order. */
    public sealed interface Verdict {
    }

    /** A safety rule fired: the order is never second-guessed. {@code planned} is the plan's own suggestion, if any. */
    public record SafetyReason(List<TriageReason> reasons, Optional<SuggestedDiagnostic> planned) implements Verdict {
        public SafetyReason {
            reasons = List.copyOf(reasons);
        }
    }

    /** The plan suggests an equivalent test now (emergent, urgent or routine). */
    public record Due(SuggestedDiagnostic planned) implements Verdict {
    }

    /** The plan holds every equivalent test back: guidelines advise against it until symptoms have lasted longer. */
    public record Premature(SuggestedDiagnostic deferred, Timing.IfNoImprovement waitFor) implements Verdict {
    }

    /** No safety rule fired and the plan has no equivalent test: the leading conditions do not call for it. */
    public record Unsupported(List<ScoredCondition> leading) implements Verdict {
        public Unsupported {
            leading = List.copyOf(leading);
        }
    }

    private static final int LEADING = 3;

    private OrderReview() {
    }

    /**
     * @param equivalentTests ids of the knowledge base's tests that the order stands for (an MRI of the lumbar
     *                        spine with or without contrast, say)
     */
    public static Verdict review(Assessment assessment, Set<String> equivalentTests) {
        List<SuggestedDiagnostic> planned = assessment.diagnostics().stream()
                .filter(d -> equivalentTests.contains(d.test().id()))
                .sorted(Comparator.comparingInt((SuggestedDiagnostic d) -> -d.timing().urgency()))
                .toList();
        Optional<SuggestedDiagnostic> soonest = planned.stream().findFirst();
        if (!assessment.triage().reasons().isEmpty()) {
            return new SafetyReason(assessment.triage().reasons(), soonest);
        }
        if (soonest.isEmpty()) {
            return new Unsupported(assessment.differential().stream().limit(LEADING).toList());
        }
        SuggestedDiagnostic first = soonest.get();
        return first.timing() instanceof Timing.IfNoImprovement wait ? new Premature(first, wait) : new Due(first);
    }
}

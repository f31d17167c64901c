package org.footpain.cdshooks;

import org.footpain.engine.Assessment;
import org.footpain.engine.Warning;
import org.footpain.engine.diagnostics.SuggestedDiagnostic;
import org.footpain.engine.matching.FindingText;
import org.footpain.engine.nextfinding.NextFinding;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.engine.triage.TriageReason;
import org.footpain.fhir.ObservationReader.FhirInput;
import org.footpain.knowledge.Citation;
import org.footpain.knowledge.DiagnosticRule;
import org.footpain.knowledge.Side;
import org.footpain.knowledge.Timing;
import org.footpain.knowledge.TriageLevel;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The patient-view cards: a critical card per emergency reason and a warning card per urgent one, each proposing
 * the tests that reason calls for, then an info card with the leading causes, their evidence, the remaining tests
 * and what to examine next. Only translates the assessment; every judgement in it is the engine's.
 */
final class AssessmentCards {

    /** Conditions whose evidence the info card spells out. */
    private static final int DETAILED = 5;
    /** Conditions the info card's summary names, room permitting. */
    private static final int SUMMARISED = 3;

    private final CardWriter writer;
    private final Map<String, DiagnosticRule> rules;

    AssessmentCards(CardWriter writer) {
        this.writer = writer;
        this.rules = writer.kb().diagnosticRules().stream()
                .collect(Collectors.toMap(DiagnosticRule::id, Function.identity()));
    }

    List<Card> cards(Assessment assessment, FhirInput input, HookRequest request, Date now) {
        List<Card> cards = new ArrayList<>();
        Set<String> proposed = new HashSet<>();
        for (TriageReason reason : assessment.triage().reasons()) {
            List<SuggestedDiagnostic> tests = assessment.diagnostics().stream()
                    .filter(d -> !(d.timing() instanceof Timing.IfNoImprovement))
                    .filter(d -> calledForBy(d, reason)).toList();
            tests.forEach(t -> proposed.add(t.test().id()));
            cards.add(reasonCard(reason, tests, assessment, input, request, now));
        }
        List<SuggestedDiagnostic> remaining = assessment.diagnostics().stream()
                .filter(d -> !(d.timing() instanceof Timing.IfNoImprovement))
                .filter(d -> !proposed.contains(d.test().id())).toList();
        cards.add(differentialCard(assessment, remaining, input, request, now));
        return cards;
    }

    private boolean calledForBy(SuggestedDiagnostic diagnostic, TriageReason reason) {
        DiagnosticRule rule = rules.get(diagnostic.ruleId());
        return rule != null && rule.trigger() instanceof DiagnosticRule.Trigger.TriageRules triggers
                && triggers.ruleIds().contains(reason.ruleId());
    }

    private Card reasonCard(TriageReason reason, List<SuggestedDiagnostic> tests, Assessment assessment,
                            FhirInput input, HookRequest request, Date now) {
        Card.Indicator indicator = reason.level() == TriageLevel.EMERGENCY ? Card.Indicator.CRITICAL
                : reason.level() == TriageLevel.URGENT ? Card.Indicator.WARNING : Card.Indicator.INFO;
        String level = reason.level() == TriageLevel.EMERGENCY ? "Emergency" : reason.level() == TriageLevel.URGENT
                ? "Urgent" : "Note";
        String summary = level + ": " + reason.title()
                + (tests.isEmpty() ? "" : "; " + tests.stream().map(t -> t.test().name() + " "
                + CardWriter.when(t.timing())).collect(Collectors.joining(", ")));
        StringBuilder detail = new StringBuilder();
        detail.append("**").append(reason.text()).append("**: triage ").append(reason.level().code()).append(".\n\n");
        if (!reason.findings().isEmpty()) {
            detail.append("Raised by: ").append(reason.findings().stream().map(FindingText::describe).distinct()
                    .collect(Collectors.joining("; "))).append(".\n\n");
        }
        detail.append("Sources: ").append(writer.kb().describeSources(reason.sources())).append(".\n");
        for (SuggestedDiagnostic test : tests) {
            detail.append("\n- **").append(test.test().name()).append("**, ").append(CardWriter.when(test.timing()))
                    .append(": ").append(test.rationale()).append(" (").append(writer.kb().describeSources(test.sources()))
                    .append(")");
        }
        List<Card.Suggestion> suggestions = tests.stream()
                .map(t -> writer.order(t, served(t, assessment), request, input.onset(), now)).toList();
        List<Citation> citations = new ArrayList<>(reason.sources());
        tests.forEach(t -> citations.addAll(t.sources()));
        return new Card(UUID.randomUUID().toString(), Card.summary(summary), detail.toString().trim(), indicator,
                writer.source(), suggestions, suggestions.isEmpty() ? null : "any", List.of(),
                writer.links(citations));
    }

    private Card differentialCard(Assessment assessment, List<SuggestedDiagnostic> proposals, FhirInput input,
                                  HookRequest request, Date now) {
        List<ScoredCondition> leading = assessment.differential().stream().limit(DETAILED).toList();
        StringBuilder detail = new StringBuilder();
        detail.append("Triage: **").append(assessment.triage().level().code()).append("**")
                .append(assessment.triage().reasons().isEmpty() ? " (no safety rule fired)." : " (see the cards above).")
                .append("\n\n### Differential\n");
        List<Citation> citations = new ArrayList<>();
        for (ScoredCondition condition : leading) {
            detail.append("\n**").append(CardWriter.name(condition)).append("**: ")
                    .append(CardWriter.percent(condition.probability())).append("\n");
            if (condition.evidence().isEmpty()) {
                detail.append("- no recorded finding bears on it: its prior in this setting\n");
            }
            for (Evidence evidence : condition.evidence()) {
                detail.append("- ").append(writer.fhirWriter().describe(evidence)).append("\n");
                citations.add(evidence.citation());
            }
        }
        if (!assessment.diagnostics().isEmpty()) {
            detail.append("\n### Tests\n");
            for (SuggestedDiagnostic test : assessment.diagnostics()) {
                detail.append("- **").append(test.test().name()).append("**, ").append(CardWriter.when(test.timing()))
                        .append(": ").append(test.rationale()).append(" (")
                        .append(writer.kb().describeSources(test.sources())).append(")\n");
            }
        }
        if (!assessment.nextBestFindings().isEmpty()) {
            detail.append("\n### Worth examining next\n");
            for (NextFinding next : assessment.nextBestFindings()) {
                detail.append("- ").append(next.path().label())
                        .append(next.side() == Side.UNSIDED ? "" : " " + FindingText.onSide(next.side()))
                        .append(": separates ").append(next.separates().stream().map(this::conditionName)
                                .collect(Collectors.joining(" and "))).append("\n");
            }
        }
        if (!assessment.warnings().isEmpty()) {
            detail.append("\n### Warnings\n");
            assessment.warnings().stream().map(Warning::message).forEach(m -> detail.append("- ").append(m).append("\n"));
        }
        detail.append("\nDecision support for the clinician, not a diagnosis.");
        List<Card.Suggestion> suggestions = proposals.stream()
                .map(t -> writer.order(t, served(t, assessment), request, input.onset(), now)).toList();
        proposals.forEach(t -> citations.addAll(t.sources()));
        return new Card(UUID.randomUUID().toString(), leadingSummary(assessment.differential()), detail.toString(),
                Card.Indicator.INFO, writer.source(), suggestions, suggestions.isEmpty() ? null : "any", List.of(),
                writer.links(citations));
    }

    /** "Leading causes: A (left) 91%, B 5%, C 2%", as many as fit under 140 characters. */
    static String leadingSummary(List<ScoredCondition> differential) {
        String summary = "Leading causes: " + CardWriter.name(differential.get(0)) + " "
                + CardWriter.percent(differential.get(0).probability());
        for (int i = 1; i < Math.min(SUMMARISED, differential.size()); i++) {
            String more = summary + ", " + CardWriter.name(differential.get(i)) + " "
                    + CardWriter.percent(differential.get(i).probability());
            if (more.length() >= 140) {
                break;
            }
            summary = more;
        }
        return Card.summary(summary);
    }

    private List<ScoredCondition> served(SuggestedDiagnostic test, Assessment assessment) {
        return assessment.differential().stream().filter(c -> test.forConditions().contains(c.id())).toList();
    }

    private String conditionName(String id) {
        return writer.kb().condition(id).map(c -> c.name()).orElse(id);
    }
}

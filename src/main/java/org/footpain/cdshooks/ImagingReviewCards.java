package org.footpain.cdshooks;

import org.footpain.engine.diagnostics.OrderReview;
import org.footpain.engine.triage.TriageReason;
import org.footpain.fhir.FhirMapping;
import org.footpain.knowledge.Citation;
import org.footpain.knowledge.TriageLevel;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Cards for a lumbar spine MRI or CT about to be ordered, from the engine's {@link OrderReview} verdict: a
 * warning with the guideline, override reasons and a suggestion to remove the order when it is premature; an
 * info card otherwise. A safety reason never draws a warning.
 */
final class ImagingReviewCards {

    private final CardWriter writer;
    private final List<Card.Coding> overrideReasons;

    ImagingReviewCards(CardWriter writer, List<FhirMapping.Coding> overrideReasons) {
        this.writer = writer;
        this.overrideReasons = overrideReasons.stream()
                .map(c -> new Card.Coding(c.system(), c.code(), c.display())).toList();
    }

    /**
     * @param orders   the lumbar imaging orders under review
     * @param duration how long the symptoms have lasted, when recorded
     */
    Card card(OrderReview.Verdict verdict, List<ServiceRequest> orders, OptionalDouble duration) {
        String ordered = orders.stream().map(ImagingReviewCards::name).distinct().collect(Collectors.joining(", "));
        if (verdict instanceof OrderReview.Premature premature) {
            return premature(premature, orders, ordered, duration);
        }
        if (verdict instanceof OrderReview.SafetyReason safety) {
            TriageReason first = safety.reasons().get(0);
            String summary = "Imaging supported: " + first.title().toLowerCase(java.util.Locale.ROOT) + " ("
                    + (first.level() == TriageLevel.EMERGENCY ? "emergency" : first.level().code()) + ")";
            StringBuilder detail = new StringBuilder("A safety rule fired, so the order for ").append(ordered)
                    .append(" is not questioned.\n");
            List<Citation> citations = new ArrayList<>();
            for (TriageReason reason : safety.reasons()) {
                detail.append("\n- **").append(reason.text()).append("** (").append(reason.level().code())
                        .append("): ").append(writer.kb().describeSources(reason.sources()));
                citations.addAll(reason.sources());
            }
            safety.planned().ifPresent(p -> detail.append("\n\nThe assessment's own plan: **")
                    .append(p.test().name()).append("**, ").append(CardWriter.when(p.timing())).append(". ")
                    .append(p.rationale()));
            return info(summary, detail.toString(), citations);
        }
        if (verdict instanceof OrderReview.Due due) {
            String summary = "Imaging indicated: " + due.planned().test().name() + ", "
                    + CardWriter.when(due.planned().timing());
            return info(summary, due.planned().rationale() + "\n\nSources: "
                    + writer.kb().describeSources(due.planned().sources()) + ".", due.planned().sources());
        }
        OrderReview.Unsupported unsupported = (OrderReview.Unsupported) verdict;
        String leading = unsupported.leading().stream().map(c -> CardWriter.name(c) + " "
                + CardWriter.percent(c.probability())).collect(Collectors.joining(", "));
        String summary = "No imaging indication in the recorded findings; leading: " + leading;
        String detail = "No safety rule fired and no guideline rule in the knowledge base calls for " + ordered
                + " with these findings. Leading causes: " + leading + ".";
        return info(summary, detail, unsupported.leading().stream().flatMap(c -> c.evidence().stream())
                .map(e -> e.citation()).toList());
    }

    private Card premature(OrderReview.Premature premature, List<ServiceRequest> orders, String ordered,
                           OptionalDouble duration) {
        int weeks = premature.waitFor().afterWeeks();
        String lasted = duration.isPresent()
                ? "symptoms for " + weeks(duration.getAsDouble())
                : "no symptom duration recorded (counted as recent)";
        String likely = premature.deferred().forConditions().stream().findFirst()
                .flatMap(id -> writer.kb().condition(id)).map(c -> "likely " + c.name() + ", ").orElse("");
        String summary = "Imaging not yet indicated: " + likely + "no red flag, "
                + (duration.isPresent() ? lasted : "duration not recorded") + "; guideline waits " + weeks + " weeks";
        String detail = "**" + ordered + "** is premature for these findings. " + premature.deferred().rationale()
                + "\n\n- No safety rule fired (no red flag among the recorded findings)."
                + "\n- " + capitalise(lasted) + "; the guideline waits " + weeks + " weeks."
                + "\n- Order it if the symptoms have not improved after " + weeks
                + " weeks, or at once if a red flag appears."
                + "\n\nGuideline: " + writer.kb().describeSources(premature.deferred().sources()) + ".";
        List<Card.Action> removals = orders.stream().filter(ServiceRequest::hasIdElement)
                .filter(o -> o.getIdElement().hasIdPart())
                .map(o -> new Card.Action("delete", "Remove the draft order for " + name(o) + ".", null,
                        "ServiceRequest/" + o.getIdElement().getIdPart()))
                .toList();
        List<Card.Suggestion> suggestions = removals.isEmpty() ? List.of()
                : List.of(new Card.Suggestion("Remove the " + ordered + " order", UUID.randomUUID().toString(),
                true, removals));
        return new Card(UUID.randomUUID().toString(), Card.summary(summary), detail, Card.Indicator.WARNING,
                writer.source(), suggestions, suggestions.isEmpty() ? null : "at-most-one", overrideReasons,
                writer.links(premature.deferred().sources()));
    }

    private Card info(String summary, String detail, List<Citation> citations) {
        return new Card(UUID.randomUUID().toString(), Card.summary(summary), detail, Card.Indicator.INFO,
                writer.source(), List.of(), null, List.of(), writer.links(citations));
    }

    private static String name(ServiceRequest order) {
        if (order.getCode().hasText()) {
            return order.getCode().getText();
        }
        return order.getCode().getCoding().stream().filter(c -> c.hasDisplay()).map(c -> c.getDisplay()).findFirst()
                .orElse("lumbar spine imaging");
    }

    private static String weeks(double weeks) {
        String number = weeks == Math.rint(weeks) ? Long.toString((long) weeks) : Double.toString(weeks);
        return number + (weeks == 1 ? " week" : " weeks");
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

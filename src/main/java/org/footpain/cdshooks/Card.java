package org.footpain.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A CDS Hooks 2.0 card. Optional attributes are left out rather than sent empty, as the specification requires.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "A CDS Hooks 2.0 card.")
public record Card(
        @Schema(description = "Identifies the card in feedback.") String uuid,
        @Schema(description = "One sentence, under 140 characters.") String summary,
        @Schema(description = "The detail, in GitHub Flavored Markdown: evidence with likelihood ratios and sources.")
        String detail,
        @Schema(description = "info, warning or critical.") Indicator indicator,
        @Schema(description = "Where the guidance comes from.") Source source,
        @Schema(description = "Actions the clinician may accept.") List<Suggestion> suggestions,
        @Schema(description = "any or at-most-one; present with suggestions.") String selectionBehavior,
        @Schema(description = "Reasons the clinician may give for overriding a warning.") List<Coding> overrideReasons,
        @Schema(description = "Links to the evidence.") List<Link> links) {

    public Card {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        overrideReasons = overrideReasons == null ? List.of() : List.copyOf(overrideReasons);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** Urgency of a card, in increasing order. */
    @Schema(description = "Urgency of the card: info, warning or critical.")
    public enum Indicator {
        INFO("info"), WARNING("warning"), CRITICAL("critical");

        private final String code;

        Indicator(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(description = "The source of a card's guidance.")
    public record Source(@Schema(description = "The service and knowledge base version.") String label,
                         @Schema(description = "Where the knowledge base, with every number and its source, is served.")
                         String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(description = "A suggestion: a set of actions accepted together.")
    public record Suggestion(@Schema(description = "What accepting it does.") String label,
                             @Schema(description = "Identifies the suggestion in feedback.") String uuid,
                             @Schema(description = "Whether the service recommends it.") Boolean isRecommended,
                             @Schema(description = "The actions, accepted together.") List<Action> actions) {
        public Suggestion {
            actions = List.copyOf(actions);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(description = "create a FHIR resource, or delete one by its relative reference.")
    public record Action(@Schema(description = "create or delete.") String type,
                         @Schema(description = "What the action does.") String description,
                         @Schema(description = "The FHIR R4 resource to create.") JsonNode resource,
                         @Schema(description = "For delete: the relative reference of the draft order.")
                         String resourceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(description = "A code, with the display a clinician reads.")
    public record Coding(@Schema(description = "The code system.") String system,
                         @Schema(description = "The code.") String code,
                         @Schema(description = "What the clinician reads.") String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(description = "A link; type absolute.")
    public record Link(@Schema(description = "The link's text.") String label,
                       @Schema(description = "Where it leads.") String url,
                       @Schema(description = "absolute.") String type) {
        static Link absolute(String label, String url) {
            return new Link(label, url, "absolute");
        }
    }

    /** Summaries stay under the 140 characters the specification allows; a longer one is cut at a word. */
    static String summary(String text) {
        if (text.length() < 140) {
            return text;
        }
        String cut = text.substring(0, 137);
        int space = cut.lastIndexOf(' ');
        return (space > 100 ? cut.substring(0, space) : cut).replaceAll("[,;:]$", "") + "…";
    }
}

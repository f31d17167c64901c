package org.footpain.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.footpain.engine.Assessment;
import org.footpain.engine.Finding;
import org.footpain.engine.Presentation;
import org.footpain.engine.Warning;
import org.footpain.engine.diagnostics.SuggestedDiagnostic;
import org.footpain.engine.nextfinding.NextFinding;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ReportedLaterality;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.engine.triage.TriageReason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The patient seen in a mirror: swapping left and right everywhere in the request swaps every laterality the
 * answer reports and changes nothing else — no leg is privileged by the knowledge base or the engine.
 */
class MirrorSymmetryProperties {

    @Provide
    Arbitrary<ObjectNode> requests() {
        return Requests.valid();
    }

    /** The JSON mirror used here and in the HTTP tests is the engine's own notion of the mirrored patient. */
    @Property
    void the_mirrored_request_is_the_mirrored_patient(@ForAll("requests") ObjectNode request) {
        Presentation presentation = Engine.presentation(request);
        Presentation mirrored = Engine.presentation(Requests.mirrored(request));
        assertEquals(sorted(presentation.mirrored().findings()), sorted(mirrored.findings()));
        assertEquals(presentation.setting(), mirrored.setting());
    }

    /**
     * Once found by the property below: symptoms on the left and fibular signs on the right weigh exactly the same
     * for either leg, and the tie showed the side of symptoms as weighed for the left leg whatever the patient said.
     */
    @Example
    void a_tie_between_the_legs_reads_alike_for_a_patient_and_their_mirror_image() throws Exception {
        swapping_left_and_right_swaps_every_laterality_and_changes_nothing_else((ObjectNode) Requests.JSON.readTree(
                "{\"patient\":{\"ageYears\":40},\"history\":{\"symptomSide\":\"left\"},\"exam\":{\"strength\":"
                        + "{\"ankleEversion\":{\"right\":0}},\"sensory\":{\"nerveTerritoryLoss\":[{\"nerve\":"
                        + "\"common-fibular\",\"side\":\"right\"}]},\"foot\":{\"tinelFibularHead\":{\"right\":\"positive\"}}}}"));
    }

    @Property
    void swapping_left_and_right_swaps_every_laterality_and_changes_nothing_else(
            @ForAll("requests") ObjectNode request) {
        Assessment original = Engine.assess(request);
        Assessment mirrored = Engine.assess(Requests.mirrored(request));

        List<ScoredCondition> a = original.differential();
        List<ScoredCondition> b = mirrored.differential();
        assertEquals(a.stream().map(ScoredCondition::id).toList(), b.stream().map(ScoredCondition::id).toList(),
                "the ranking");
        for (int i = 0; i < a.size(); i++) {
            ScoredCondition x = a.get(i);
            ScoredCondition y = b.get(i);
            assertEquals(x.probability(), y.probability(), x.id() + " probability");
            assertEquals(mirror(x.laterality()), y.laterality(), x.id() + " laterality");
            // the same items; items of equal strength may be listed in either order
            assertEquals(evidence(x.evidence(), true), evidence(y.evidence(), false), x.id() + " evidence");
            assertEquals(x.evidence().stream().map(e -> Math.abs(e.logOddsShift())).toList(),
                    y.evidence().stream().map(e -> Math.abs(e.logOddsShift())).toList(), x.id() + " evidence order");
        }

        assertEquals(original.triage().level(), mirrored.triage().level(), "triage level");
        assertEquals(reasons(original.triage().reasons(), true), reasons(mirrored.triage().reasons(), false),
                "triage reasons");
        assertEquals(diagnostics(original.diagnostics(), true), diagnostics(mirrored.diagnostics(), false),
                "suggested diagnostics");
        assertEquals(next(original.nextBestFindings(), true), next(mirrored.nextBestFindings(), false),
                "next findings");
        // the messages are compared in their own property below
        assertEquals(original.warnings().stream().map(Warning::code).toList(),
                mirrored.warnings().stream().map(Warning::code).toList(), "warnings");
    }

    /**
     * The warnings' words too: the mirrored patient's warnings name the mirrored findings. (It once found that of
     * equally strong findings the warning named whichever the left leg listed first.)
     */
    @Property
    void swapping_left_and_right_swaps_the_sides_named_in_the_warnings(@ForAll("requests") ObjectNode request) {
        Assessment original = Engine.assess(request);
        Assessment mirrored = Engine.assess(Requests.mirrored(request));
        assertEquals(original.warnings().stream().map(w -> swapWords(w.message())).toList(),
                mirrored.warnings().stream().map(Warning::message).toList(), "warnings");
    }

    static ReportedLaterality mirror(ReportedLaterality laterality) {
        return switch (laterality) {
            case LEFT -> ReportedLaterality.RIGHT;
            case RIGHT -> ReportedLaterality.LEFT;
            default -> laterality;
        };
    }

    private static List<String> evidence(List<Evidence> evidence, boolean mirror) {
        List<String> items = new ArrayList<>();
        for (Evidence e : evidence) {
            List<Finding> findings = e.findings().stream().map(f -> mirror ? f.mirrored() : f).toList();
            items.add(e.getClass().getSimpleName() + " " + sorted(findings) + " lr=" + e.likelihoodRatio()
                    + " w=" + e.weight() + " " + e.citation());
        }
        items.sort(Comparator.naturalOrder());
        return items;
    }

    private static List<String> reasons(List<TriageReason> reasons, boolean mirror) {
        return reasons.stream().map(r -> r.ruleId() + " " + r.code() + " " + r.level() + " "
                + sorted(r.findings().stream().map(f -> mirror ? f.mirrored() : f).toList()) + " "
                + listed(mirror ? swapWords(r.text()) : r.text())).toList();
    }

    private static List<String> diagnostics(List<SuggestedDiagnostic> diagnostics, boolean mirror) {
        return diagnostics.stream().map(d -> d.test().id() + " " + d.timing() + " " + d.forConditions() + " "
                + d.ruleId() + " " + (mirror ? swapWords(d.rationale()) : d.rationale())).toList();
    }

    private static List<String> next(List<NextFinding> next, boolean mirror) {
        return next.stream().map(n -> n.path() + " " + (mirror ? n.side().opposite() : n.side()) + " "
                + n.separates() + " " + String.format("%.9f", n.informationGain()) + " "
                + (mirror ? swapWords(n.rationale()) : n.rationale())).toList();
    }

    /** A reason's text: its title, then the findings it lists, in whichever order the legs come. */
    private static String listed(String text) {
        int colon = text.indexOf(": ");
        if (colon < 0) {
            return text;
        }
        return text.substring(0, colon) + ": " + List.of(text.substring(colon + 2).split(", ")).stream().sorted().toList();
    }

    static List<String> sorted(List<Finding> findings) {
        return findings.stream().map(Finding::toString).sorted().toList();
    }

    /** A readable text with the words left and right swapped. */
    static String swapWords(String text) {
        return text == null ? null : text.replaceAll("\\bleft\\b", "\u0000").replaceAll("\\bright\\b", "left")
                .replace("\u0000", "right").replaceAll("\\bLeft\\b", "\u0000").replaceAll("\\bRight\\b", "Left")
                .replace("\u0000", "Right");
    }
}

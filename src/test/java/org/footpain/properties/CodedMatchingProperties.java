package org.footpain.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.footpain.engine.Finding;
import org.footpain.engine.Presentation;
import org.footpain.engine.matching.FindingMatcher;
import org.footpain.knowledge.Condition;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.FindingRule;
import org.footpain.knowledge.Match;
import org.footpain.knowledge.Outcome;
import org.footpain.knowledge.Side;
import org.footpain.knowledge.SidePattern;
import org.footpain.knowledge.ValueDomain;
import org.footpain.knowledge.ValueTest;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scoring tests the coded outcomes of the knowledge base (listed items, coded values on one leg) by the bits of their
 * codes instead of matching them in full. For any patient, every such outcome, read for either leg or for the patient
 * as a whole, finds by its bits exactly the findings the full matcher finds.
 */
class CodedMatchingProperties {

    private static final List<Side> READINGS = List.of(Side.UNSIDED, Side.LEFT, Side.RIGHT);

    @Provide
    Arbitrary<ObjectNode> requests() {
        return Requests.valid();
    }

    @Property
    void a_coded_outcome_read_by_the_bits_of_its_codes_finds_what_the_full_matcher_finds(
            @ForAll("requests") ObjectNode request) {
        Presentation presentation = Engine.presentation(request);
        for (Condition condition : Engine.KB.conditions()) {
            for (FindingRule rule : condition.findings()) {
                for (Outcome outcome : rule.outcomes()) {
                    Match match = outcome.match();
                    if (!(match.test() instanceof ValueTest.OneOf oneOf) || match.screenedAbsent()
                            || !(match.path().domain() instanceof ValueDomain.Codes)) {
                        continue;
                    }
                    long codes = match.path().codeBits(oneOf.codes());
                    for (Side leg : READINGS) {
                        List<Finding> full = FindingMatcher.matches(match, presentation, leg).orElse(List.of());
                        String why = condition.id() + " " + match + " read for " + leg;
                        switch (match.path().shape()) {
                            case SET -> assertEquals(full, presentation.listedAmong(match.path(), codes), why);
                            case SCALAR -> assertEquals(!full.isEmpty(),
                                    presentation.suppliesAny(match.path(), Side.UNSIDED, codes), why);
                            case BILATERAL -> {
                                if (match.on() == SidePattern.SIDE) {
                                    assertEquals(!full.isEmpty(), presentation.suppliesAny(match.path(), leg, codes),
                                            why);
                                }
                            }
                            case SIDED_LIST -> {
                                // matched in full by scoring
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Today every set outcome of the knowledge base asks for one item; an outcome asking for several must still find
     * the items listed in the order they were supplied, as the full matcher does.
     */
    @Property
    void items_asked_for_together_are_found_in_the_order_they_were_listed(@ForAll("requests") ObjectNode request) {
        Presentation presentation = Engine.presentation(request);
        for (FindingPath path : FindingPath.values()) {
            if (path.shape() != FindingPath.Shape.SET) {
                continue;
            }
            List<String> codes = ((ValueDomain.Codes) path.domain()).codes();
            for (int i = 0; i < codes.size(); i++) {
                for (int j = i; j < codes.size(); j++) {
                    Set<String> asked = i == j ? Set.of(codes.get(i)) : Set.of(codes.get(i), codes.get(j));
                    Match match = new Match(path, new ValueTest.OneOf(asked), SidePattern.EITHER, false);
                    assertEquals(FindingMatcher.matches(match, presentation, Side.UNSIDED).orElse(List.of()),
                            presentation.listedAmong(path, path.codeBits(asked)), path + " " + asked);
                }
            }
        }
    }

    @Example
    void every_code_of_a_coded_finding_has_its_own_bit() {
        for (FindingPath path : FindingPath.values()) {
            if (path.domain() instanceof ValueDomain.Codes coded) {
                long all = 0;
                for (String code : coded.codes()) {
                    long bit = path.codeBits(List.of(code));
                    assertEquals(1, Long.bitCount(bit), path + " " + code);
                    assertEquals(0, all & bit, path + " " + code + " shares a bit");
                    all |= bit;
                }
            }
        }
    }
}

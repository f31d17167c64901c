package org.footpain.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.footpain.engine.triage.Triage;
import org.footpain.properties.Requests.Addition;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Safety rules outrank scores: a further red flag can only make the patient more urgent, never less. */
class RedFlagDominanceProperties {

    @Provide
    Arbitrary<ObjectNode> requests() {
        return Requests.valid();
    }

    @Provide
    Arbitrary<Addition> redFlags() {
        return Requests.redFlags();
    }

    @Property
    void adding_a_red_flag_never_lowers_triage(@ForAll("requests") ObjectNode request,
                                               @ForAll("redFlags") Addition redFlag) {
        Optional<ObjectNode> flagged = Requests.add(request, redFlag);
        Assume.that(flagged.isPresent());
        Triage before = Engine.assess(request).triage();
        Triage after = Engine.assess(flagged.get()).triage();
        assertTrue(after.level().compareTo(before.level()) >= 0,
                redFlag + " lowered triage from " + before.level() + " to " + after.level() + "; before " + before.reasons()
                        + "; after " + after.reasons());
        Statistics.label("triage").collect(before.level() + " -> " + after.level());
    }
}

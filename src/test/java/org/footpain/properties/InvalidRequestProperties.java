package org.footpain.properties;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.footpain.api.problem.Violation;
import org.footpain.properties.Requests.Mutation;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A request broken in one place is never assessed and never silently repaired: the strict reader (the one the
 * service uses) rejects it and names the broken field by its JSON path.
 */
class InvalidRequestProperties {

    @Provide
    Arbitrary<Mutation> broken() {
        return Requests.invalid();
    }

    @Property
    void a_request_broken_anywhere_is_rejected_naming_the_broken_field(@ForAll("broken") Mutation mutation) {
        List<Violation> violations = Engine.violations(Requests.body(mutation));
        assertFalse(violations.isEmpty(), "accepted: " + mutation);
        assertTrue(violations.stream().anyMatch(v -> v.field().equals(mutation.field())),
                "does not name " + mutation.field() + ": " + violations + " for " + mutation);
        assertTrue(violations.stream().allMatch(v -> !v.field().isBlank() && !v.message().isBlank()), violations::toString);
        Statistics.label("mutation").collect(mutation.what());
    }
}

package org.footpain.api;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLimitsTest {

    @Test
    void a_plain_decimal_content_length_is_the_declared_body_length() {
        assertEquals(OptionalLong.of(0), RequestLimits.declaredLength("0"));
        assertEquals(OptionalLong.of(65_537), RequestLimits.declaredLength("65537"));
        assertEquals(OptionalLong.of(999_999_999_999_999_999L), RequestLimits.declaredLength("999999999999999999"));
    }

    @Test
    void a_missing_or_malformed_content_length_declares_nothing() {
        for (String header : new String[] {null, "", "-1", "+5", " 5", "5 ", "1e3", "0x10", "12a", "1000000000000000000"}) {
            assertEquals(OptionalLong.empty(), RequestLimits.declaredLength(header), String.valueOf(header));
        }
    }

    @Test
    void limit_accepts_one_to_fifty_and_names_the_parameter_otherwise() {
        assertTrue(RequestLimits.limitViolation(null).isEmpty());
        assertTrue(RequestLimits.limitViolation("1").isEmpty());
        assertTrue(RequestLimits.limitViolation("50").isEmpty());
        for (String raw : new String[] {"", "0", "51", "-1", "5.0", "1000", "five"}) {
            assertEquals("limit", RequestLimits.limitViolation(raw).orElseThrow().field(), raw);
        }
    }
}

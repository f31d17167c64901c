package org.footpain.engine;

import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Setting;
import org.footpain.knowledge.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's input refuses an impossible patient and finds what was supplied by path, side and code. */
class PresentationTest {

    private static final Finding AGE = Finding.count(FindingPath.AGE, Side.UNSIDED, 52);

    private static Presentation patient(Finding... findings) {
        List<Finding> all = new ArrayList<>(List.of(findings));
        all.add(0, AGE);
        return new Presentation(Setting.PRIMARY_CARE, all);
    }

    @Test
    void an_achilles_reflex_graded_twice_on_the_same_leg_is_refused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> patient(
                Finding.code(FindingPath.ACHILLES_REFLEX, Side.LEFT, "absent"),
                Finding.code(FindingPath.ACHILLES_REFLEX, Side.LEFT, "normal")));
        assertEquals("finding given twice: exam.reflexes.achilles/LEFT", refused.getMessage());
    }

    @Test
    void the_same_reflex_grade_on_both_legs_is_two_findings() {
        Presentation p = assertDoesNotThrow(() -> patient(
                Finding.code(FindingPath.ACHILLES_REFLEX, Side.LEFT, "absent"),
                Finding.code(FindingPath.ACHILLES_REFLEX, Side.RIGHT, "absent")));
        assertEquals(2, p.all(FindingPath.ACHILLES_REFLEX).size());
    }

    @Test
    void a_pain_location_listed_twice_is_refused_but_two_locations_are_not() {
        assertThrows(IllegalArgumentException.class, () -> patient(
                Finding.item(FindingPath.PAIN_LOCATIONS, "heel"), Finding.item(FindingPath.PAIN_LOCATIONS, "heel")));
        assertDoesNotThrow(() -> patient(
                Finding.item(FindingPath.PAIN_LOCATIONS, "heel"), Finding.item(FindingPath.PAIN_LOCATIONS, "sole")));
    }

    @Test
    void an_l5_dermatome_is_refused_twice_on_one_side_but_not_once_on_each() {
        assertThrows(IllegalArgumentException.class, () -> patient(
                Finding.code(FindingPath.DERMATOMAL_LOSS, Side.RIGHT, "l5"),
                Finding.code(FindingPath.DERMATOMAL_LOSS, Side.RIGHT, "l5")));
        assertDoesNotThrow(() -> patient(
                Finding.code(FindingPath.DERMATOMAL_LOSS, Side.RIGHT, "l5"),
                Finding.code(FindingPath.DERMATOMAL_LOSS, Side.LEFT, "l5")));
    }

    @Test
    void listed_items_are_found_by_their_codes_in_the_order_they_were_supplied() {
        Finding sole = Finding.item(FindingPath.PAIN_LOCATIONS, "sole");
        Finding heel = Finding.item(FindingPath.PAIN_LOCATIONS, "heel");
        Presentation p = patient(sole, Finding.item(FindingPath.PAIN_LOCATIONS, "calf"), heel);
        long heelOrSole = FindingPath.PAIN_LOCATIONS.codeBits(List.of("heel", "sole"));
        assertEquals(List.of(sole, heel), p.listedAmong(FindingPath.PAIN_LOCATIONS, heelOrSole));
        assertEquals(List.of(heel), p.listedAmong(FindingPath.PAIN_LOCATIONS,
                FindingPath.PAIN_LOCATIONS.codeBits(List.of("heel", "toes"))));
        assertEquals(List.of(), p.listedAmong(FindingPath.PAIN_LOCATIONS,
                FindingPath.PAIN_LOCATIONS.codeBits(List.of("toes"))));
    }

    @Test
    void an_absent_reflex_on_the_left_is_not_supplied_on_the_right_and_an_unexamined_one_nowhere() {
        Presentation p = patient(Finding.code(FindingPath.ACHILLES_REFLEX, Side.LEFT, "absent"));
        long absent = FindingPath.ACHILLES_REFLEX.codeBits(List.of("absent"));
        assertTrue(p.suppliesAny(FindingPath.ACHILLES_REFLEX, Side.LEFT, absent));
        assertFalse(p.suppliesAny(FindingPath.ACHILLES_REFLEX, Side.RIGHT, absent));
        assertFalse(p.suppliesAny(FindingPath.PATELLAR_REFLEX, Side.LEFT,
                FindingPath.PATELLAR_REFLEX.codeBits(List.of("absent"))));
        assertEquals(FindingPath.ACHILLES_REFLEX.bit() | FindingPath.AGE.bit(), p.suppliedPaths());
    }

    @Test
    void a_code_outside_the_contract_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> patient(Finding.code(FindingPath.ACHILLES_REFLEX, Side.LEFT, "missing")));
    }
}

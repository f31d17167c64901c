package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.junit.jupiter.api.Test;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Root-level statements about L4, L5 and S1 radiculopathy against the knowledge base the service ships.
 * Plain JUnit: the engine is pure Java over a loaded knowledge base, so no Quarkus container is needed.
 */
class RadiculopathyTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();

    private static final String L4 = "l4-radiculopathy";
    private static final String L5 = "l5-radiculopathy";
    private static final String S1 = "s1-radiculopathy";
    private static final String FIBULAR = "common-fibular-neuropathy";

    /** Leg pain on the left, nothing examined yet. */
    private static Patient leftSciatica() {
        return aged(45).symptomSide("left").pain("low-back", "posterior-thigh", "calf");
    }

    @Test
    void absent_achilles_reflex_raises_s1_radiculopathy() {
        CLINIC.assertRaises(S1, leftSciatica(), p -> p.left(ACHILLES_REFLEX, "absent"));
    }

    @Test
    void pain_radiating_to_the_lateral_foot_raises_s1_radiculopathy() {
        CLINIC.assertRaises(S1, leftSciatica(), p -> p.pain("lateral-foot"));
    }

    @Test
    void weak_hip_abduction_raises_l5_radiculopathy() {
        CLINIC.assertRaises(L5, leftSciatica(), p -> p.left(HIP_ABDUCTION, 4));
    }

    @Test
    void weak_great_toe_extension_raises_l5_radiculopathy() {
        CLINIC.assertRaises(L5, leftSciatica(), p -> p.left(GREAT_TOE_EXTENSION, 4));
    }

    @Test
    void diminished_knee_jerk_raises_l4_radiculopathy() {
        CLINIC.assertRaises(L4, aged(55).symptomSide("left").pain("anterior-thigh", "knee"),
                p -> p.left(PATELLAR_REFLEX, "diminished"));
    }

    @Test
    void positive_femoral_stretch_raises_l4_and_lowers_l5_radiculopathy() {
        Patient thighPain = aged(55).symptomSide("left").pain("anterior-thigh", "knee");
        CLINIC.assertRaises(L4, thighPain, p -> p.left(FEMORAL_STRETCH, "positive"));
        CLINIC.assertLowers(L5, thighPain, p -> p.left(FEMORAL_STRETCH, "positive"));
    }

    @Test
    void positive_crossed_straight_leg_raise_raises_l5_and_s1_radiculopathy() {
        CLINIC.assertRaises(L5, leftSciatica(), p -> p.left(CROSSED_STRAIGHT_LEG_RAISE, "positive"));
        CLINIC.assertRaises(S1, leftSciatica(), p -> p.left(CROSSED_STRAIGHT_LEG_RAISE, "positive"));
    }

    @Test
    void negative_slump_test_lowers_l5_and_s1_radiculopathy() {
        CLINIC.assertLowers(L5, leftSciatica(), p -> p.left(SLUMP, "negative"));
        CLINIC.assertLowers(S1, leftSciatica(), p -> p.left(SLUMP, "negative"));
    }

    @Test
    void normal_achilles_reflex_on_the_painful_side_lowers_s1_radiculopathy() {
        CLINIC.assertLowers(S1, leftSciatica(), p -> p.left(ACHILLES_REFLEX, "normal"));
    }

    @Test
    void an_achilles_reflex_lost_on_both_legs_points_less_to_s1_than_one_lost_on_the_painful_leg() {
        double oneLeg = CLINIC.probability(leftSciatica().left(ACHILLES_REFLEX, "absent")
                .right(ACHILLES_REFLEX, "normal"), S1);
        double bothLegs = CLINIC.probability(leftSciatica().bothLegs(ACHILLES_REFLEX, "absent"), S1);
        assertTrue(bothLegs < oneLeg, "both legs " + bothLegs + ", painful leg only " + oneLeg);
    }

    @Test
    void a_second_sign_of_the_same_root_counts_at_half_weight() {
        // toe walk and plantarflexion strength measure the same muscle: the second counts at half weight
        Patient toeWalk = leftSciatica().left(TOE_WALK, "impaired");
        Patient both = leftSciatica().left(TOE_WALK, "impaired").left(ANKLE_PLANTARFLEXION, 4);
        var evidence = CLINIC.scored(both, S1).evidence();
        var plantarflexion = evidence.stream()
                .filter(e -> e.findings().get(0).path() == ANKLE_PLANTARFLEXION).findFirst().orElseThrow();
        assertEquals(0.5, plantarflexion.weight(), 1e-12);
        assertTrue(CLINIC.probability(both, S1) > CLINIC.probability(toeWalk, S1));
    }

    @Test
    void weak_ankle_inversion_points_to_l5_radiculopathy_rather_than_fibular_neuropathy() {
        Patient footDrop = aged(50).symptomSide("left").pain("shin", "dorsum-of-foot")
                .symptoms("tripping-or-foot-slap").left(ANKLE_DORSIFLEXION, 4).right(ANKLE_DORSIFLEXION, 5);
        CLINIC.assertRaises(L5, footDrop, p -> p.left(ANKLE_INVERSION, 4));
        CLINIC.assertLowers(FIBULAR, footDrop, p -> p.left(ANKLE_INVERSION, 4));
    }

    @Test
    void typical_s1_radiculopathy_keeps_l5_second_and_l4_far_behind() {
        Assessment s1 = CLINIC.assess(TypicalPatients.leftS1Radiculopathy());
        assertEquals(S1, Differential.first(s1), Differential.describe(s1));
        assertEquals(2, Differential.rank(s1, L5), Differential.describe(s1));
        assertTrue(Differential.probability(s1, L4) < 0.05, Differential.describe(s1));
    }
}

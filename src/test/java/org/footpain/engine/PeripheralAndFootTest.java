package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.junit.jupiter.api.Test;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.*;
import static org.footpain.knowledge.Side.LEFT;
import static org.footpain.knowledge.Side.RIGHT;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statements about nerve entrapments, polyneuropathy, the painful foot and arterial disease, against the
 * knowledge base the service ships. Plain JUnit: the engine is pure Java over a loaded knowledge base, so no
 * Quarkus container is needed.
 */
class PeripheralAndFootTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();

    @Test
    void sensory_loss_in_the_common_fibular_territory_raises_fibular_neuropathy() {
        CLINIC.assertRaises("common-fibular-neuropathy", aged(52).symptomSide("right").pain("dorsum-of-foot"),
                p -> p.nerveTerritoryLoss("common-fibular", RIGHT));
    }

    @Test
    void a_tinel_sign_at_the_fibular_head_raises_fibular_neuropathy_and_lowers_l5_radiculopathy() {
        Patient footDrop = aged(52).symptomSide("right").pain("dorsum-of-foot").symptoms("tripping-or-foot-slap");
        CLINIC.assertRaises("common-fibular-neuropathy", footDrop, p -> p.right(TINEL_FIBULAR_HEAD, "positive"));
        CLINIC.assertLowers("l5-radiculopathy", footDrop, p -> p.right(TINEL_FIBULAR_HEAD, "positive"));
    }

    @Test
    void a_tinel_sign_at_the_tarsal_tunnel_raises_tarsal_tunnel_syndrome() {
        CLINIC.assertRaises("tarsal-tunnel-syndrome", aged(48).symptomSide("left").pain("sole", "medial-ankle"),
                p -> p.left(TINEL_TARSAL_TUNNEL, "positive"));
    }

    @Test
    void sensory_loss_in_the_plantar_nerve_territory_raises_tarsal_tunnel_syndrome() {
        CLINIC.assertRaises("tarsal-tunnel-syndrome", aged(48).symptomSide("left").pain("sole"),
                p -> p.nerveTerritoryLoss("tibial-plantar", LEFT));
    }

    @Test
    void stocking_distribution_sensory_loss_raises_polyneuropathy() {
        CLINIC.assertRaises("peripheral-polyneuropathy", aged(66).pain("sole", "toes"),
                p -> p.flag(STOCKING_DISTRIBUTION, true));
    }

    @Test
    void diabetes_raises_polyneuropathy() {
        CLINIC.assertRaises("peripheral-polyneuropathy", aged(66).pain("sole", "toes"),
                p -> p.riskFactors("diabetes"));
    }

    @Test
    void an_absent_monofilament_on_both_feet_raises_polyneuropathy_more_than_a_reduced_one() {
        Patient burningFeet = aged(66).symptoms("burning-pain").pain("sole", "toes");
        CLINIC.assertRaises("peripheral-polyneuropathy", burningFeet, p -> p.bothLegs(MONOFILAMENT, "reduced"));
        double reduced = CLINIC.probability(burningFeet.copy().bothLegs(MONOFILAMENT, "reduced"),
                "peripheral-polyneuropathy");
        double absent = CLINIC.probability(burningFeet.copy().bothLegs(MONOFILAMENT, "absent"),
                "peripheral-polyneuropathy");
        assertTrue(absent > reduced, "absent " + absent + ", reduced " + reduced);
    }

    @Test
    void normal_vibration_sense_in_both_great_toes_lowers_polyneuropathy() {
        CLINIC.assertLowers("peripheral-polyneuropathy", aged(66).pain("sole", "toes"),
                p -> p.bothLegs(VIBRATION_GREAT_TOE, "normal"));
    }

    @Test
    void ankle_jerks_lost_on_both_legs_with_stocking_loss_point_to_polyneuropathy_rather_than_s1_roots() {
        Assessment assessment = CLINIC.assess(aged(64).riskFactors("diabetes").symptomSide("bilateral")
                .pain("sole", "toes").symptoms("numbness", "tingling")
                .bothLegs(ACHILLES_REFLEX, "absent").flag(STOCKING_DISTRIBUTION, true));
        assertTrue(Differential.rank(assessment, "peripheral-polyneuropathy")
                < Differential.rank(assessment, "s1-radiculopathy"), Differential.describe(assessment));
    }

    @Test
    void a_mulder_click_raises_morton_neuroma() {
        CLINIC.assertRaises("morton-neuroma", aged(44).symptomSide("right").pain("forefoot"),
                p -> p.right(MULDER_CLICK, "positive"));
    }

    @Test
    void pain_between_the_toes_raises_morton_neuroma() {
        CLINIC.assertRaises("morton-neuroma", aged(44).symptomSide("right").pain("forefoot"),
                p -> p.pain("between-toes"));
    }

    @Test
    void no_web_space_tenderness_makes_morton_neuroma_unlikely() {
        CLINIC.assertLowers("morton-neuroma", aged(44).symptomSide("right").pain("forefoot", "between-toes"),
                p -> p.right(INTERDIGITAL_TENDERNESS, "absent"));
    }

    @Test
    void a_positive_windlass_test_raises_plantar_fasciitis() {
        CLINIC.assertRaises("plantar-fasciitis", aged(50).symptomSide("left").pain("heel"),
                p -> p.left(WINDLASS, "positive"));
    }

    @Test
    void first_step_pain_raises_plantar_fasciitis() {
        CLINIC.assertRaises("plantar-fasciitis", aged(50).symptomSide("left").pain("heel"),
                p -> p.aggravatedBy("first-steps-after-rest"));
    }

    @Test
    void no_plantar_fascia_tenderness_lowers_plantar_fasciitis() {
        CLINIC.assertLowers("plantar-fasciitis", aged(50).symptomSide("left").pain("heel"),
                p -> p.left(PLANTAR_FASCIA_TENDERNESS, "absent"));
    }

    @Test
    void a_tender_achilles_tendon_raises_achilles_tendinopathy() {
        CLINIC.assertRaises("achilles-tendinopathy", aged(41).symptomSide("right").pain("heel"),
                p -> p.right(ACHILLES_TENDERNESS, "present"));
    }

    @Test
    void pain_on_running_and_jumping_raises_achilles_tendinopathy() {
        CLINIC.assertRaises("achilles-tendinopathy", aged(41).symptomSide("right").pain("heel"),
                p -> p.aggravatedBy("running-or-jumping"));
    }

    @Test
    void an_absent_dorsalis_pedis_pulse_raises_peripheral_artery_disease() {
        CLINIC.assertRaises("peripheral-artery-disease", aged(68).symptomSide("left").pain("calf"),
                p -> p.left(DORSALIS_PEDIS_PULSE, "absent"));
    }

    @Test
    void calf_cramping_on_walking_raises_peripheral_artery_disease() {
        CLINIC.assertRaises("peripheral-artery-disease", aged(68).symptomSide("left").pain("calf"),
                p -> p.symptoms("calf-cramping-on-walking"));
    }

    @Test
    void a_low_ankle_brachial_index_raises_and_a_normal_one_lowers_peripheral_artery_disease() {
        Patient calfPain = aged(68).symptomSide("left").pain("calf").symptoms("calf-cramping-on-walking");
        CLINIC.assertRaises("peripheral-artery-disease", calfPain, p -> p.left(ANKLE_BRACHIAL_INDEX, 0.7));
        CLINIC.assertLowers("peripheral-artery-disease", calfPain, p -> p.left(ANKLE_BRACHIAL_INDEX, 1.1));
    }

    @Test
    void normal_pedal_pulses_lower_peripheral_artery_disease() {
        CLINIC.assertLowers("peripheral-artery-disease", aged(68).symptomSide("left").pain("calf"),
                p -> p.left(DORSALIS_PEDIS_PULSE, "normal"));
    }
}

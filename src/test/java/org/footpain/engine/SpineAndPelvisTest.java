package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.footpain.knowledge.Setting;
import org.junit.jupiter.api.Test;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.*;
import static org.footpain.knowledge.Side.BILATERAL;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statements about stenosis, the dangerous spinal conditions, myelopathy and the pelvic causes of leg pain,
 * against the knowledge base the service ships. Plain JUnit: the engine is pure Java over a loaded knowledge
 * base, so no Quarkus container is needed.
 */
class SpineAndPelvisTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();

    /** Back and leg pain in an adult, nothing examined yet. */
    private static Patient backAndLegPain(int age) {
        return aged(age).pain("low-back", "buttock", "posterior-thigh");
    }

    @Test
    void relief_by_sitting_or_bending_forward_raises_lumbar_spinal_stenosis() {
        CLINIC.assertRaises("lumbar-spinal-stenosis", backAndLegPain(70).aggravatedBy("walking"),
                p -> p.relievedBy("sitting-or-bending-forward"));
    }

    @Test
    void a_wide_based_gait_raises_lumbar_spinal_stenosis() {
        CLINIC.assertRaises("lumbar-spinal-stenosis", backAndLegPain(70), p -> p.flag(WIDE_BASED_GAIT, true));
    }

    @Test
    void relief_by_standing_still_points_away_from_stenosis_and_towards_arterial_claudication() {
        Patient walkingPain = aged(70).pain("calf").aggravatedBy("walking");
        CLINIC.assertLowers("lumbar-spinal-stenosis", walkingPain, p -> p.relievedBy("standing-still"));
        CLINIC.assertRaises("peripheral-artery-disease", walkingPain, p -> p.relievedBy("standing-still"));
    }

    @Test
    void urinary_retention_raises_cauda_equina_syndrome() {
        CLINIC.assertRaises("cauda-equina-syndrome", backAndLegPain(44), p -> p.redFlags("urinary-retention"));
    }

    @Test
    void saddle_sensory_loss_raises_cauda_equina_syndrome() {
        CLINIC.assertRaises("cauda-equina-syndrome", backAndLegPain(44),
                p -> p.dermatomalLoss("saddle", BILATERAL));
    }

    @Test
    void fever_raises_spinal_infection() {
        CLINIC.assertRaises("spinal-infection", backAndLegPain(50), p -> p.redFlags("fever"));
    }

    @Test
    void a_measured_temperature_of_38_raises_spinal_infection_and_a_normal_one_lowers_it() {
        CLINIC.assertRaises("spinal-infection", backAndLegPain(50), p -> p.temperature(38.0));
        CLINIC.assertLowers("spinal-infection", backAndLegPain(50), p -> p.temperature(36.8));
    }

    @Test
    void injecting_drugs_raises_spinal_infection() {
        CLINIC.assertRaises("spinal-infection", backAndLegPain(35), p -> p.riskFactors("intravenous-drug-use"));
    }

    @Test
    void a_history_of_cancer_raises_spinal_malignancy() {
        CLINIC.assertRaises("spinal-malignancy", backAndLegPain(60), p -> p.riskFactors("cancer-history"));
    }

    @Test
    void unexplained_weight_loss_raises_spinal_malignancy() {
        CLINIC.assertRaises("spinal-malignancy", backAndLegPain(60), p -> p.redFlags("unexplained-weight-loss"));
    }

    @Test
    void long_term_corticosteroids_raise_vertebral_fracture() {
        CLINIC.assertRaises("vertebral-fracture", backAndLegPain(65),
                p -> p.riskFactors("long-term-corticosteroids"));
    }

    @Test
    void spinous_process_tenderness_raises_vertebral_fracture_and_its_absence_lowers_it() {
        CLINIC.assertRaises("vertebral-fracture", backAndLegPain(65), p -> p.flag(MIDLINE_TENDERNESS, true));
        CLINIC.assertLowers("vertebral-fracture", backAndLegPain(65), p -> p.flag(MIDLINE_TENDERNESS, false));
    }

    @Test
    void three_positive_sacroiliac_provocation_tests_raise_sacroiliac_joint_pain() {
        CLINIC.assertRaises("sacroiliac-joint-dysfunction", aged(45).symptomSide("right").pain("buttock"),
                p -> p.right(SACROILIAC_PROVOCATION, 3));
    }

    @Test
    void negative_sacroiliac_provocation_tests_lower_sacroiliac_joint_pain() {
        CLINIC.assertLowers("sacroiliac-joint-dysfunction", aged(45).symptomSide("right").pain("buttock"),
                p -> p.right(SACROILIAC_PROVOCATION, 0));
    }

    @Test
    void a_positive_hoffmann_sign_raises_myelopathy() {
        CLINIC.assertRaises("myelopathy", aged(60).symptoms("unsteady-gait"), p -> p.left(HOFFMANN, "positive"));
    }

    @Test
    void clumsy_hands_raise_myelopathy() {
        CLINIC.assertRaises("myelopathy", aged(60).symptoms("unsteady-gait"),
                p -> p.symptoms("hand-clumsiness-or-numbness"));
    }

    @Test
    void three_criteria_of_cooks_cluster_raise_myelopathy_more_than_each_sign_alone() {
        Patient older = aged(60).symptoms("unsteady-gait");
        double hoffmannOnly = CLINIC.probability(older.copy().bothLegs(HOFFMANN, "positive"), "myelopathy");
        double cluster = CLINIC.probability(older.copy().bothLegs(HOFFMANN, "positive")
                .bothLegs(PLANTAR_RESPONSE, "extensor"), "myelopathy");
        assertTrue(cluster > 2 * hoffmannOnly, "Hoffmann " + hoffmannOnly + ", cluster " + cluster);
    }

    @Test
    void a_positive_fair_test_raises_deep_gluteal_syndrome() {
        CLINIC.assertRaises("deep-gluteal-syndrome", aged(34).symptomSide("left").pain("buttock"),
                p -> p.left(FAIR_TEST, "positive"));
    }

    @Test
    void deep_gluteal_tenderness_raises_deep_gluteal_syndrome() {
        CLINIC.assertRaises("deep-gluteal-syndrome", aged(34).symptomSide("left").pain("buttock"),
                p -> p.left(DEEP_GLUTEAL_TENDERNESS, "present"));
    }

    @Test
    void pain_aggravated_by_coughing_points_away_from_deep_gluteal_syndrome() {
        CLINIC.assertLowers("deep-gluteal-syndrome", aged(34).symptomSide("left").pain("buttock"),
                p -> p.aggravatedBy("cough-sneeze-strain"));
    }

    @Test
    void the_same_findings_weigh_more_for_stenosis_in_a_spine_clinic_than_in_a_foot_and_ankle_clinic() {
        Patient claudication = TypicalPatients.neurogenicClaudication();
        double spineClinic = CLINIC.probability(claudication.copy().seenIn(Setting.SPINE_CLINIC),
                "lumbar-spinal-stenosis");
        double footClinic = CLINIC.probability(claudication.copy().seenIn(Setting.FOOT_AND_ANKLE_CLINIC),
                "lumbar-spinal-stenosis");
        assertTrue(spineClinic > footClinic, "spine clinic " + spineClinic + ", foot clinic " + footClinic);
    }
}

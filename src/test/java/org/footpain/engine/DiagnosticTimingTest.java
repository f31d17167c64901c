package org.footpain.engine;

import org.footpain.engine.Patients.Patient;
import org.footpain.engine.diagnostics.SuggestedDiagnostic;
import org.footpain.engine.scoring.ReportedLaterality;
import org.footpain.knowledge.Timing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.footpain.engine.Patients.aged;
import static org.footpain.knowledge.FindingPath.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which tests are suggested, and when: guideline timing, the deferral of imaging for uncomplicated
 * radiculopathy and the tests that a red flag makes due today. Plain JUnit: the engine is pure Java over a
 * loaded knowledge base, so no Quarkus container is needed.
 */
class DiagnosticTimingTest {

    private static final Clinic CLINIC = Clinic.withRealKnowledgeBase();

    private static final String MRI = "mri-lumbar-spine-without-contrast";
    private static final String MRI_WITH_CONTRAST = "mri-lumbar-spine-with-and-without-contrast";

    /** Left S1 sciatica without red flags or a severe deficit, its duration not yet recorded. */
    private static Patient uncomplicatedSciatica() {
        return TypicalPatients.leftS1Radiculopathy().without(DURATION_WEEKS);
    }

    private static Optional<SuggestedDiagnostic> suggested(Assessment assessment, String testId) {
        return assessment.diagnostics().stream().filter(d -> d.test().id().equals(testId)).findFirst();
    }

    private static SuggestedDiagnostic suggestedOrFail(Assessment assessment, String testId) {
        return suggested(assessment, testId).orElseThrow(() -> new AssertionError(testId + " not suggested: "
                + assessment.diagnostics().stream().map(d -> d.test().id()).toList()));
    }

    @Test
    void mri_for_uncomplicated_sciatica_at_three_weeks_waits_until_six_weeks() {
        SuggestedDiagnostic mri = suggestedOrFail(CLINIC.assess(uncomplicatedSciatica().durationWeeks(3)), MRI);
        assertEquals(new Timing.IfNoImprovement(6), mri.timing());
        assertTrue(mri.forConditions().contains("s1-radiculopathy"), mri.forConditions().toString());
    }

    @Test
    void mri_for_sciatica_is_still_deferred_just_before_six_weeks() {
        assertEquals(new Timing.IfNoImprovement(6),
                suggestedOrFail(CLINIC.assess(uncomplicatedSciatica().durationWeeks(5.9)), MRI).timing());
    }

    @ParameterizedTest(name = "after {0} weeks")
    @ValueSource(doubles = {6, 8, 26, 104})
    void mri_for_sciatica_that_has_lasted_six_weeks_or_more_is_routine(double weeks) {
        SuggestedDiagnostic mri = suggestedOrFail(CLINIC.assess(uncomplicatedSciatica().durationWeeks(weeks)), MRI);
        assertEquals(new Timing.Routine(), mri.timing());
    }

    @Test
    void a_missing_duration_counts_as_acute() {
        assertEquals(new Timing.IfNoImprovement(6), suggestedOrFail(CLINIC.assess(uncomplicatedSciatica()), MRI)
                .timing());
    }

    @ParameterizedTest(name = "after {0} weeks")
    @ValueSource(doubles = {0, 1, 3, 5.9, 6, 12, 52})
    void imaging_for_uncomplicated_radiculopathy_is_never_emergent_or_urgent(double weeks) {
        for (Patient patient : List.of(TypicalPatients.leftS1Radiculopathy(), TypicalPatients.rightL5Radiculopathy(),
                TypicalPatients.leftL4Radiculopathy())) {
            Assessment a = CLINIC.assess(patient.durationWeeks(weeks));
            for (SuggestedDiagnostic d : a.diagnostics()) {
                assertTrue(d.timing().urgency() <= new Timing.Routine().urgency(),
                        d.test().id() + " is " + d.timing().code() + " after " + weeks + " weeks");
            }
        }
    }

    @Test
    void suspected_cauda_equina_needs_an_mri_and_a_post_void_residual_today() {
        Assessment a = CLINIC.assess(TypicalPatients.caudaEquinaWithRetention());
        SuggestedDiagnostic mri = suggestedOrFail(a, MRI);
        SuggestedDiagnostic bladder = suggestedOrFail(a, "post-void-residual");
        assertEquals(new Timing.Emergent(), mri.timing());
        assertEquals(new Timing.Emergent(), bladder.timing());
        assertTrue(mri.forConditions().contains("cauda-equina-syndrome"), mri.forConditions().toString());
        assertEquals(List.of("cauda-equina-syndrome"), bladder.forConditions());
    }

    @Test
    void urgent_tests_come_before_deferred_ones() {
        Assessment a = CLINIC.assess(TypicalPatients.caudaEquinaWithRetention());
        for (int i = 1; i < a.diagnostics().size(); i++) {
            assertTrue(a.diagnostics().get(i - 1).timing().urgency() >= a.diagnostics().get(i).timing().urgency());
        }
    }

    @Test
    void a_severe_motor_deficit_from_l5_radiculopathy_needs_an_mri_within_days() {
        Patient footDrop = TypicalPatients.rightL5Radiculopathy().durationWeeks(2)
                .right(ANKLE_DORSIFLEXION, 3).left(ANKLE_DORSIFLEXION, 5);
        Assessment a = CLINIC.assess(footDrop);
        assertEquals("l5-radiculopathy", Differential.first(a), Differential.describe(a));
        assertTrue(a.triage().fired("severe-motor-deficit"));
        SuggestedDiagnostic mri = suggestedOrFail(a, MRI);
        assertEquals(new Timing.Urgent(), mri.timing());
        assertTrue(mri.forConditions().contains("l5-radiculopathy"), mri.forConditions().toString());
    }

    @Test
    void mild_weakness_from_l5_radiculopathy_does_not_hurry_the_mri() {
        Patient mild = TypicalPatients.rightL5Radiculopathy().durationWeeks(2)
                .right(ANKLE_DORSIFLEXION, 4).left(ANKLE_DORSIFLEXION, 5);
        assertEquals(new Timing.IfNoImprovement(6), suggestedOrFail(CLINIC.assess(mild), MRI).timing());
    }

    @Test
    void suspected_spinal_infection_needs_blood_cultures_today_and_contrast_mri_within_days() {
        Assessment a = CLINIC.assess(TypicalPatients.epiduralAbscessInPersonWhoInjectsDrugs());
        assertEquals(new Timing.Urgent(), suggestedOrFail(a, MRI_WITH_CONTRAST).timing());
        assertEquals(new Timing.Emergent(), suggestedOrFail(a, "inflammatory-markers-and-blood-cultures").timing());
    }

    @Test
    void suspected_spinal_infection_with_a_neurological_deficit_needs_contrast_mri_today() {
        Assessment a = CLINIC.assess(TypicalPatients.epiduralAbscessInPersonWhoInjectsDrugs()
                .redFlags("progressive-weakness"));
        assertEquals(new Timing.Emergent(), suggestedOrFail(a, MRI_WITH_CONTRAST).timing());
    }

    @Test
    void critical_limb_ischaemia_needs_arterial_imaging_within_days() {
        Assessment a = CLINIC.assess(aged(78).riskFactors("diabetes", "smoking").symptomSide("right")
                .pain("forefoot", "toes").symptoms("foot-pain-at-night-relieved-by-dangling")
                .right(DORSALIS_PEDIS_PULSE, "absent").right(ANKLE_BRACHIAL_INDEX, 0.35));
        assertEquals(new Timing.Urgent(), suggestedOrFail(a, "arterial-duplex-lower-limb").timing());
    }

    @Test
    void an_ankle_brachial_index_already_measured_is_not_suggested_again() {
        Patient claudication = TypicalPatients.leftCalfClaudication();
        assertTrue(suggested(CLINIC.assess(claudication.copy()), "ankle-brachial-index").isPresent());
        assertTrue(suggested(CLINIC.assess(claudication.copy().left(ANKLE_BRACHIAL_INDEX, 0.7)
                .right(ANKLE_BRACHIAL_INDEX, 1.0)), "ankle-brachial-index").isEmpty());
    }

    @Test
    void plantar_fasciitis_at_four_weeks_gets_no_imaging_now() {
        Assessment a = CLINIC.assess(TypicalPatients.leftPlantarFasciitis().durationWeeks(4));
        for (SuggestedDiagnostic d : a.diagnostics()) {
            assertTrue(d.timing() instanceof Timing.IfNoImprovement, d.test().id() + " " + d.timing().code());
        }
    }

    @Test
    void a_fibular_foot_drop_gets_nerve_conduction_studies_if_it_has_not_recovered() {
        Assessment a = CLINIC.assess(TypicalPatients.rightFibularNeuropathyAfterLegCrossing().durationWeeks(1)
                .right(HEEL_WALK, "impaired"));
        SuggestedDiagnostic emg = suggestedOrFail(a, "emg-ncs-lower-limb");
        assertEquals(new Timing.IfNoImprovement(3), emg.timing());
        assertTrue(emg.forConditions().contains("common-fibular-neuropathy"));
        assertTrue(suggested(a, MRI).isEmpty() || suggested(a, MRI).get().timing() instanceof Timing.IfNoImprovement,
                "no lumbar MRI now for a fibular neuropathy");
        assertEquals(ReportedLaterality.RIGHT, Differential.condition(a, "common-fibular-neuropathy").laterality());
    }
}

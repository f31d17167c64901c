package org.footpain.api.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The structured findings of one patient, as the contract defines them. Only {@code patient.ageYears} is
 * required; a finding that was not examined is left out, and leaving it out is not the same as normal.
 */
@Schema(description = "The structured findings of one patient with foot or leg pain. Only patient.ageYears is required; leave out what was not examined (absent is not normal).")
public record AssessmentRequest(
        @Schema(description = "Where the patient is seen.") @Valid Context context,
        @Schema(description = "The patient.", required = true) @NotNull @Valid Patient patient,
        @Schema(description = "The history.") @Valid History history,
        @Schema(description = "The examination.") @Valid Exam exam) {

    @Schema(description = "Where the patient is seen.")
    public record Context(
            @Schema(description = "The care setting; it selects the priors. Defaults to primary-care.") Setting setting) {
    }

    @Schema(description = "The patient.")
    public record Patient(
            @Schema(description = "Age in whole years, 0-120. Under 18 the answer warns that the evidence covers adults.", required = true, minimum = "0", maximum = "120")
            @NotNull @Min(0) @Max(120) Integer ageYears,
            @Schema(description = "Sex of the patient.") Sex sex,
            @Schema(description = "Risk factors present; an unlisted one is unknown, not absent.", maxItems = 17)
            @Size(max = 17) @UniqueElements List<@NotNull RiskFactor> riskFactors) {
    }

    @Schema(description = "The history of the complaint. Items listed in a set are present; unlisted items are unknown.")
    public record History(
            @Schema(description = "The leg or legs with symptoms.") SymptomSide symptomSide,
            @Schema(description = "Weeks since symptoms began, 0-1040; missing counts as acute.", minimum = "0", maximum = "1040")
            @DecimalMin("0") @DecimalMax("1040") Double durationWeeks,
            @Schema(description = "How the symptoms began.") Onset onset,
            @Schema(description = "Where the patient feels pain.", maxItems = 18) @Size(max = 18) @UniqueElements List<@NotNull PainLocation> painLocations,
            @Schema(description = "Symptoms the patient reports.", maxItems = 12) @Size(max = 12) @UniqueElements List<@NotNull Symptom> symptoms,
            @Schema(description = "What makes the symptoms worse.", maxItems = 12) @Size(max = 12) @UniqueElements List<@NotNull Aggravator> aggravatedBy,
            @Schema(description = "What eases the symptoms.", maxItems = 6) @Size(max = 6) @UniqueElements List<@NotNull Reliever> relievedBy,
            @Schema(description = "True when every red flag not listed was asked about and is absent, so its absence may count as evidence.") Boolean redFlagsScreened,
            @Schema(description = "Red flags present.", maxItems = 10) @Size(max = 10) @UniqueElements List<@NotNull RedFlag> redFlags) {
    }

    @Schema(description = "The physical examination.")
    public record Exam(
            @Schema(description = "Walking on the heels (ankle dorsiflexors, L4-L5).") @Valid Sided<WalkResult> heelWalk,
            @Schema(description = "Walking on the toes (plantarflexors, S1).") @Valid Sided<WalkResult> toeWalk,
            @Schema(description = "Reflexes.") @Valid Reflexes reflexes,
            @Schema(description = "Muscle strength, MRC 0-5 per leg.") @Valid Strength strength,
            @Schema(description = "Sensation.") @Valid Sensory sensory,
            @Schema(description = "Neural tension tests.") @Valid NeuralTension neuralTension,
            @Schema(description = "Lumbar spine examination.") @Valid Lumbar lumbar,
            @Schema(description = "Sacroiliac joint examination.") @Valid Sacroiliac sacroiliac,
            @Schema(description = "Hip and buttock examination.") @Valid Hip hip,
            @Schema(description = "Foot and ankle examination.") @Valid Foot foot,
            @Schema(description = "Vascular examination.") @Valid Vascular vascular,
            @Schema(description = "Gait and balance.") @Valid Gait gait,
            @Schema(description = "Body temperature in degrees Celsius, 30-45.", minimum = "30", maximum = "45")
            @DecimalMin("30") @DecimalMax("45") Double temperatureCelsius) {
    }

    @Schema(description = "Reflexes per leg.")
    public record Reflexes(
            @Schema(description = "Patellar (knee) reflex, L3-L4.") @Valid Sided<ReflexGrade> patellar,
            @Schema(description = "Achilles (ankle) reflex, S1.") @Valid Sided<ReflexGrade> achilles,
            @Schema(description = "Plantar response; extensor is the Babinski sign.") @Valid Sided<PlantarResponse> plantarResponse,
            @Schema(description = "Sustained ankle clonus.") @Valid Sided<PresentAbsent> ankleClonus,
            @Schema(description = "Hoffmann sign (an upper-limb sign of cord compression).") @Valid Sided<PositiveNegative> hoffmann,
            @Schema(description = "Inverted supinator sign (an upper-limb sign of cord compression).") @Valid Sided<PositiveNegative> invertedSupinator) {
    }

    @Schema(description = "Muscle strength per leg, MRC 0-5.")
    public record Strength(
            @Schema(description = "Hip flexion (L2-L3).") @Valid MrcGrades hipFlexion,
            @Schema(description = "Hip abduction (L5, superior gluteal nerve).") @Valid MrcGrades hipAbduction,
            @Schema(description = "Knee extension (L3-L4).") @Valid MrcGrades kneeExtension,
            @Schema(description = "Knee flexion (L5-S1).") @Valid MrcGrades kneeFlexion,
            @Schema(description = "Ankle dorsiflexion (L4-L5, deep fibular nerve).") @Valid MrcGrades ankleDorsiflexion,
            @Schema(description = "Great toe extension (L5, deep fibular nerve).") @Valid MrcGrades greatToeExtension,
            @Schema(description = "Ankle eversion (L5-S1, superficial fibular nerve).") @Valid MrcGrades ankleEversion,
            @Schema(description = "Ankle inversion (L5, tibial nerve).") @Valid MrcGrades ankleInversion,
            @Schema(description = "Ankle plantarflexion (S1, tibial nerve).") @Valid MrcGrades anklePlantarflexion) {
    }

    @Schema(description = "Sensory examination.")
    public record Sensory(
            @Schema(description = "Dermatomes with sensory loss.", maxItems = 21) @Size(max = 21) @UniqueElements List<@NotNull @Valid DermatomalLoss> dermatomalLoss,
            @Schema(description = "Peripheral nerve territories with sensory loss.", maxItems = 21) @Size(max = 21) @UniqueElements List<@NotNull @Valid NerveTerritoryLoss> nerveTerritoryLoss,
            @Schema(description = "Symmetric distal (glove-and-stocking) sensory loss.") Boolean stockingDistribution,
            @Schema(description = "Vibration sense at the great toe (128 Hz tuning fork).") @Valid Sided<SensationGrade> vibrationGreatToe,
            @Schema(description = "10 g monofilament sensation.") @Valid Sided<SensationGrade> monofilament) {
    }

    @Schema(description = "Neural tension tests per leg.")
    public record NeuralTension(
            @Schema(description = "Straight-leg raise reproducing leg pain.") @Valid Sided<PositiveNegative> straightLegRaise,
            @Schema(description = "Crossed straight-leg raise; the side is the symptomatic leg whose pain is reproduced.") @Valid Sided<PositiveNegative> crossedStraightLegRaise,
            @Schema(description = "Slump test.") @Valid Sided<PositiveNegative> slump,
            @Schema(description = "Femoral nerve stretch test.") @Valid Sided<PositiveNegative> femoralStretch) {
    }

    @Schema(description = "Lumbar spine examination.")
    public record Lumbar(
            @Schema(description = "Sustained lumbar extension reproduces the leg symptoms.") Boolean extensionReproducesLegSymptoms,
            @Schema(description = "Tenderness over the spinous processes.") Boolean midlineTenderness) {
    }

    @Schema(description = "Sacroiliac joint examination.")
    public record Sacroiliac(
            @Schema(description = "Number of positive provocation tests per side, 0-5.") @Valid ProvocationCounts provocationPositiveCount) {
    }

    @Schema(description = "Hip and buttock examination.")
    public record Hip(
            @Schema(description = "FAIR test (flexion, adduction, internal rotation) reproducing buttock or leg pain.") @Valid Sided<PositiveNegative> fairTest,
            @Schema(description = "Tenderness deep in the buttock near the sciatic notch.") @Valid Sided<PresentAbsent> deepGlutealTenderness) {
    }

    @Schema(description = "Foot and ankle examination.")
    public record Foot(
            @Schema(description = "Tenderness at the plantar fascia insertion.") @Valid Sided<PresentAbsent> plantarFasciaTenderness,
            @Schema(description = "Tenderness in a web space between the metatarsal heads.") @Valid Sided<PresentAbsent> interdigitalTenderness,
            @Schema(description = "Tenderness of the Achilles tendon.") @Valid Sided<PresentAbsent> achillesTenderness,
            @Schema(description = "Windlass test (great toe dorsiflexion reproducing heel pain).") @Valid Sided<PositiveNegative> windlass,
            @Schema(description = "Tinel sign over the tarsal tunnel.") @Valid Sided<PositiveNegative> tinelTarsalTunnel,
            @Schema(description = "Tinel sign at the fibular head.") @Valid Sided<PositiveNegative> tinelFibularHead,
            @Schema(description = "Mulder click on squeezing the forefoot.") @Valid Sided<PositiveNegative> mulderClick) {
    }

    @Schema(description = "Vascular examination.")
    public record Vascular(
            @Schema(description = "Dorsalis pedis pulse.") @Valid Sided<PulseGrade> dorsalisPedisPulse,
            @Schema(description = "Posterior tibial pulse.") @Valid Sided<PulseGrade> posteriorTibialPulse,
            @Schema(description = "Resting ankle-brachial index.") @Valid AnkleBrachialIndices ankleBrachialIndex) {
    }

    @Schema(description = "Gait and balance.")
    public record Gait(
            @Schema(description = "Wide-based or ataxic gait on observation.") Boolean wideBased,
            @Schema(description = "Romberg test.") PositiveNegative romberg) {
    }
}

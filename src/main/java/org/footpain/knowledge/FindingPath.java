package org.footpain.knowledge;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every finding the assessment contract defines, with its path, shape and value domain. This is the
 * one vocabulary that the REST and FHIR adapters map into and the knowledge base is checked against:
 * a knowledge entry naming a path or value not listed here stops the start.
 */
public enum FindingPath {
    AGE("patient.ageYears", Shape.SCALAR, ValueDomain.integers(0, 120), "age", false),
    SEX("patient.sex", Shape.SCALAR, ValueDomain.codes("female", "male", "other", "unknown"), "sex", false),
    RISK_FACTORS("patient.riskFactors", Shape.SET, ValueDomain.codes(
            "diabetes", "cancer-history", "immunosuppression", "intravenous-drug-use", "osteoporosis",
            "long-term-corticosteroids", "smoking", "hypertension", "hyperlipidemia", "chronic-kidney-disease",
            "heavy-alcohol-use", "recent-spinal-procedure", "recent-bacteremia-or-infection",
            "prolonged-squatting-or-leg-crossing", "recent-weight-loss-diet-or-bariatric-surgery",
            "running-or-prolonged-standing", "obesity"), "risk factor", false),
    SYMPTOM_SIDE("history.symptomSide", Shape.SCALAR, ValueDomain.codes("left", "right", "bilateral"),
            "side of symptoms", false),
    DURATION_WEEKS("history.durationWeeks", Shape.SCALAR, ValueDomain.numbers(0, 1040), "duration in weeks", false),
    ONSET("history.onset", Shape.SCALAR, ValueDomain.codes("sudden", "gradual"), "onset", false),
    PAIN_LOCATIONS("history.painLocations", Shape.SET, ValueDomain.codes(
            "low-back", "buttock", "groin", "anterior-thigh", "posterior-thigh", "lateral-thigh", "knee", "shin",
            "calf", "medial-ankle", "heel", "sole", "arch", "dorsum-of-foot", "lateral-foot", "forefoot", "toes",
            "between-toes"), "pain location", false),
    SYMPTOMS("history.symptoms", Shape.SET, ValueDomain.codes(
            "back-pain", "leg-pain-worse-than-back-pain", "numbness", "tingling", "burning-pain", "weakness",
            "tripping-or-foot-slap", "calf-cramping-on-walking", "cold-foot",
            "foot-pain-at-night-relieved-by-dangling", "unsteady-gait", "hand-clumsiness-or-numbness"),
            "symptom", false),
    AGGRAVATED_BY("history.aggravatedBy", Shape.SET, ValueDomain.codes(
            "sitting", "standing", "walking", "walking-uphill", "walking-downhill", "bending-forward",
            "spinal-extension", "cough-sneeze-strain", "first-steps-after-rest", "tight-shoes",
            "prolonged-standing", "running-or-jumping"), "aggravated by", false),
    RELIEVED_BY("history.relievedBy", Shape.SET, ValueDomain.codes(
            "sitting-or-bending-forward", "standing-still", "lying-down", "rest", "removing-shoes",
            "walking-a-few-steps"), "relieved by", false),
    RED_FLAGS_SCREENED("history.redFlagsScreened", Shape.SCALAR, ValueDomain.flag(), "red flags screened", false),
    RED_FLAGS("history.redFlags", Shape.SET, ValueDomain.codes(
            "saddle-anesthesia", "urinary-retention", "urinary-incontinence", "fecal-incontinence",
            "new-sexual-dysfunction", "fever", "unexplained-weight-loss", "significant-trauma",
            "unrelenting-night-pain", "progressive-weakness"), "red flag", false),

    HEEL_WALK("exam.heelWalk", Shape.BILATERAL, ValueDomain.examined("normal", "normal", "impaired", "unable"), "heel walk", true),
    TOE_WALK("exam.toeWalk", Shape.BILATERAL, ValueDomain.examined("normal", "normal", "impaired", "unable"), "toe walk", true),
    PATELLAR_REFLEX("exam.reflexes.patellar", Shape.BILATERAL, reflexGrades(), "patellar reflex", true),
    ACHILLES_REFLEX("exam.reflexes.achilles", Shape.BILATERAL, reflexGrades(), "Achilles reflex", true),
    PLANTAR_RESPONSE("exam.reflexes.plantarResponse", Shape.BILATERAL,
            ValueDomain.examined("flexor", "flexor", "extensor", "equivocal"), "plantar response", true),
    ANKLE_CLONUS("exam.reflexes.ankleClonus", Shape.BILATERAL, ValueDomain.examined("absent", "present", "absent"),
            "ankle clonus", true),
    HOFFMANN("exam.reflexes.hoffmann", Shape.BILATERAL, positiveNegative(), "Hoffmann sign", true),
    INVERTED_SUPINATOR("exam.reflexes.invertedSupinator", Shape.BILATERAL, positiveNegative(),
            "inverted supinator sign", true),
    HIP_FLEXION("exam.strength.hipFlexion", Shape.BILATERAL, mrc(), "hip flexion strength", true),
    HIP_ABDUCTION("exam.strength.hipAbduction", Shape.BILATERAL, mrc(), "hip abduction strength", true),
    KNEE_EXTENSION("exam.strength.kneeExtension", Shape.BILATERAL, mrc(), "knee extension strength", true),
    KNEE_FLEXION("exam.strength.kneeFlexion", Shape.BILATERAL, mrc(), "knee flexion strength", true),
    ANKLE_DORSIFLEXION("exam.strength.ankleDorsiflexion", Shape.BILATERAL, mrc(), "ankle dorsiflexion strength", true),
    GREAT_TOE_EXTENSION("exam.strength.greatToeExtension", Shape.BILATERAL, mrc(), "great toe extension strength",
            true),
    ANKLE_EVERSION("exam.strength.ankleEversion", Shape.BILATERAL, mrc(), "ankle eversion strength", true),
    ANKLE_INVERSION("exam.strength.ankleInversion", Shape.BILATERAL, mrc(), "ankle inversion strength", true),
    ANKLE_PLANTARFLEXION("exam.strength.anklePlantarflexion", Shape.BILATERAL, mrc(), "ankle plantarflexion strength",
            true),
    DERMATOMAL_LOSS("exam.sensory.dermatomalLoss", Shape.SIDED_LIST,
            ValueDomain.codes("l2", "l3", "l4", "l5", "s1", "s2", "saddle"), "dermatomal sensory loss", true),
    NERVE_TERRITORY_LOSS("exam.sensory.nerveTerritoryLoss", Shape.SIDED_LIST, ValueDomain.codes(
            "common-fibular", "superficial-fibular", "deep-fibular", "tibial-plantar", "sural", "saphenous",
            "interdigital"), "sensory loss in a nerve territory", true),
    STOCKING_DISTRIBUTION("exam.sensory.stockingDistribution", Shape.SCALAR, ValueDomain.flag(),
            "stocking-distribution sensory loss", true),
    VIBRATION_GREAT_TOE("exam.sensory.vibrationGreatToe", Shape.BILATERAL, normalReducedAbsent(),
            "vibration sense at the great toe", true),
    MONOFILAMENT("exam.sensory.monofilament", Shape.BILATERAL, normalReducedAbsent(), "10 g monofilament sensation",
            true),
    STRAIGHT_LEG_RAISE("exam.neuralTension.straightLegRaise", Shape.BILATERAL, positiveNegative(),
            "straight-leg raise", true),
    CROSSED_STRAIGHT_LEG_RAISE("exam.neuralTension.crossedStraightLegRaise", Shape.BILATERAL, positiveNegative(),
            "crossed straight-leg raise", true),
    SLUMP("exam.neuralTension.slump", Shape.BILATERAL, positiveNegative(), "slump test", true),
    FEMORAL_STRETCH("exam.neuralTension.femoralStretch", Shape.BILATERAL, positiveNegative(), "femoral stretch test",
            true),
    LUMBAR_EXTENSION_REPRODUCES("exam.lumbar.extensionReproducesLegSymptoms", Shape.SCALAR, ValueDomain.flag(),
            "leg symptoms on lumbar extension", true),
    MIDLINE_TENDERNESS("exam.lumbar.midlineTenderness", Shape.SCALAR, ValueDomain.flag(),
            "spinous-process tenderness", true),
    SACROILIAC_PROVOCATION("exam.sacroiliac.provocationPositiveCount", Shape.BILATERAL, ValueDomain.examinedIntegers(0, 5, 0),
            "positive sacroiliac provocation tests", true),
    FAIR_TEST("exam.hip.fairTest", Shape.BILATERAL, positiveNegative(), "FAIR test", true),
    DEEP_GLUTEAL_TENDERNESS("exam.hip.deepGlutealTenderness", Shape.BILATERAL, presentAbsent(),
            "deep gluteal tenderness", true),
    PLANTAR_FASCIA_TENDERNESS("exam.foot.plantarFasciaTenderness", Shape.BILATERAL, presentAbsent(),
            "plantar fascia tenderness", true),
    INTERDIGITAL_TENDERNESS("exam.foot.interdigitalTenderness", Shape.BILATERAL, presentAbsent(),
            "web-space tenderness", true),
    ACHILLES_TENDERNESS("exam.foot.achillesTenderness", Shape.BILATERAL, presentAbsent(),
            "Achilles tendon tenderness", true),
    WINDLASS("exam.foot.windlass", Shape.BILATERAL, positiveNegative(), "windlass test", true),
    TINEL_TARSAL_TUNNEL("exam.foot.tinelTarsalTunnel", Shape.BILATERAL, positiveNegative(),
            "Tinel sign at the tarsal tunnel", true),
    TINEL_FIBULAR_HEAD("exam.foot.tinelFibularHead", Shape.BILATERAL, positiveNegative(),
            "Tinel sign at the fibular head", true),
    MULDER_CLICK("exam.foot.mulderClick", Shape.BILATERAL, positiveNegative(), "Mulder click", true),
    DORSALIS_PEDIS_PULSE("exam.vascular.dorsalisPedisPulse", Shape.BILATERAL, pulse(), "dorsalis pedis pulse", true),
    POSTERIOR_TIBIAL_PULSE("exam.vascular.posteriorTibialPulse", Shape.BILATERAL, pulse(), "posterior tibial pulse",
            true),
    ANKLE_BRACHIAL_INDEX("exam.vascular.ankleBrachialIndex", Shape.BILATERAL, ValueDomain.examinedNumbers(0.0, 3.0, 1.1),
            "ankle-brachial index", true),
    WIDE_BASED_GAIT("exam.gait.wideBased", Shape.SCALAR, ValueDomain.flag(), "wide-based gait", true),
    ROMBERG("exam.gait.romberg", Shape.SCALAR, positiveNegative(), "Romberg test", true),
    TEMPERATURE("exam.temperatureCelsius", Shape.SCALAR, ValueDomain.examinedNumbers(30, 45, 37.0), "temperature (°C)", true);

    /** How a finding sits in the request: one value, a set of listed items, a value per leg, or a list of sided items. */
    public enum Shape { SCALAR, SET, BILATERAL, SIDED_LIST }

    static {
        if (values().length > Long.SIZE) {
            throw new IllegalStateException("FindingPath.bit() holds at most 64 findings");
        }
        for (FindingPath path : values()) {
            if (path.codeCount() > Long.SIZE) {
                throw new IllegalStateException(path.path + ": codeBits() holds at most 64 codes");
            }
        }
    }

    private static final Map<String, FindingPath> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FindingPath::path, Function.identity()));

    private final String path;
    private final Shape shape;
    private final ValueDomain domain;
    private final String label;
    private final boolean examination;
    /** For a coded finding, each code's position in its list (see {@link #codeIndex}); empty otherwise. */
    private final Map<String, Integer> codeIndexes;

    FindingPath(String path, Shape shape, ValueDomain domain, String label, boolean examination) {
        this.path = path;
        this.shape = shape;
        this.domain = domain;
        this.label = label;
        this.examination = examination;
        Map<String, Integer> indexes = new HashMap<>();
        if (domain instanceof ValueDomain.Codes coded) {
            for (int i = 0; i < coded.codes().size(); i++) {
                indexes.put(coded.codes().get(i), i);
            }
        }
        this.codeIndexes = Map.copyOf(indexes);
    }

    public String path() {
        return path;
    }

    public Shape shape() {
        return shape;
    }

    public ValueDomain domain() {
        return domain;
    }

    /** A readable name for texts a clinician reads ("Achilles reflex"). */
    public String label() {
        return label;
    }

    /** True for findings of the physical examination, the ones worth suggesting to examine next. */
    public boolean examination() {
        return examination;
    }

    /** This finding as one bit of a {@code long} (there are fewer than 64), for sets of findings held as numbers. */
    public long bit() {
        return 1L << ordinal();
    }

    public boolean sided() {
        return shape == Shape.BILATERAL || shape == Shape.SIDED_LIST;
    }

    /**
     * The codes of a coded finding as bits of one number, bit i for the domain's i-th code ({@link #codeIndex}), so that
     * whether a patient supplied any of an outcome's codes is one AND; a code outside the domain has no bit.
     */
    public long codeBits(Collection<String> codes) {
        long bits = 0;
        for (String code : codes) {
            int at = codeIndex(code);
            if (at >= 0) {
                bits |= 1L << at;
            }
        }
        return bits;
    }

    /** The position of a code in this finding's list of codes (under 64), or -1 when it is not one of them. */
    public int codeIndex(String code) {
        return codeIndexes.getOrDefault(code, -1);
    }

    /** How many codes a coded finding has (at most 64, so that a set of them is one {@code long}). */
    public int codeCount() {
        return codeIndexes.size();
    }

    public static Optional<FindingPath> fromPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    public static List<FindingPath> all() {
        return List.of(values());
    }

    private static ValueDomain reflexGrades() {
        return ValueDomain.examined("normal", "absent", "diminished", "normal", "brisk");
    }

    private static ValueDomain positiveNegative() {
        return ValueDomain.examined("negative", "positive", "negative");
    }

    private static ValueDomain presentAbsent() {
        return ValueDomain.examined("absent", "present", "absent");
    }

    private static ValueDomain normalReducedAbsent() {
        return ValueDomain.examined("normal", "normal", "reduced", "absent");
    }

    private static ValueDomain pulse() {
        return ValueDomain.examined("normal", "normal", "diminished", "absent");
    }

    private static ValueDomain mrc() {
        return ValueDomain.examinedIntegers(0, 5, 5);
    }
}

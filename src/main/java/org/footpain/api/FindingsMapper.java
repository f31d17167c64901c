package org.footpain.api;

import org.footpain.api.dto.AnkleBrachialIndices;
import org.footpain.api.dto.AssessmentRequest;
import org.footpain.api.dto.AssessmentRequest.Exam;
import org.footpain.api.dto.AssessmentRequest.History;
import org.footpain.api.dto.DermatomalLoss;
import org.footpain.api.dto.MrcGrades;
import org.footpain.api.dto.NerveTerritoryLoss;
import org.footpain.api.dto.ProvocationCounts;
import org.footpain.api.dto.Sided;
import org.footpain.api.dto.WireCode;
import org.footpain.engine.Finding;
import org.footpain.engine.Presentation;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Setting;
import org.footpain.knowledge.Side;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns a validated request into the engine's presentation. This is the one place of the JSON API where
 * "absent is not normal" is decided: a field left out (or null) yields no finding at all, a listed set
 * item yields a present finding, and nothing else is inferred.
 */
public final class FindingsMapper {

    private FindingsMapper() {
    }

    public static Presentation toPresentation(AssessmentRequest request) {
        Setting setting = request.context() == null || request.context().setting() == null
                ? Setting.DEFAULT
                : Setting.fromCode(request.context().setting().code());
        List<Finding> findings = new ArrayList<>();
        AssessmentRequest.Patient patient = request.patient();
        findings.add(Finding.count(FindingPath.AGE, Side.UNSIDED, patient.ageYears()));
        code(findings, FindingPath.SEX, patient.sex());
        items(findings, FindingPath.RISK_FACTORS, patient.riskFactors());
        if (request.history() != null) {
            history(findings, request.history());
        }
        if (request.exam() != null) {
            exam(findings, request.exam());
        }
        return new Presentation(setting, findings);
    }

    private static void history(List<Finding> findings, History history) {
        code(findings, FindingPath.SYMPTOM_SIDE, history.symptomSide());
        if (history.durationWeeks() != null) {
            findings.add(Finding.measure(FindingPath.DURATION_WEEKS, Side.UNSIDED, history.durationWeeks()));
        }
        code(findings, FindingPath.ONSET, history.onset());
        items(findings, FindingPath.PAIN_LOCATIONS, history.painLocations());
        items(findings, FindingPath.SYMPTOMS, history.symptoms());
        items(findings, FindingPath.AGGRAVATED_BY, history.aggravatedBy());
        items(findings, FindingPath.RELIEVED_BY, history.relievedBy());
        flag(findings, FindingPath.RED_FLAGS_SCREENED, history.redFlagsScreened());
        items(findings, FindingPath.RED_FLAGS, history.redFlags());
    }

    private static void exam(List<Finding> findings, Exam exam) {
        sided(findings, FindingPath.HEEL_WALK, exam.heelWalk());
        sided(findings, FindingPath.TOE_WALK, exam.toeWalk());
        with(exam.reflexes(), r -> {
            sided(findings, FindingPath.PATELLAR_REFLEX, r.patellar());
            sided(findings, FindingPath.ACHILLES_REFLEX, r.achilles());
            sided(findings, FindingPath.PLANTAR_RESPONSE, r.plantarResponse());
            sided(findings, FindingPath.ANKLE_CLONUS, r.ankleClonus());
            sided(findings, FindingPath.HOFFMANN, r.hoffmann());
            sided(findings, FindingPath.INVERTED_SUPINATOR, r.invertedSupinator());
        });
        with(exam.strength(), s -> {
            mrc(findings, FindingPath.HIP_FLEXION, s.hipFlexion());
            mrc(findings, FindingPath.HIP_ABDUCTION, s.hipAbduction());
            mrc(findings, FindingPath.KNEE_EXTENSION, s.kneeExtension());
            mrc(findings, FindingPath.KNEE_FLEXION, s.kneeFlexion());
            mrc(findings, FindingPath.ANKLE_DORSIFLEXION, s.ankleDorsiflexion());
            mrc(findings, FindingPath.GREAT_TOE_EXTENSION, s.greatToeExtension());
            mrc(findings, FindingPath.ANKLE_EVERSION, s.ankleEversion());
            mrc(findings, FindingPath.ANKLE_INVERSION, s.ankleInversion());
            mrc(findings, FindingPath.ANKLE_PLANTARFLEXION, s.anklePlantarflexion());
        });
        with(exam.sensory(), s -> {
            if (s.dermatomalLoss() != null) {
                for (DermatomalLoss loss : s.dermatomalLoss()) {
                    findings.add(Finding.code(FindingPath.DERMATOMAL_LOSS, Side.fromCode(loss.side().code()),
                            loss.dermatome().code()));
                }
            }
            if (s.nerveTerritoryLoss() != null) {
                for (NerveTerritoryLoss loss : s.nerveTerritoryLoss()) {
                    findings.add(Finding.code(FindingPath.NERVE_TERRITORY_LOSS, Side.fromCode(loss.side().code()),
                            loss.nerve().code()));
                }
            }
            flag(findings, FindingPath.STOCKING_DISTRIBUTION, s.stockingDistribution());
            sided(findings, FindingPath.VIBRATION_GREAT_TOE, s.vibrationGreatToe());
            sided(findings, FindingPath.MONOFILAMENT, s.monofilament());
        });
        with(exam.neuralTension(), n -> {
            sided(findings, FindingPath.STRAIGHT_LEG_RAISE, n.straightLegRaise());
            sided(findings, FindingPath.CROSSED_STRAIGHT_LEG_RAISE, n.crossedStraightLegRaise());
            sided(findings, FindingPath.SLUMP, n.slump());
            sided(findings, FindingPath.FEMORAL_STRETCH, n.femoralStretch());
        });
        with(exam.lumbar(), l -> {
            flag(findings, FindingPath.LUMBAR_EXTENSION_REPRODUCES, l.extensionReproducesLegSymptoms());
            flag(findings, FindingPath.MIDLINE_TENDERNESS, l.midlineTenderness());
        });
        with(exam.sacroiliac(), s -> counts(findings, s.provocationPositiveCount()));
        with(exam.hip(), h -> {
            sided(findings, FindingPath.FAIR_TEST, h.fairTest());
            sided(findings, FindingPath.DEEP_GLUTEAL_TENDERNESS, h.deepGlutealTenderness());
        });
        with(exam.foot(), f -> {
            sided(findings, FindingPath.PLANTAR_FASCIA_TENDERNESS, f.plantarFasciaTenderness());
            sided(findings, FindingPath.INTERDIGITAL_TENDERNESS, f.interdigitalTenderness());
            sided(findings, FindingPath.ACHILLES_TENDERNESS, f.achillesTenderness());
            sided(findings, FindingPath.WINDLASS, f.windlass());
            sided(findings, FindingPath.TINEL_TARSAL_TUNNEL, f.tinelTarsalTunnel());
            sided(findings, FindingPath.TINEL_FIBULAR_HEAD, f.tinelFibularHead());
            sided(findings, FindingPath.MULDER_CLICK, f.mulderClick());
        });
        with(exam.vascular(), v -> {
            sided(findings, FindingPath.DORSALIS_PEDIS_PULSE, v.dorsalisPedisPulse());
            sided(findings, FindingPath.POSTERIOR_TIBIAL_PULSE, v.posteriorTibialPulse());
            abi(findings, v.ankleBrachialIndex());
        });
        with(exam.gait(), g -> {
            flag(findings, FindingPath.WIDE_BASED_GAIT, g.wideBased());
            code(findings, FindingPath.ROMBERG, g.romberg());
        });
        if (exam.temperatureCelsius() != null) {
            findings.add(Finding.measure(FindingPath.TEMPERATURE, Side.UNSIDED, exam.temperatureCelsius()));
        }
    }

    private static <T> void with(T section, Consumer<T> read) {
        if (section != null) {
            read.accept(section);
        }
    }

    private static void code(List<Finding> findings, FindingPath path, WireCode value) {
        if (value != null) {
            findings.add(Finding.code(path, Side.UNSIDED, value.code()));
        }
    }

    private static void flag(List<Finding> findings, FindingPath path, Boolean value) {
        if (value != null) {
            findings.add(Finding.flag(path, value));
        }
    }

    private static void items(List<Finding> findings, FindingPath path, List<? extends WireCode> items) {
        if (items != null) {
            items.forEach(item -> findings.add(Finding.item(path, item.code())));
        }
    }

    private static void sided(List<Finding> findings, FindingPath path, Sided<? extends WireCode> sided) {
        perLeg(findings, sided, Sided::left, Sided::right,
                (leg, value) -> Finding.code(path, leg, value.code()));
    }

    private static void mrc(List<Finding> findings, FindingPath path, MrcGrades grades) {
        perLeg(findings, grades, MrcGrades::left, MrcGrades::right, (leg, value) -> Finding.count(path, leg, value));
    }

    private static void counts(List<Finding> findings, ProvocationCounts counts) {
        perLeg(findings, counts, ProvocationCounts::left, ProvocationCounts::right,
                (leg, value) -> Finding.count(FindingPath.SACROILIAC_PROVOCATION, leg, value));
    }

    private static void abi(List<Finding> findings, AnkleBrachialIndices abi) {
        perLeg(findings, abi, AnkleBrachialIndices::left, AnkleBrachialIndices::right,
                (leg, value) -> Finding.measure(FindingPath.ANKLE_BRACHIAL_INDEX, leg, value));
    }

    private static <P, V> void perLeg(List<Finding> findings, P pair, Function<P, V> left, Function<P, V> right,
                                      BiFunction<Side, V, Finding> finding) {
        if (pair == null) {
            return;
        }
        V l = left.apply(pair);
        V r = right.apply(pair);
        if (l != null) {
            findings.add(finding.apply(Side.LEFT, l));
        }
        if (r != null) {
            findings.add(finding.apply(Side.RIGHT, r));
        }
    }
}

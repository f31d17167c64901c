package org.footpain.api;

import org.footpain.api.dto.AssessmentRequest;
import org.footpain.api.dto.AssessmentResponse;
import org.footpain.api.dto.DermatomalLoss;
import org.footpain.api.dto.Dermatome;
import org.footpain.api.dto.LossSide;
import org.footpain.api.dto.Nerve;
import org.footpain.api.dto.NerveTerritoryLoss;
import org.footpain.api.dto.Setting;
import org.footpain.api.dto.WireCode;
import org.footpain.engine.Assessment;
import org.footpain.engine.Finding;
import org.footpain.engine.FindingValue;
import org.footpain.engine.diagnostics.SuggestedDiagnostic;
import org.footpain.engine.nextfinding.NextFinding;
import org.footpain.engine.scoring.Evidence;
import org.footpain.engine.scoring.ReportedLaterality;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.engine.triage.TriageReason;
import org.footpain.knowledge.Citation;
import org.footpain.knowledge.Coding;
import org.footpain.knowledge.Condition;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.Side;
import org.footpain.knowledge.Timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes the engine's assessment in the contract's shape: evidence named by contract path and value,
 * numbers with the citation a clinician can check, side-specific codes for the reported laterality, and
 * the differential cut to the requested length.
 */
final class AssessmentResponses {

    private final KnowledgeBase kb;

    AssessmentResponses(KnowledgeBase kb) {
        this.kb = kb;
    }

    AssessmentResponse of(Assessment assessment, AssessmentRequest request, int limit) {
        List<AssessmentResponse.RankedCondition> differential = new ArrayList<>();
        List<ScoredCondition> ranked = assessment.differential();
        for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
            ScoredCondition c = ranked.get(i);
            differential.add(new AssessmentResponse.RankedCondition(i + 1, condition(c.condition(), c.laterality()),
                    c.probability(), c.laterality().code(), c.evidence().stream().map(this::evidence).toList()));
        }
        return new AssessmentResponse(
                UUID.randomUUID().toString(),
                new AssessmentResponse.KnowledgeBaseRef(assessment.knowledgeBaseVersion()),
                new AssessmentResponse.ContextEcho(wire(Setting.values(), assessment.setting().code())),
                new AssessmentResponse.Triage(assessment.triage().level().code(),
                        assessment.triage().reasons().stream().map(r -> reason(r, request)).toList()),
                differential,
                assessment.diagnostics().stream().map(this::diagnostic).toList(),
                assessment.nextBestFindings().stream().map(AssessmentResponses::nextFinding).toList(),
                assessment.warnings().stream().map(w -> new AssessmentResponse.Warning(w.code(), w.message())).toList());
    }

    private AssessmentResponse.ConditionRef condition(Condition condition, ReportedLaterality laterality) {
        return new AssessmentResponse.ConditionRef(condition.id(), condition.name(),
                condition.codesFor(laterality.side()).stream().map(AssessmentResponses::code).toList());
    }

    private AssessmentResponse.Evidence evidence(Evidence e) {
        String direction = e.likelihoodRatio() > 1 ? "supports" : "opposes";
        Citation citation = e.citation();
        double weight = Math.round(e.weight() * 1000) / 1000.0;
        if (e instanceof Evidence.ClusterScore cluster) {
            return new AssessmentResponse.Evidence("cluster:" + cluster.clusterId(), cluster.positive(),
                    e.likelihoodRatio(), direction, weight, citation.sourceId(), source(citation),
                    citation.basis().code(), cluster.components().stream().map(AssessmentResponses::path).toList(), null);
        }
        if (e instanceof Evidence.ScreenedAbsent absent) {
            return new AssessmentResponse.Evidence(FindingPath.RED_FLAGS_SCREENED.path(), Boolean.TRUE,
                    e.likelihoodRatio(), direction, weight, citation.sourceId(), source(citation),
                    citation.basis().code(), null, absent.redFlag());
        }
        Finding finding = e.findings().get(0);
        return new AssessmentResponse.Evidence(path(finding), value(finding), e.likelihoodRatio(), direction, weight,
                citation.sourceId(), source(citation), citation.basis().code(), null, null);
    }

    private AssessmentResponse.TriageReason reason(TriageReason reason, AssessmentRequest request) {
        List<String> findings = reason.findings().stream().map(f -> requestPath(f, request)).distinct().toList();
        List<String> sourceIds = reason.sources().stream().map(Citation::sourceId).distinct().toList();
        String source = kb.describeSources(reason.sources());
        return new AssessmentResponse.TriageReason(reason.code(), reason.text(), findings, source, sourceIds,
                reason.level().code());
    }

    private AssessmentResponse.SuggestedDiagnostic diagnostic(SuggestedDiagnostic d) {
        Citation first = d.sources().get(0);
        String source = kb.describeSources(d.sources());
        Integer afterWeeks = d.timing() instanceof Timing.IfNoImprovement wait ? wait.afterWeeks() : null;
        return new AssessmentResponse.SuggestedDiagnostic(d.test().id(), d.test().name(),
                d.test().codes().stream().map(AssessmentResponses::code).toList(), d.timing().code(), afterWeeks,
                d.forConditions(), d.rationale(), first.sourceId(), source);
    }

    private static AssessmentResponse.NextBestFinding nextFinding(NextFinding n) {
        String side = n.side() == Side.UNSIDED ? null : n.side().code();
        return new AssessmentResponse.NextBestFinding(n.path().path(), side, n.separates(), n.rationale(),
                Math.round(n.informationGain() * 1000) / 1000.0);
    }

    private String source(Citation citation) {
        return kb.describe(citation);
    }

    /** The contract path of a finding, with the side as last step for findings per leg. */
    static String path(Finding finding) {
        return finding.path().shape() == FindingPath.Shape.BILATERAL
                ? finding.path().path() + "." + finding.side().code()
                : finding.path().path();
    }

    /** The JSON path of a finding in the request, with the index of a set or list item. */
    static String requestPath(Finding finding, AssessmentRequest request) {
        FindingPath path = finding.path();
        if (path.shape() == FindingPath.Shape.BILATERAL || path.shape() == FindingPath.Shape.SCALAR) {
            return path(finding);
        }
        String code = ((FindingValue.Code) finding.value()).code();
        List<?> items = items(path, request);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            boolean same = item instanceof WireCode w ? w.code().equals(code)
                    : item instanceof DermatomalLoss d
                    ? d.dermatome().code().equals(code) && d.side().code().equals(finding.side().code())
                    : item instanceof NerveTerritoryLoss n
                    && n.nerve().code().equals(code) && n.side().code().equals(finding.side().code());
            if (same) {
                return path.path() + "[" + i + "]";
            }
        }
        return path.path();
    }

    private static List<?> items(FindingPath path, AssessmentRequest request) {
        AssessmentRequest.History h = request.history();
        AssessmentRequest.Exam exam = request.exam();
        List<?> items = switch (path) {
            case RISK_FACTORS -> request.patient().riskFactors();
            case PAIN_LOCATIONS -> h == null ? null : h.painLocations();
            case SYMPTOMS -> h == null ? null : h.symptoms();
            case AGGRAVATED_BY -> h == null ? null : h.aggravatedBy();
            case RELIEVED_BY -> h == null ? null : h.relievedBy();
            case RED_FLAGS -> h == null ? null : h.redFlags();
            case DERMATOMAL_LOSS -> exam == null || exam.sensory() == null ? null : exam.sensory().dermatomalLoss();
            case NERVE_TERRITORY_LOSS -> exam == null || exam.sensory() == null ? null
                    : exam.sensory().nerveTerritoryLoss();
            default -> null;
        };
        return items == null ? List.of() : items;
    }

    /** The supplied value as the request gave it; a list item as its object. */
    static Object value(Finding finding) {
        FindingValue value = finding.value();
        if (finding.path().shape() == FindingPath.Shape.SIDED_LIST) {
            String code = ((FindingValue.Code) value).code();
            LossSide side = wire(LossSide.values(), finding.side().code());
            return finding.path() == FindingPath.DERMATOMAL_LOSS
                    ? new DermatomalLoss(wire(Dermatome.values(), code), side)
                    : new NerveTerritoryLoss(wire(Nerve.values(), code), side);
        }
        if (value instanceof FindingValue.Code code) {
            return code.code();
        }
        if (value instanceof FindingValue.Count count) {
            return count.value();
        }
        if (value instanceof FindingValue.Measure measure) {
            return measure.value();
        }
        return ((FindingValue.Flag) value).value();
    }

    private static AssessmentResponse.Code code(Coding coding) {
        return new AssessmentResponse.Code(coding.system(), coding.code(), coding.display());
    }

    private static <E extends Enum<E> & WireCode> E wire(E[] values, String code) {
        return Arrays.stream(values).filter(v -> v.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code));
    }
}

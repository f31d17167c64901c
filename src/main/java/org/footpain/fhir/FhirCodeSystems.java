package org.footpain.fhir;

import org.footpain.engine.Warning;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.TriageLevel;
import org.footpain.knowledge.TriageRule;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service's own CodeSystems as FHIR resources, declared as the service's: every code the FHIR adapter
 * writes or reads outside LOINC and SNOMED CT, with its display, generated from the mapping and the knowledge
 * base so it cannot drift from them.
 */
public final class FhirCodeSystems {

    private final Map<String, CodeSystem> byId = new LinkedHashMap<>();

    public FhirCodeSystems(FhirMapping mapping, KnowledgeBase kb) {
        Map<String, Map<String, String>> concepts = new LinkedHashMap<>();
        mapping.codeSystems().keySet().forEach(id -> concepts.put(id, new LinkedHashMap<>()));
        mapping.fields().values().forEach(field -> {
            concepts.get("finding").put(field.code().code(), field.code().display());
            field.codingByValue().values().forEach(c -> concepts.get("finding-value").putIfAbsent(c.code(), c.display()));
        });
        mapping.riskFactorCodings().values().forEach(c -> concepts.get("risk-factor").put(c.code(), c.display()));
        mapping.settingCodings().values().forEach(c -> concepts.get("setting").put(c.code(), c.display()));
        kb.conditions().forEach(c -> concepts.get("condition").put(c.id(), c.name()));
        kb.tests().forEach(t -> concepts.get("diagnostic").put(t.id(), t.name()));
        for (TriageRule rule : kb.triageRules()) {
            concepts.get("triage-reason").putIfAbsent(rule.code(), rule.code().equals("high-probability-dangerous-condition")
                    ? "High estimated probability of a dangerous condition" : rule.title());
        }
        for (TriageLevel level : TriageLevel.values()) {
            concepts.get("triage-level").put(level.code(), "Triage " + level.code());
        }
        concepts.get("warning").put(Warning.FEW_FINDINGS, "Few findings: confidence is low");
        concepts.get("warning").put(Warning.AGE_UNDER_18, "Under 18: outside the adult population of the evidence");
        concepts.get("warning").put(Warning.CONTRADICTORY_FINDINGS, "Findings contradict each other");
        mapping.imagingOverrideReasons().forEach(c -> concepts.get("imaging-override-reason").put(c.code(), c.display()));

        mapping.codeSystems().values().forEach(info -> {
            CodeSystem cs = new CodeSystem();
            cs.setId(info.id());
            cs.setUrl(info.url());
            cs.setVersion(kb.version());
            cs.setName(info.title().replaceAll("[^A-Za-z0-9]", ""));
            cs.setTitle(info.title());
            cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
            cs.setExperimental(false);
            cs.setPublisher("Foot and leg pain assessment service");
            cs.setDescription(info.description() + " Defined by this service, not by an external terminology.");
            cs.setCaseSensitive(true);
            cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
            concepts.get(info.id()).forEach((code, display) -> cs.addConcept().setCode(code).setDisplay(display));
            cs.setCount(cs.getConcept().size());
            byId.put(info.id(), cs);
        });
    }

    public Optional<CodeSystem> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, CodeSystem> all() {
        return byId;
    }
}

package org.footpain.knowledge;

/** A code from a terminology (ICD-10-CM, SNOMED CT, CPT), shaped as FHIR's Coding. */
public record Coding(String system, String code, String display) {
    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String SNOMED_CT = "http://snomed.info/sct";
    public static final String CPT = "http://www.ama-assn.org/go/cpt";
}

package org.footpain.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.footpain.fhir.MappedBundles;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing a request carries reaches the log: not a finding, an age, a name, a misspelt value or a malformed body,
 * in successful answers, refusals or errors. The requests are full of values found nowhere else; the log of
 * their handling is searched for every one of them.
 */
@QuarkusTest
class LogLeakTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "zqx4711";

    /** Values of the contract example that say something about the patient; none may be logged. */
    private static final List<String> FINDINGS = List.of("lateral-foot", "posterior-thigh", "cough-sneeze-strain",
            "leg-pain-worse-than-back-pain", "dermatomalLoss", "straightLegRaise", "anklePlantarflexion", "ageYears",
            "diabetes", "\"age\"", "\"sex\"");

    private static RequestSpecification clinician() {
        return given().header("Authorization", "Bearer " + TestIdentityProvider.clinician());
    }

    private static ObjectNode contractExample() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/requests/contract-example.json")));
    }

    @Test
    void no_request_content_appears_in_the_log() throws IOException {
        List<String> assessmentIds = new ArrayList<>();
        String log;
        try (LogCapture capture = new LogCapture()) {
            // a valid assessment, with an age found nowhere else
            ObjectNode valid = contractExample();
            ((ObjectNode) valid.path("patient")).put("ageYears", 93);
            assessmentIds.add(clinician().contentType("application/json").body(valid.toString())
                    .post("/v1/assessments").then().statusCode(200).extract().path("assessmentId"));

            // refusals of bad input: a misspelt finding value, an unknown field, a wrong type, a malformed body
            ObjectNode misspelt = contractExample();
            ((ObjectNode) misspelt.path("exam").path("heelWalk")).put("left", "impared-" + MARK);
            ((ObjectNode) misspelt.path("exam")).put("unknownTest" + MARK, true);
            ((ObjectNode) misspelt.path("patient")).put("sex", "male-" + MARK);
            clinician().contentType("application/json").body(misspelt.toString())
                    .post("/v1/assessments").then().statusCode(400);
            clinician().contentType("application/json").body("{\"patient\":{\"ageYears\":" + MARK + "-old")
                    .post("/v1/assessments").then().statusCode(400);
            clinician().contentType("application/json").body("{\"patient\":{\"ageYears\":\"ninety-" + MARK + "\"}}")
                    .post("/v1/assessments").then().statusCode(400);
            // refused before any endpoint runs: no token, a token that is a patient's name, an unknown path
            given().contentType("application/json").body(valid.toString()).post("/v1/assessments")
                    .then().statusCode(401);
            given().header("Authorization", "Bearer Jane." + MARK + ".Doe").contentType("application/json")
                    .body(valid.toString()).post("/v1/assessments").then().statusCode(401);
            given().get("/v1/patients/Jane-" + MARK + "?dob=1931-02-03").then().statusCode(404);

            // FHIR: a named patient, an unmapped Observation with free text, then a mapped one with a bad value
            MappedBundles.Mapped mapped = MappedBundles.published().bundle(contractExample(), MappedBundles.Options.plain());
            Bundle bundle = mapped.bundle();
            bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
                    .map(Patient.class::cast).forEach(p -> p.addName().setFamily("Leakington" + MARK).addGiven("Jane"));
            Observation vitals = new Observation();
            vitals.setId("obs-" + MARK);
            vitals.setStatus(Observation.ObservationStatus.FINAL);
            CodeableConcept mood = new CodeableConcept().setText("mood " + MARK);
            mood.addCoding().setSystem("http://example.org/" + MARK).setCode("code-" + MARK);
            vitals.setCode(mood);
            vitals.setValue(new StringType("patient says " + MARK));
            bundle.addEntry().setFullUrl("urn:uuid:1d4b8a6c-0f0e-4d6b-a1a5-" + "4711aa4711aa").setResource(vitals);
            clinician().contentType("application/fhir+json").body(MappedBundles.json(bundle))
                    .post("/v1/fhir/assessments").then().statusCode(200);
            String badValue = MappedBundles.json(bundle).replace("\"impaired\"", "\"impaired-" + MARK + "\"");
            clinician().contentType("application/fhir+json").body(badValue)
                    .post("/v1/fhir/assessments").then().statusCode(400);
            clinician().contentType("application/fhir+json").body("{\"resourceType\":\"Bundle\",\"id\":" + MARK)
                    .post("/v1/fhir/assessments").then().statusCode(400);

            // CDS Hooks: a call whose context names a patient, refused for its token, and one with a broken body
            String hook = "{\"hook\":\"patient-view\",\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\","
                    + "\"context\":{\"userId\":\"Practitioner/" + MARK + "\",\"patientId\":\"pat-" + MARK + "\"}}";
            given().contentType("application/json").header("Authorization", "Bearer x." + MARK + ".y").body(hook)
                    .post("/cds-services/foot-leg-pain-assessment").then().statusCode(401);
            log = capture.text();
        }

        assertTrue(log.contains("\"event\":\"request\""), "the request lines were captured: " + log);
        assertTrue(log.contains(assessmentIds.get(0)), "the assessment's id is logged: " + log);
        assertTrue(!log.toLowerCase().contains(MARK), "a request value reached the log: " + log);
        for (String finding : FINDINGS) {
            assertTrue(!log.contains(finding), finding + " reached the log: " + log);
        }
    }
}

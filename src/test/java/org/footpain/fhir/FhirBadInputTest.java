package org.footpain.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.footpain.fhir.MappedBundles.Mapped;
import org.footpain.fhir.MappedBundles.Options;
import org.footpain.http.DeclaredBody;
import org.footpain.http.Roles;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything an EHR can send wrong to {@code POST /v1/fhir/assessments}: each answer is a 4xx with
 * {@code application/fhir+json} and an OperationOutcome holding an error issue, which names the entry and
 * element ({@code Bundle.entry[3].resource.valueCodeableConcept}) when the problem lies inside a resource; never
 * a 5xx, and the service answers a valid request afterwards. And nothing is ignored silently: a resource the
 * service cannot use is listed in the answer's OperationOutcome as not used, and moves nothing.
 * The bodies are dev-001 (acute left S1 radiculopathy) as {@link MappedBundles} builds it, altered one way each.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT) // authentication itself: AuthenticationTest
class FhirBadInputTest {

    private static final String FINDING_VALUE = FhirAnswer.OWN + "finding-value";
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String UCUM = "http://unitsofmeasure.org";
    private static final String CLINICAL_STATUS = "http://terminology.hl7.org/CodeSystem/condition-clinical";

    private final MappedBundles mapped = MappedBundles.published();

    @TestHTTPResource(FhirAnswer.ASSESSMENTS)
    URI assessments;

    // ---------------------------------------------------------------------------------------------------
    // not FHIR

    @Test
    void plain_text_is_rejected_with_an_operation_outcome() {
        assertRejected(FhirAnswer.raw("Left leg pain, absent ankle jerk.", ""), 400);
    }

    @Test
    void plain_text_sent_as_text_plain_is_answered_with_an_operation_outcome() {
        assertRejected(given().contentType("text/plain").body("Left leg pain, absent ankle jerk.")
                .post(FhirAnswer.ASSESSMENTS), 415);
    }

    @Test
    void json_array_is_rejected_with_an_operation_outcome() {
        assertRejected(FhirAnswer.raw("[" + base().json() + "]", ""), 400);
    }

    @Test
    void malformed_json_is_rejected_with_an_operation_outcome() {
        String json = base().json();
        assertRejected(FhirAnswer.raw(json.substring(0, json.length() / 2), ""), 400);
    }

    @Test
    void empty_body_is_rejected_with_an_operation_outcome() {
        assertRejected(FhirAnswer.raw("", ""), 400);
    }

    @Test
    void json_of_the_assessment_contract_is_not_fhir() {
        String contract = Vignettes.byId("dev-001").request().toString();
        assertRejected(FhirAnswer.raw(contract, ""), 400);
    }

    @Test
    void unknown_resource_type_is_rejected_with_an_operation_outcome() {
        assertRejected(FhirAnswer.raw(base().json().replaceFirst("\"Bundle\"", "\"Bunddle\""), ""), 400);
    }

    @Test
    void body_over_the_size_limit_is_answered_with_an_operation_outcome() throws IOException {
        // a 6 MiB body declared (over the endpoint's 5 MiB), not a byte sent
        DeclaredBody answer = DeclaredBody.answer(assessments, FhirAnswer.FHIR_JSON, 6 * 1024 * 1024);
        assertTrue(answer.head().startsWith("HTTP/1.1 413"), answer.head());
        assertTrue(answer.head().toLowerCase(Locale.ROOT).contains("content-type: " + FhirAnswer.FHIR_JSON), answer.head());
        OperationOutcome outcome = MappedBundles.FHIR.newJsonParser().parseResource(OperationOutcome.class, answer.body());
        assertEquals(OperationOutcome.IssueSeverity.ERROR, outcome.getIssueFirstRep().getSeverity());
        FhirAnswer.post(base().json());
    }

    @Test
    void chunked_body_over_the_size_limit_is_answered_with_an_operation_outcome() throws Exception {
        // without a Content-Length the body is cut off while it is read
        Mapped body = base();
        patient(body.bundle()).getText().setStatus(Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + "x".repeat(6 * 1024 * 1024) + "</div>");
        byte[] bytes = MappedBundles.json(body.bundle()).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(assessments)
                .header("Content-Type", FhirAnswer.FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 413 || response.statusCode() == 400, "status " + response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(FhirAnswer.FHIR_JSON),
                response.headers().toString());
        OperationOutcome outcome = MappedBundles.FHIR.newJsonParser().parseResource(OperationOutcome.class,
                response.body());
        assertEquals(OperationOutcome.IssueSeverity.ERROR, outcome.getIssueFirstRep().getSeverity());
        FhirAnswer.post(base().json());
    }

    @Test
    void wrong_http_method_is_answered_with_an_operation_outcome() {
        assertRejected(given().get(FhirAnswer.ASSESSMENTS), 405);
    }

    // ---------------------------------------------------------------------------------------------------
    // a wrong resource type

    @Test
    void bare_patient_is_not_an_assessment_request() {
        OperationOutcome outcome = assertRejected(FhirAnswer.raw(MappedBundles.json(patient(base().bundle())), ""), 400);
        assertTrue(diagnostics(outcome).contains("Bundle"), "says what to send instead: " + diagnostics(outcome));
    }

    @Test
    void bare_observation_is_not_an_assessment_request() {
        Observation achilles = observation(base().bundle(), "exam.reflexes.achilles", "left");
        assertRejected(FhirAnswer.raw(MappedBundles.json(achilles), ""), 400);
    }

    @Test
    void operation_outcome_is_not_an_assessment_request() {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.VALUE);
        assertRejected(FhirAnswer.raw(MappedBundles.json(outcome), ""), 400);
    }

    // ---------------------------------------------------------------------------------------------------
    // values the contract does not allow, named by entry and element

    @Test
    void unknown_value_on_a_mapped_code_names_the_entry_and_element() {
        Mapped body = base();
        Observation achilles = observation(body.bundle(), "exam.reflexes.achilles", "left");
        achilles.setValue(new CodeableConcept(new Coding(FINDING_VALUE, "gone", "Gone")));
        assertRejectedAt(body.bundle(), expression(body.bundle(), achilles) + ".valueCodeableConcept");
    }

    @Test
    void value_of_another_finding_is_not_a_reflex_grade() {
        Mapped body = base();
        Observation achilles = observation(body.bundle(), "exam.reflexes.achilles", "left");
        achilles.setValue(new CodeableConcept(mapped.valueCoding("exam.neuralTension.straightLegRaise", "positive")));
        assertRejectedAt(body.bundle(), expression(body.bundle(), achilles) + ".valueCodeableConcept");
    }

    @Test
    void value_string_for_a_coded_finding_names_the_entry_and_value() {
        Mapped body = base();
        Observation achilles = observation(body.bundle(), "exam.reflexes.achilles", "left");
        achilles.setValue(new StringType("absent"));
        OperationOutcome outcome = assertRejected(post(body.bundle()), 400);
        String at = expression(body.bundle(), achilles) + ".value";
        assertTrue(expressions(outcome).stream().anyMatch(e -> e.startsWith(at)), at + " in " + expressions(outcome));
    }

    @Test
    void mrc_grade_7_is_out_of_range() {
        Mapped body = base();
        Observation strength = observation(body.bundle(), "exam.strength.anklePlantarflexion", "left");
        strength.setValue(new IntegerType(7));
        assertRejectedAt(body.bundle(), expression(body.bundle(), strength) + ".valueInteger");
    }

    @Test
    void negative_mrc_grade_is_out_of_range() {
        Mapped body = base();
        Observation strength = observation(body.bundle(), "exam.strength.ankleDorsiflexion", "right");
        strength.setValue(new IntegerType(-1));
        assertRejectedAt(body.bundle(), expression(body.bundle(), strength) + ".valueInteger");
    }

    @Test
    void age_131_is_out_of_range() {
        Mapped body = base();
        Observation age = observation(body.bundle(), "patient.ageYears", null);
        age.setValue(new IntegerType(131));
        assertRejectedAt(body.bundle(), expression(body.bundle(), age) + ".valueInteger");
    }

    @Test
    void ankle_brachial_index_4_is_out_of_range() {
        Mapped body = base();
        Observation abi = sided(body, "exam.vascular.ankleBrachialIndex", "left",
                mapped.quantity("exam.vascular.ankleBrachialIndex", new BigDecimal("4.0")));
        assertRejectedAt(body.bundle(), expression(body.bundle(), abi) + ".valueQuantity.value");
    }

    @Test
    void ankle_brachial_index_in_percent_is_a_wrong_unit() {
        Mapped body = base();
        Observation abi = sided(body, "exam.vascular.ankleBrachialIndex", "left",
                new Quantity().setValue(new BigDecimal("90")).setUnit("%").setSystem(UCUM).setCode("%"));
        assertRejectedAt(body.bundle(), expression(body.bundle(), abi) + ".valueQuantity.code");
    }

    @Test
    void temperature_in_fahrenheit_is_a_wrong_unit() {
        Mapped body = base();
        Observation temperature = unsided(body, "exam.temperatureCelsius",
                new Quantity().setValue(new BigDecimal("101.3")).setUnit("degF").setSystem(UCUM).setCode("[degF]"));
        assertRejectedAt(body.bundle(), expression(body.bundle(), temperature) + ".valueQuantity.code");
    }

    @Test
    void duration_quantity_without_a_value_is_rejected() {
        Mapped body = base();
        Observation duration = observation(body.bundle(), "history.durationWeeks", null);
        duration.setValue(new Quantity().setUnit("weeks").setSystem(UCUM).setCode("wk"));
        OperationOutcome outcome = assertRejected(post(body.bundle()), 400);
        String at = expression(body.bundle(), duration) + ".value";
        assertTrue(expressions(outcome).stream().anyMatch(e -> e.startsWith(at)), at + " in " + expressions(outcome));
    }

    @Test
    void boolean_finding_given_as_a_code_is_rejected() {
        Mapped body = base();
        Observation screened = unsided(body, "history.redFlagsScreened",
                new CodeableConcept(mapped.valueCoding("exam.reflexes.ankleClonus", "absent")));
        OperationOutcome outcome = assertRejected(post(body.bundle()), 400);
        String at = expression(body.bundle(), screened) + ".value";
        assertTrue(expressions(outcome).stream().anyMatch(e -> e.startsWith(at)), at + " in " + expressions(outcome));
    }

    @Test
    void onset_date_in_the_future_is_rejected() {
        Mapped body = base();
        Observation duration = observation(body.bundle(), "history.durationWeeks", null);
        duration.setValue(new DateTimeType(body.today().plusDays(10).toString()));
        OperationOutcome outcome = assertRejected(post(body.bundle()), 400);
        String at = expression(body.bundle(), duration) + ".value";
        assertTrue(expressions(outcome).stream().anyMatch(e -> e.startsWith(at)), at + " in " + expressions(outcome));
    }

    @Test
    void per_leg_finding_without_body_site_laterality_names_the_body_site() {
        Mapped body = base();
        Observation achilles = observation(body.bundle(), "exam.reflexes.achilles", "left");
        achilles.setBodySite(null);
        assertRejectedAt(body.bundle(), expression(body.bundle(), achilles) + ".bodySite");
    }

    @Test
    void per_leg_finding_with_a_body_site_that_is_no_side_names_the_body_site() {
        Mapped body = base();
        Observation achilles = observation(body.bundle(), "exam.reflexes.achilles", "left");
        achilles.setBodySite(new CodeableConcept(new Coding(SNOMED, "56459004", "Foot structure")));
        assertRejectedAt(body.bundle(), expression(body.bundle(), achilles) + ".bodySite");
    }

    @Test
    void every_offending_value_is_listed_at_once() {
        Mapped body = base();
        Observation achilles = observation(body.bundle(), "exam.reflexes.achilles", "left");
        achilles.setValue(new CodeableConcept(new Coding(FINDING_VALUE, "gone", "Gone")));
        Observation strength = observation(body.bundle(), "exam.strength.anklePlantarflexion", "left");
        strength.setValue(new IntegerType(7));
        OperationOutcome outcome = assertRejected(post(body.bundle()), 400);
        List<String> expressions = expressions(outcome);
        assertTrue(expressions.contains(expression(body.bundle(), achilles) + ".valueCodeableConcept"), expressions.toString());
        assertTrue(expressions.contains(expression(body.bundle(), strength) + ".valueInteger"), expressions.toString());
    }

    @Test
    void fraction_in_an_integer_names_the_element() {
        String body = base().json().replaceFirst("\"valueInteger\":\\s*41", "\"valueInteger\": 41.5");
        assertTrue(body.contains("41.5"), "the age Observation carries valueInteger 41");
        OperationOutcome outcome = assertRejected(FhirAnswer.raw(body, ""), 400);
        assertTrue((diagnostics(outcome) + expressions(outcome)).contains("valueInteger"),
                "the OperationOutcome names the element: " + MappedBundles.json(outcome));
    }

    @Test
    void unknown_administrative_gender_names_the_element() {
        String body = base().json().replaceFirst("\"gender\":\\s*\"male\"", "\"gender\": \"M\"");
        assertTrue(body.contains("\"M\""));
        OperationOutcome outcome = assertRejected(FhirAnswer.raw(body, ""), 400);
        assertTrue((diagnostics(outcome) + expressions(outcome)).contains("gender"),
                "the OperationOutcome names the element: " + MappedBundles.json(outcome));
    }

    // ---------------------------------------------------------------------------------------------------
    // the patient

    @Test
    void bundle_without_a_patient_is_rejected() {
        Mapped body = base();
        body.bundle().getEntry().removeIf(e -> e.getResource() instanceof Patient);
        assertRejected(post(body.bundle()), 400);
    }

    @Test
    void bundle_with_two_patients_names_the_second() {
        Mapped body = base();
        Patient second = new Patient();
        second.setGender(AdministrativeGender.FEMALE);
        second.setBirthDateElement(new DateType("1950-03-01"));
        body.bundle().addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(second);
        OperationOutcome outcome = assertRejected(post(body.bundle()), 400);
        String at = expression(body.bundle(), second);
        assertTrue(expressions(outcome).stream().anyMatch(e -> e.startsWith(at)), at + " in " + expressions(outcome));
    }

    @Test
    void an_observation_about_another_patient_is_refused_naming_its_subject() {
        Mapped body = base();
        Observation achilles = observation(body.bundle(), "exam.reflexes.achilles", "left");
        achilles.setSubject(new Reference("Patient/someone-else"));
        assertRejectedAt(body.bundle(), expression(body.bundle(), achilles) + ".subject");
    }

    @Test
    void patient_without_birth_date_or_age_observation_names_the_birth_date() {
        Mapped body = base();
        body.bundle().getEntry().remove(index(body.bundle(), observation(body.bundle(), "patient.ageYears", null)));
        Patient patient = patient(body.bundle());
        assertRejectedAt(body.bundle(), expression(body.bundle(), patient) + ".birthDate");
    }

    @Test
    void birth_date_in_the_future_is_rejected() {
        Mapped body = base();
        body.bundle().getEntry().remove(index(body.bundle(), observation(body.bundle(), "patient.ageYears", null)));
        Patient patient = patient(body.bundle());
        patient.setBirthDateElement(new DateType(body.today().plusYears(1).toString()));
        assertRejectedAt(body.bundle(), expression(body.bundle(), patient) + ".birthDate");
    }

    @Test
    void two_observations_giving_different_values_for_one_finding_are_a_conflict() {
        Mapped body = base();
        Observation second = sided(body, "exam.reflexes.achilles", "left",
                new CodeableConcept(mapped.valueCoding("exam.reflexes.achilles", "normal")));
        OperationOutcome outcome = assertRejected(post(body.bundle()), 400);
        String at = expression(body.bundle(), second);
        assertTrue(expressions(outcome).stream().anyMatch(e -> e.startsWith(at)), at + " in " + expressions(outcome));
    }

    @Test
    void the_same_finding_twice_with_the_same_value_is_one_finding_citing_both() {
        Mapped body = base();
        FhirAnswer once = FhirAnswer.post(body.json(), "?limit=18");
        Observation again = sided(body, "exam.reflexes.achilles", "left",
                new CodeableConcept(mapped.valueCoding("exam.reflexes.achilles", "absent")));
        String againUrl = body.bundle().getEntry().get(index(body.bundle(), again)).getFullUrl();
        FhirAnswer twice = FhirAnswer.post(MappedBundles.json(body.bundle()), "?limit=18");
        assertEquals(once.probabilities(), twice.probabilities());
        assertTrue(FhirAnswer.references(twice.byCondition().get("s1-radiculopathy").getBasis()).contains(againUrl));
    }

    // ---------------------------------------------------------------------------------------------------
    // Parameters and the query

    @Test
    void parameters_with_an_unknown_parameter_names_it() {
        Mapped body = mapped.parameters(Vignettes.byId("dev-001").request(), Options.plain());
        body.parameters().addParameter().setName("urgency").setValue(new StringType("high"));
        int i = body.parameters().getParameter().size() - 1;
        assertRejectedAt(body.parameters(), "Parameters.parameter[" + i + "]");
    }

    @Test
    void parameters_with_an_unknown_setting_names_it() {
        Mapped body = mapped.parameters(Vignettes.byId("dev-001").request(), Options.plain());
        Parameters.ParametersParameterComponent setting = body.parameters().getParameter().stream()
                .filter(p -> p.getName().equals("setting")).findFirst().orElseThrow();
        setting.setValue(new CodeType("hospital-at-home"));
        int i = body.parameters().getParameter().indexOf(setting);
        OperationOutcome outcome = assertRejected(post(body.parameters()), 400);
        String at = "Parameters.parameter[" + i + "]";
        assertTrue(expressions(outcome).stream().anyMatch(e -> e.startsWith(at)), at + " in " + expressions(outcome));
    }

    @Test
    void limit_outside_1_to_50_is_rejected() {
        for (String limit : List.of("0", "51", "-1", "abc", "5.0", "")) {
            assertRejected(FhirAnswer.raw(base().json(), "?limit=" + limit), 400);
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // nothing ignored silently

    @Test
    void blood_pressure_panel_is_listed_as_not_used_and_moves_nothing() {
        Mapped body = base();
        Observation bp = FhirValidationTest.bloodPressure(body);
        assertNotUsedAndMovesNothing(body, bp);
    }

    @Test
    void entered_in_error_observation_is_listed_as_not_used_and_moves_nothing() {
        Mapped body = base();
        Observation wrong = new Observation();
        wrong.setStatus(Observation.ObservationStatus.ENTEREDINERROR);
        wrong.setCode(new CodeableConcept(mapped.fieldCoding("exam.reflexes.achilles")));
        wrong.setBodySite(new CodeableConcept(mapped.sideCoding("right")));
        wrong.setValue(new CodeableConcept(mapped.valueCoding("exam.reflexes.achilles", "absent")));
        wrong.setSubject(new Reference(body.patientReference()));
        assertNotUsedAndMovesNothing(body, wrong);
    }

    @Test
    void observation_with_data_absent_reason_and_no_value_is_listed_as_not_used_and_moves_nothing() {
        Mapped body = base();
        Observation notDone = new Observation();
        notDone.setStatus(Observation.ObservationStatus.FINAL);
        notDone.setCode(new CodeableConcept(mapped.fieldCoding("exam.reflexes.ankleClonus")));
        notDone.setBodySite(new CodeableConcept(mapped.sideCoding("left")));
        notDone.setDataAbsentReason(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-performed", "Not Performed")));
        notDone.setSubject(new Reference(body.patientReference()));
        assertNotUsedAndMovesNothing(body, notDone);
    }

    @Test
    void resolved_risk_factor_condition_is_listed_as_not_used_and_moves_nothing() {
        Mapped body = base();
        Condition cancer = riskFactor(body, "cancer-history", "resolved");
        assertNotUsedAndMovesNothing(body, cancer);
    }

    @Test
    void active_risk_factor_condition_does_move_the_estimate() {
        // the control for the resolved one: the same Condition, active, raises the estimate of malignancy
        Mapped body = base();
        FhirAnswer without = FhirAnswer.post(body.json(), "?limit=18");
        body.bundle().addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(riskFactor(body, "cancer-history", "active"));
        FhirAnswer with = FhirAnswer.post(MappedBundles.json(body.bundle()), "?limit=18");
        assertTrue(with.probabilities().get("spinal-malignancy") > without.probabilities().get("spinal-malignancy"));
        assertTrue(with.notUsed().isEmpty(), with.notUsed().toString());
    }

    @Test
    void refuted_risk_factor_condition_is_listed_as_not_used_and_moves_nothing() {
        Mapped body = base();
        Condition drugs = riskFactor(body, "intravenous-drug-use", "active");
        drugs.setVerificationStatus(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted", "Refuted")));
        assertNotUsedAndMovesNothing(body, drugs);
    }

    @Test
    void condition_coded_outside_the_mapping_is_listed_as_not_used_and_moves_nothing() {
        Mapped body = base();
        Condition hypertension = new Condition();
        hypertension.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL_STATUS, "active", "Active")));
        hypertension.setCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10-cm", "I10",
                "Essential (primary) hypertension")));
        hypertension.setSubject(new Reference(body.patientReference()));
        assertNotUsedAndMovesNothing(body, hypertension);
    }

    @Test
    void medication_statement_is_listed_as_not_used_and_moves_nothing() {
        Mapped body = base();
        MedicationStatement medication = new MedicationStatement();
        medication.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        medication.setMedication(new CodeableConcept().setText("naproxen 500 mg twice daily"));
        medication.setSubject(new Reference(body.patientReference()));
        assertNotUsedAndMovesNothing(body, medication);
    }

    @Test
    void encounter_naming_no_known_setting_is_listed_as_not_used() {
        Mapped body = base();
        Encounter inpatient = new Encounter();
        inpatient.setStatus(Encounter.EncounterStatus.INPROGRESS);
        inpatient.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
        inpatient.setSubject(new Reference(body.patientReference()));
        assertNotUsedAndMovesNothing(body, inpatient);
    }

    @Test
    void second_encounter_naming_another_setting_is_not_ignored_silently() {
        // dev-001 is seen in primary care; a second Encounter says emergency department: either a conflict (400
        // naming the second Encounter) or listed as not used, never dropped without a word
        Mapped body = base();
        Encounter emergency = new Encounter();
        emergency.setStatus(Encounter.EncounterStatus.INPROGRESS);
        emergency.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "EMER", "emergency"));
        emergency.setServiceType(new CodeableConcept(new Coding(FhirAnswer.OWN + "setting", "emergency-department",
                "Emergency department")));
        emergency.setSubject(new Reference(body.patientReference()));
        body.bundle().addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(emergency);
        String at = expression(body.bundle(), emergency);
        Response response = post(body.bundle());
        if (response.statusCode() == 200) {
            FhirAnswer answer = FhirAnswer.post(MappedBundles.json(body.bundle()));
            assertEquals(List.of(at), answer.notUsed(), "the second Encounter is neither used nor listed as not used");
        } else {
            OperationOutcome outcome = assertRejected(response, 400);
            assertTrue(expressions(outcome).stream().anyMatch(e -> e.startsWith(at)), at + " in " + expressions(outcome));
        }
    }

    @Test
    void encounter_contradicting_the_setting_parameter_is_not_ignored_silently() {
        // a Parameters body says primary care in its setting parameter and holds an emergency Encounter
        Mapped body = mapped.parameters(Vignettes.byId("dev-001").request(), Options.plain());
        Encounter emergency = new Encounter();
        emergency.setId("encounter-ed");
        emergency.setStatus(Encounter.EncounterStatus.INPROGRESS);
        emergency.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "EMER", "emergency"));
        emergency.setSubject(new Reference(body.patientReference()));
        body.parameters().addParameter().setName("resource").setResource(emergency);
        String at = "Parameters.parameter[" + (body.parameters().getParameter().size() - 1) + "]";
        Response response = post(body.parameters());
        if (response.statusCode() == 200) {
            FhirAnswer answer = FhirAnswer.post(MappedBundles.json(body.parameters()));
            assertTrue(answer.notUsed().stream().anyMatch(e -> e.startsWith(at)),
                    "the Encounter is neither used nor listed as not used: " + answer.notUsed());
        } else {
            OperationOutcome outcome = assertRejected(response, 400);
            assertTrue(expressions(outcome).stream().anyMatch(e -> e.startsWith(at)), at + " in " + expressions(outcome));
        }
    }

    @Test
    void unknown_json_element_is_reported_as_not_read() {
        Mapped body = base();
        FhirAnswer before = FhirAnswer.post(body.json(), "?limit=18");
        ObjectNode json = Vignettes.parse(body.json());
        ArrayNode entries = (ArrayNode) json.path("entry");
        ((ObjectNode) entries.get(entries.size() - 1).path("resource")).put("laterality", "left");
        FhirAnswer after = FhirAnswer.post(json.toString(), "?limit=18");
        assertEquals(before.probabilities(), after.probabilities());
        assertTrue(after.outcome().getIssue().stream().anyMatch(i -> i.getDiagnostics() != null
                        && i.getDiagnostics().contains("laterality")
                        && i.getSeverity() != OperationOutcome.IssueSeverity.INFORMATION),
                "a warning names the element not read: " + MappedBundles.json(after.outcome()));
    }

    /** Adds the resource to the body: the answer lists it as not used and equals the answer without it. */
    private void assertNotUsedAndMovesNothing(Mapped body, Resource extra) {
        FhirAnswer without = FhirAnswer.post(body.json(), "?limit=18");
        assertTrue(without.notUsed().isEmpty(), "the base body uses everything: " + without.notUsed());
        body.bundle().addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(extra);
        String at = expression(body.bundle(), extra);
        FhirAnswer with = FhirAnswer.post(MappedBundles.json(body.bundle()), "?limit=18");
        assertEquals(List.of(at), with.notUsed(), "the " + extra.fhirType() + " is listed as not used");
        OperationOutcome.OperationOutcomeIssueComponent issue = with.outcome().getIssue().stream()
                .filter(i -> i.getExpression().stream().anyMatch(e -> e.getValue().equals(at))).findFirst().orElseThrow();
        assertTrue(issue.getSeverity() == OperationOutcome.IssueSeverity.INFORMATION
                || issue.getSeverity() == OperationOutcome.IssueSeverity.WARNING, "not an error: " + issue.getSeverity());
        assertTrue(issue.getDiagnostics().toLowerCase().contains("not used"), issue.getDiagnostics());
        assertEquals(without.probabilities(), with.probabilities(), "the " + extra.fhirType() + " moved the estimates");
        assertEquals(without.triageLevel(), with.triageLevel());
        assertEquals(without.triageReasons(), with.triageReasons());
        assertEquals(without.diagnostics(), with.diagnostics());
        String extraUrl = body.bundle().getEntry().get(index(body.bundle(), extra)).getFullUrl();
        with.riskAssessments().forEach(r -> assertFalse(FhirAnswer.references(r.getBasis()).contains(extraUrl),
                FhirAnswer.conditionId(r) + " cites the unused resource"));
    }

    // ---------------------------------------------------------------------------------------------------

    private Mapped base() {
        return mapped.bundle(Vignettes.byId("dev-001").request(), Options.plain());
    }

    private static Response post(Resource body) {
        return FhirAnswer.raw(MappedBundles.json(body), "");
    }

    /** A 4xx FHIR OperationOutcome with an error issue, after which a valid request still answers. */
    private OperationOutcome assertRejected(Response response, int status) {
        String answer = response.asString();
        assertEquals(status, response.statusCode(), () -> "status; body: " + answer);
        String type = Objects.requireNonNullElse(response.contentType(), "");
        assertTrue(type.startsWith(FhirAnswer.FHIR_JSON), "Content-Type " + type + "; body: " + answer);
        OperationOutcome outcome = MappedBundles.FHIR.newJsonParser().parseResource(OperationOutcome.class, answer);
        assertTrue(outcome.getIssue().stream().anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL), "an error issue: " + answer);
        outcome.getIssue().forEach(i -> assertTrue(i.hasDiagnostics() || i.hasDetails(), "issue says what: " + answer));
        FhirAnswer.post(base().json());
        return outcome;
    }

    /** Rejected 400 with an error issue whose expression is exactly this one. */
    private void assertRejectedAt(Resource body, String expression) {
        OperationOutcome outcome = assertRejected(post(body), 400);
        assertTrue(outcome.getIssue().stream().anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                        && i.getExpression().stream().anyMatch(e -> e.getValue().equals(expression))),
                "an error issue at " + expression + ": " + MappedBundles.json(outcome));
    }

    private static List<String> expressions(OperationOutcome outcome) {
        return outcome.getIssue().stream().flatMap(i -> i.getExpression().stream().map(e -> e.getValue())).toList();
    }

    private static String diagnostics(OperationOutcome outcome) {
        return String.join(" | ", outcome.getIssue().stream().map(i -> Objects.toString(i.getDiagnostics(), "")).toList());
    }

    private static int index(Bundle bundle, Resource resource) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() == resource) {
                return i;
            }
        }
        throw new AssertionError(resource.fhirType() + " is not in the bundle");
    }

    private static String expression(Bundle bundle, Resource resource) {
        return "Bundle.entry[" + index(bundle, resource) + "].resource";
    }

    private static Patient patient(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
    }

    /** The Observation of a field (on this side, for a per-leg field) in a body MappedBundles built. */
    private Observation observation(Bundle bundle, String field, String side) {
        Coding code = mapped.fieldCoding(field);
        String sideCode = side == null ? null : mapped.sideCoding(side).getCode();
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof Observation o && o.getCode().getCodingFirstRep().getCode().equals(code.getCode())
                        && (sideCode == null || sideCode.equals(o.getBodySite().getCodingFirstRep().getCode())))
                .map(Observation.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no Observation of " + field + " " + side));
    }

    /** Appends an Observation of a per-leg field. */
    private Observation sided(Mapped body, String field, String side, Type value) {
        Observation o = unsided(body, field, value);
        o.setBodySite(new CodeableConcept(mapped.sideCoding(side)));
        return o;
    }

    /** Appends an Observation of a field. */
    private Observation unsided(Mapped body, String field, Type value) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(mapped.fieldCoding(field)));
        o.setSubject(new Reference(body.patientReference()));
        o.setValue(value);
        body.bundle().addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(o);
        return o;
    }

    private Condition riskFactor(Mapped body, String riskFactor, String clinicalStatus) {
        Condition condition = new Condition();
        condition.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL_STATUS, clinicalStatus, null)));
        condition.setCode(new CodeableConcept(mapped.riskFactorCoding(riskFactor)));
        condition.setSubject(new Reference(body.patientReference()));
        return condition;
    }
}

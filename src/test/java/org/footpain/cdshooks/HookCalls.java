package org.footpain.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.footpain.fhir.MappedBundles;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Test helper: a patient's chart as an EHR holds it (built from a contract request through the published mapping,
 * as the FHIR tests do), the hook requests an EHR sends about it, signed, and the stub FHIR server's controls.
 */
final class HookCalls {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final MappedBundles MAPPED = MappedBundles.published();
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private HookCalls() {
    }

    /** A chart: the Patient, exam Observations (category exam), Conditions and the Encounter, all about one patient. */
    record Chart(String patientId, Patient patient, List<Observation> observations, List<Condition> conditions,
                 Optional<Encounter> encounter) {

        /** The prefetch an EHR sends for the services' templates. */
        ObjectNode prefetch() {
            ObjectNode prefetch = JSON.createObjectNode();
            prefetch.set("patient", json(patient));
            prefetch.set("observations", searchset(observations));
            prefetch.set("conditions", searchset(conditions));
            encounter.ifPresent(e -> prefetch.set("encounter", json(e)));
            return prefetch;
        }

        ObjectNode context() {
            ObjectNode context = JSON.createObjectNode().put("userId", "Practitioner/example").put("patientId", patientId);
            encounter.ifPresent(e -> context.put("encounterId", e.getIdElement().getIdPart()));
            return context;
        }

        /** The chart as the stub FHIR server keeps it. */
        ObjectNode forStub(int pageSize) {
            ObjectNode stub = JSON.createObjectNode();
            stub.set("patient", json(patient));
            ArrayNode obs = stub.putArray("observations");
            observations.forEach(o -> obs.add(json(o)));
            ArrayNode cond = stub.putArray("conditions");
            conditions.forEach(c -> cond.add(json(c)));
            encounter.ifPresent(e -> stub.set("encounter", json(e)));
            stub.put("pageSize", pageSize);
            return stub;
        }
    }

    /** The chart an EHR would hold for this contract request, under a fresh patient id. */
    static Chart chart(JsonNode request) {
        return chart(request, "pt-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The chart an EHR would hold for this contract request, under this patient id. */
    static Chart chart(JsonNode request, String patientId) {
        MappedBundles.Mapped mapped = MAPPED.bundle(request, MappedBundles.Options.plain()); // the setting as an Encounter
        Patient patient = null;
        List<Observation> observations = new ArrayList<>();
        List<Condition> conditions = new ArrayList<>();
        Encounter encounter = null;
        int n = 0;
        for (MappedBundles.Made made : mapped.made()) {
            Resource resource = made.resource();
            Reference subject = new Reference("Patient/" + patientId);
            if (resource instanceof Patient p) {
                p.setId(patientId);
                patient = p;
            } else if (resource instanceof Observation o) {
                o.setId(patientId + "-obs-" + n++);
                o.setSubject(subject);
                o.setCategory(List.of(new CodeableConcept(new Coding(CATEGORY, "exam", "Exam"))));
                observations.add(o);
            } else if (resource instanceof Condition c) {
                c.setId(patientId + "-cond-" + n++);
                c.setSubject(subject);
                conditions.add(c);
            } else if (resource instanceof Encounter e) {
                e.setId(patientId + "-enc");
                e.setSubject(subject);
                encounter = e;
            }
        }
        return new Chart(patientId, patient, observations, conditions, Optional.ofNullable(encounter));
    }

    static ObjectNode hook(String hook, ObjectNode context) {
        ObjectNode request = JSON.createObjectNode().put("hookInstance", UUID.randomUUID().toString()).put("hook", hook);
        request.set("context", context);
        return request;
    }

    /** A patient-view call with the chart prefetched. */
    static ObjectNode patientView(Chart chart) {
        ObjectNode request = hook("patient-view", chart.context());
        request.set("prefetch", chart.prefetch());
        return request;
    }

    /** Tells the service to read from this FHIR server, with an access token. */
    static ObjectNode readingFrom(ObjectNode request, String fhirServer) {
        request.put("fhirServer", fhirServer);
        request.putObject("fhirAuthorization").put("access_token", "fhir-token-" + UUID.randomUUID())
                .put("token_type", "Bearer").put("expires_in", 300).put("scope", "user/Patient.read user/Observation.read")
                .put("subject", "footpain-cds");
        return request;
    }

    /** An order hook selecting these draft orders. */
    static ObjectNode ordering(String hook, Chart chart, List<ServiceRequest> drafts, boolean selected) {
        ObjectNode context = chart.context();
        ObjectNode bundle = context.putObject("draftOrders").put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        ArrayNode selections = JSON.createArrayNode();
        for (ServiceRequest draft : drafts) {
            draft.setSubject(new Reference("Patient/" + chart.patientId()));
            entries.addObject().set("resource", json(draft));
            selections.add("ServiceRequest/" + draft.getIdElement().getIdPart());
        }
        if (hook.equals("order-select")) {
            context.set("selections", selected ? selections : JSON.createArrayNode().add("MedicationRequest/other"));
        }
        ObjectNode request = hook(hook, context);
        request.set("prefetch", chart.prefetch());
        return request;
    }

    /** A draft order coded as an EHR's order catalogue might code it. */
    static ServiceRequest draftOrder(String id, String system, String code, String display) {
        ServiceRequest order = new ServiceRequest();
        order.setId(id);
        order.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        order.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        order.setCode(new CodeableConcept(new Coding(system, code, display)).setText(display));
        return order;
    }

    static Path keys() {
        return Path.of(ConfigProvider.getConfig().getValue("cds-test.keys", String.class));
    }

    static String token(String serviceId) {
        return EhrTokens.forService(keys(), serviceId).sign();
    }

    /** POSTs to the service (or to {@code id/feedback}) with a fresh token for that URL. */
    static Response call(String path, JsonNode body) {
        return given().header("Authorization", "Bearer " + token(path)).contentType("application/json")
                .body(body.toString()).post("/cds-services/" + path);
    }

    static String stubFhirServer() {
        return ConfigProvider.getConfig().getValue("cds-test.stub-fhir", String.class);
    }

    static void loadIntoStub(String patientId, JsonNode chart) {
        given().body(chart.toString()).put(stubFhirServer().replaceFirst("/fhir$", "") + "/__charts/" + patientId)
                .then().statusCode(204);
    }

    /** The requests the stub FHIR server has received: url and authorization. */
    static JsonNode stubReceived() {
        return parse(given().get(stubFhirServer().replaceFirst("/fhir$", "") + "/__received").asString());
    }

    static JsonNode json(Resource resource) {
        return parse(MappedBundles.json(resource));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode searchset(List<? extends Resource> resources) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset")
                .put("total", resources.size());
        ArrayNode entries = bundle.putArray("entry");
        for (Resource r : resources) {
            entries.addObject().put("fullUrl", "https://ehr.example.org/fhir/" + r.fhirType() + "/"
                    + r.getIdElement().getIdPart()).set("resource", json(r));
        }
        return bundle;
    }
}

package org.footpain.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.footpain.http.DeclaredBody;
import org.footpain.http.Roles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything a client can send wrong to {@code POST /v1/assessments}: each answer is an RFC 9457 problem
 * (application/problem+json with type, title, status and detail, the status in the body equal to the HTTP
 * status) and a 400 names every offending field by its JSON path, all at once. Nothing a client sends may
 * yield a 5xx. Long raw bodies are under {@code src/test/resources/requests/}.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT) // authentication itself: AuthenticationTest
class BadInputTest {

    private static final String ASSESSMENTS = "/v1/assessments";
    private static final String PROBLEM_JSON = "application/problem\\+json(;.*)?";
    private static final String VALID = "{\"patient\":{\"ageYears\":47}}";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource(ASSESSMENTS)
    URI assessments;

    // ---------------------------------------------------------------------------------------------------
    // unknown fields

    @Test
    void unknown_top_level_field_is_rejected_with_its_name() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"notes\":\"left leg hurts\"}"), "notes");
    }

    @Test
    void misspelt_finding_is_rejected_with_its_path_not_dropped() {
        Response response = post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"reflexes\":{\"achillles\":{\"left\":\"absent\"}}}}");
        assertInvalid(response, "exam.reflexes.achillles");
        assertThat(response.jsonPath().getString("violations[0].message"), containsString("did you mean achilles"));
    }

    @Test
    void unknown_side_of_a_bilateral_finding_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"reflexes\":{\"achilles\":{\"middle\":\"absent\"}}}}"), "exam.reflexes.achilles.middle");
    }

    // ---------------------------------------------------------------------------------------------------
    // unknown enum values

    @Test
    void unknown_code_in_a_scalar_enum_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47,\"sex\":\"bloke\"}}"), "patient.sex");
    }

    @Test
    void unknown_setting_is_rejected() {
        assertInvalid(post("{\"context\":{\"setting\":\"intensive-care\"},\"patient\":{\"ageYears\":47}}"),
                "context.setting");
    }

    @Test
    void codes_are_case_sensitive() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47,\"sex\":\"MALE\"}}"), "patient.sex");
    }

    @Test
    void unknown_code_in_an_enum_set_is_rejected_with_its_index() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"history\":{\"symptoms\":[\"numbness\",\"numbnes\"]}}"), "history.symptoms[1]");
    }

    @Test
    void unknown_code_in_a_bilateral_value_is_rejected_with_its_side() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"reflexes\":{\"achilles\":{\"left\":\"gone\",\"right\":\"normal\"}}}}"),
                "exam.reflexes.achilles.left");
    }

    @Test
    void unknown_code_in_a_list_item_is_rejected_with_its_index_and_key() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"sensory\":{\"dermatomalLoss\":[{\"dermatome\":\"s9\",\"side\":\"up\"}]}}}"),
                "exam.sensory.dermatomalLoss[0].dermatome", "exam.sensory.dermatomalLoss[0].side");
    }

    // ---------------------------------------------------------------------------------------------------
    // wrong types

    @Test
    void string_for_an_integer_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":\"47\"}}"), "patient.ageYears");
    }

    @Test
    void number_for_an_enum_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47,\"sex\":1}}"), "patient.sex");
    }

    @Test
    void object_for_an_array_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47,\"riskFactors\":{\"diabetes\":true}}}"),
                "patient.riskFactors");
    }

    @Test
    void array_for_an_object_is_rejected() {
        assertInvalid(post("{\"patient\":[{\"ageYears\":47}]}"), "patient");
    }

    @Test
    void array_for_a_bilateral_finding_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"strength\":{\"ankleDorsiflexion\":[5,5]}}}"), "exam.strength.ankleDorsiflexion");
    }

    @Test
    void boolean_for_a_number_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"history\":{\"durationWeeks\":true}}"),
                "history.durationWeeks");
    }

    @Test
    void boolean_for_an_integer_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":true}}"), "patient.ageYears");
    }

    @Test
    void number_for_a_boolean_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"history\":{\"redFlagsScreened\":1}}"),
                "history.redFlagsScreened");
    }

    @Test
    void string_for_a_boolean_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"gait\":{\"wideBased\":\"true\"}}}"),
                "exam.gait.wideBased");
    }

    @Test
    void string_for_an_object_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":\"normal\"}"), "exam");
    }

    @Test
    void string_for_a_bilateral_finding_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"reflexes\":{\"achilles\":\"absent\"}}}"),
                "exam.reflexes.achilles");
    }

    @Test
    void object_for_a_number_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"temperatureCelsius\":{\"value\":37}}}"),
                "exam.temperatureCelsius");
    }

    @Test
    void list_item_that_is_not_an_object_is_rejected_with_its_index() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"sensory\":{\"dermatomalLoss\":[\"s1\"]}}}"), "exam.sensory.dermatomalLoss[0]");
    }

    // ---------------------------------------------------------------------------------------------------
    // fractional integers

    @Test
    void integer_written_with_a_fraction_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47.0}}"), "patient.ageYears");
    }

    @Test
    void fractional_mrc_grade_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"strength\":{\"ankleDorsiflexion\":{\"left\":4.5,\"right\":5}}}}"),
                "exam.strength.ankleDorsiflexion.left");
    }

    @Test
    void integer_in_exponent_notation_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":1e2}}"), "patient.ageYears");
    }

    @Test
    void fractional_provocation_count_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"sacroiliac\":{\"provocationPositiveCount\":{\"right\":2.5}}}}"),
                "exam.sacroiliac.provocationPositiveCount.right");
    }

    @Test
    void integer_too_large_for_any_integer_type_is_rejected_not_failed() {
        assertInvalid(post("{\"patient\":{\"ageYears\":99999999999999999999999999999999}}"), "patient.ageYears");
    }

    // ---------------------------------------------------------------------------------------------------
    // duplicate keys

    @Test
    void duplicate_top_level_key_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"patient\":{\"ageYears\":48}}"), "patient");
    }

    @Test
    void duplicate_nested_key_is_rejected_with_its_path() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47,\"ageYears\":48}}"), "patient.ageYears");
    }

    @Test
    void duplicate_side_of_a_bilateral_finding_is_rejected_with_its_path() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"reflexes\":{\"achilles\":{\"left\":\"absent\",\"left\":\"normal\"}}}}"),
                "exam.reflexes.achilles.left");
    }

    // ---------------------------------------------------------------------------------------------------
    // ranges: every bound of the contract, just outside

    @Test
    void negative_age_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":-1}}"), "patient.ageYears");
    }

    @Test
    void age_over_120_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":121}}"), "patient.ageYears");
    }

    @Test
    void mrc_grade_6_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"strength\":{\"anklePlantarflexion\":{\"left\":6}}}}"),
                "exam.strength.anklePlantarflexion.left");
    }

    @Test
    void negative_mrc_grade_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"strength\":{\"greatToeExtension\":{\"right\":-1}}}}"),
                "exam.strength.greatToeExtension.right");
    }

    @Test
    void provocation_count_6_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"sacroiliac\":{\"provocationPositiveCount\":{\"left\":6}}}}"),
                "exam.sacroiliac.provocationPositiveCount.left");
    }

    @Test
    void negative_provocation_count_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"sacroiliac\":{\"provocationPositiveCount\":{\"right\":-1}}}}"),
                "exam.sacroiliac.provocationPositiveCount.right");
    }

    @Test
    void ankle_brachial_index_over_3_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"vascular\":{\"ankleBrachialIndex\":{\"left\":3.01}}}}"),
                "exam.vascular.ankleBrachialIndex.left");
    }

    @Test
    void negative_ankle_brachial_index_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},"
                + "\"exam\":{\"vascular\":{\"ankleBrachialIndex\":{\"right\":-0.1}}}}"),
                "exam.vascular.ankleBrachialIndex.right");
    }

    @Test
    void temperature_below_30_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"temperatureCelsius\":29.9}}"),
                "exam.temperatureCelsius");
    }

    @Test
    void temperature_above_45_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"temperatureCelsius\":45.1}}"),
                "exam.temperatureCelsius");
    }

    @Test
    void negative_duration_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"history\":{\"durationWeeks\":-1}}"),
                "history.durationWeeks");
    }

    @Test
    void duration_over_1040_weeks_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"history\":{\"durationWeeks\":1041}}"),
                "history.durationWeeks");
    }

    @Test
    void number_too_large_for_a_double_is_rejected_not_failed() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"history\":{\"durationWeeks\":1e400}}"),
                "history.durationWeeks");
    }

    @Test
    void every_bound_itself_is_accepted() {
        post("{\"patient\":{\"ageYears\":0}}").then().statusCode(200);
        post("{\"patient\":{\"ageYears\":120},"
                + "\"history\":{\"durationWeeks\":0},"
                + "\"exam\":{\"temperatureCelsius\":30,"
                + "\"strength\":{\"ankleDorsiflexion\":{\"left\":0,\"right\":5}},"
                + "\"sacroiliac\":{\"provocationPositiveCount\":{\"left\":0,\"right\":5}},"
                + "\"vascular\":{\"ankleBrachialIndex\":{\"left\":0.0,\"right\":3.0}}}}").then().statusCode(200);
        post("{\"patient\":{\"ageYears\":47},\"history\":{\"durationWeeks\":1040},"
                + "\"exam\":{\"temperatureCelsius\":45}}").then().statusCode(200);
    }

    // ---------------------------------------------------------------------------------------------------
    // null, repeats and list items

    @Test
    void null_patient_is_rejected_as_required() {
        assertInvalid(post("{\"patient\":null}"), "patient");
    }

    @Test
    void missing_patient_is_rejected_as_required() {
        assertInvalid(post("{}"), "patient");
    }

    @Test
    void null_age_is_rejected_as_required() {
        assertInvalid(post("{\"patient\":{\"ageYears\":null}}"), "patient.ageYears");
    }

    @Test
    void missing_age_is_rejected_as_required() {
        assertInvalid(post("{\"patient\":{\"sex\":\"female\"}}"), "patient.ageYears");
    }

    @Test
    void null_for_optional_fields_means_left_out() {
        post("{\"context\":null,\"patient\":{\"ageYears\":47,\"sex\":null,\"riskFactors\":null},"
                + "\"history\":{\"symptomSide\":null,\"durationWeeks\":null,\"symptoms\":null},"
                + "\"exam\":{\"reflexes\":{\"achilles\":{\"left\":null,\"right\":\"normal\"}},"
                + "\"temperatureCelsius\":null}}")
                .then().statusCode(200).contentType(matchesPattern("application/json(;.*)?"))
                .body("context.setting", equalTo("primary-care"));
        post("{\"patient\":{\"ageYears\":47},\"context\":null,\"history\":null,\"exam\":null}")
                .then().statusCode(200);
    }

    @Test
    void null_inside_a_set_is_rejected_with_its_index() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47,\"riskFactors\":[\"diabetes\",null]}}"),
                "patient.riskFactors[1]");
    }

    @Test
    void repeated_set_item_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47,\"riskFactors\":[\"diabetes\",\"smoking\",\"diabetes\"]}}"),
                "patient.riskFactors");
    }

    @Test
    void repeated_list_item_is_rejected() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"sensory\":{\"dermatomalLoss\":["
                + "{\"dermatome\":\"s1\",\"side\":\"left\"},{\"dermatome\":\"s1\",\"side\":\"left\"}]}}}"),
                "exam.sensory.dermatomalLoss");
    }

    @Test
    void list_item_with_an_unknown_field_is_rejected_with_its_path() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"sensory\":{\"dermatomalLoss\":["
                + "{\"dermatome\":\"s1\",\"side\":\"left\",\"severity\":\"dense\"}]}}}"),
                "exam.sensory.dermatomalLoss[0].severity");
    }

    @Test
    void list_item_without_side_is_rejected_with_its_path() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"sensory\":{\"dermatomalLoss\":["
                + "{\"dermatome\":\"s1\"}]}}}"), "exam.sensory.dermatomalLoss[0].side");
    }

    @Test
    void list_item_without_dermatome_is_rejected_with_its_path() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"sensory\":{\"dermatomalLoss\":["
                + "{\"dermatome\":\"l5\",\"side\":\"right\"},{\"side\":\"left\"}]}}}"),
                "exam.sensory.dermatomalLoss[1].dermatome");
    }

    @Test
    void nerve_territory_item_without_nerve_is_rejected_with_its_path() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"sensory\":{\"nerveTerritoryLoss\":["
                + "{\"side\":\"left\"}]}}}"), "exam.sensory.nerveTerritoryLoss[0].nerve");
    }

    @Test
    void every_bad_item_of_a_set_is_listed_even_beside_an_unknown_code() {
        // an unknown code must not hide the null beside it: every offending field at once
        assertInvalid(post("{\"patient\":{\"ageYears\":47,\"riskFactors\":[\"vampirism\",null]}}"),
                "patient.riskFactors[0]", "patient.riskFactors[1]");
    }

    @Test
    void repeated_set_item_is_listed_even_beside_an_unknown_code() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47,"
                + "\"riskFactors\":[\"diabetes\",\"diabetes\",\"vampirism\"]}}"),
                "patient.riskFactors", "patient.riskFactors[2]");
    }

    @Test
    void every_bad_item_of_a_list_is_listed_even_beside_a_wrongly_typed_one() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"sensory\":{\"dermatomalLoss\":["
                + "\"s1\",{\"dermatome\":\"s1\"}]}}}"),
                "exam.sensory.dermatomalLoss[0]", "exam.sensory.dermatomalLoss[1].side");
    }

    // ---------------------------------------------------------------------------------------------------
    // malformed JSON and the body as a whole

    @Test
    void truncated_json_is_rejected_as_a_whole() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47}"), "$");
    }

    @Test
    void trailing_comma_is_rejected_as_a_whole() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},}"), "$");
    }

    @Test
    void single_quotes_are_rejected_as_a_whole() {
        assertInvalid(post("{'patient':{'ageYears':47}}"), "$");
    }

    @Test
    void nan_is_rejected_as_a_whole() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":{\"temperatureCelsius\":NaN}}"), "$");
    }

    @Test
    void trailing_garbage_after_the_object_is_rejected_as_a_whole() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47}} trailing"), "$");
    }

    @Test
    void second_object_after_the_first_is_rejected_as_a_whole() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47}}{\"patient\":{\"ageYears\":48}}"), "$");
    }

    @Test
    void comment_is_rejected_as_a_whole() {
        assertInvalid(post("{\"patient\":{\"ageYears\":47}} /* left leg */"), "$");
    }

    @Test
    void invalid_utf8_is_rejected_as_a_whole() {
        byte[] body = "{\"patient\":{\"ageYears\":47,\"sex\":\"XX\"}}".getBytes(StandardCharsets.US_ASCII);
        body[body.length - 5] = (byte) 0xff;
        body[body.length - 4] = (byte) 0xfe;
        assertInvalid(client().contentType("application/json").body(body).post(ASSESSMENTS), "$");
    }

    @Test
    void empty_body_is_rejected_as_a_whole() {
        assertInvalid(post(""), "$");
    }

    @Test
    void whitespace_only_body_is_rejected_as_a_whole() {
        assertInvalid(post("  \n\t "), "$");
    }

    @Test
    void top_level_array_is_rejected_as_a_whole() {
        assertInvalid(post("[" + VALID + "]"), "$");
    }

    @Test
    void top_level_string_is_rejected_as_a_whole() {
        assertInvalid(post("\"" + VALID.replace("\"", "\\\"") + "\""), "$");
    }

    @Test
    void top_level_number_is_rejected_as_a_whole() {
        assertInvalid(post("47"), "$");
    }

    @Test
    void top_level_null_is_rejected_as_a_whole() {
        assertInvalid(post("null"), "$");
    }

    @Test
    void over_deep_nesting_is_rejected_as_a_whole() {
        // the contract's deepest path is five levels; 64 nested objects is an attack, not a request
        String deep = "{\"a\":".repeat(64) + "1" + "}".repeat(64);
        assertInvalid(post("{\"patient\":{\"ageYears\":47},\"exam\":" + deep + "}"), "$");
    }

    @Test
    void deeply_nested_arrays_are_rejected_without_exhausting_the_stack() {
        // 30,000 levels stay under the 64 KiB limit, so this reaches the parser
        assertInvalid(post("[".repeat(30_000) + "]".repeat(30_000)), "$");
    }

    @Test
    void over_long_string_is_rejected() {
        Response response = post("{\"patient\":{\"ageYears\":47,\"sex\":\"" + "x".repeat(20_000) + "\"}}");
        assertProblem(response, 400);
        assertFalse(response.jsonPath().getList("violations.field", String.class).isEmpty());
    }

    // ---------------------------------------------------------------------------------------------------
    // all at once

    @Test
    void many_errors_in_one_body_are_all_listed_at_once() throws IOException {
        Response response = post(file("many-errors.json"));
        assertInvalid(response,
                "notes",
                "context.setting",
                "patient.ageYears",
                "patient.sex",
                "patient.riskFactors",
                "history.durationWeeks",
                "history.painLocations",
                "history.symptoms[1]",
                "history.redFlagsScreened",
                "exam.heelWalk.left",
                "exam.reflexes.achillles",
                "exam.strength.anklePlantarflexion.left",
                "exam.strength.ankleDorsiflexion.left",
                "exam.strength.ankleDorsiflexion.right",
                "exam.sensory.dermatomalLoss[0].side",
                "exam.sacroiliac.provocationPositiveCount.left",
                "exam.vascular.ankleBrachialIndex.left",
                "exam.vascular.ankleBrachialIndex.right",
                "exam.gait",
                "exam.foot",
                "exam.temperatureCelsius");
        assertThat(response.jsonPath().getString("detail"), containsString("21"));
    }

    @Test
    void wrong_type_and_missing_required_value_are_listed_together() {
        assertInvalid(post("{\"patient\":{\"sex\":\"martian\"},\"history\":{\"durationWeeks\":-2},\"exam\":[]}"),
                "patient.ageYears", "patient.sex", "history.durationWeeks", "exam");
    }

    // ---------------------------------------------------------------------------------------------------
    // 413: bodies over 64 KiB

    @Test
    void body_over_64_kib_is_rejected_with_413() {
        Response response = client().contentType("application/json").body(padded(MAX_BODY_BYTES + 1024))
                .post(ASSESSMENTS);
        assertProblem(response, 413);
    }

    @Test
    void body_one_byte_over_64_kib_is_rejected_with_413() {
        assertProblem(client().contentType("application/json").body(padded(MAX_BODY_BYTES + 1)).post(ASSESSMENTS), 413);
    }

    @Test
    void body_of_exactly_64_kib_is_accepted() {
        client().contentType("application/json").body(padded(MAX_BODY_BYTES)).post(ASSESSMENTS)
                .then().statusCode(200);
    }

    @Test
    void chunked_body_over_64_kib_without_content_length_is_rejected_with_413() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(assessments)
                .header("Content-Type", "application/json")
                .POST(chunked(padded(MAX_BODY_BYTES + 1024))));
        assertRawProblem(response, 413);
    }

    @Test
    void chunked_body_under_64_kib_without_content_length_is_accepted() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(assessments)
                .header("Content-Type", "application/json")
                .POST(chunked(padded(4096))));
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void body_of_many_megabytes_is_rejected_with_a_problem_413_before_it_is_sent() throws IOException {
        // over the 8 MiB HTTP-layer ceiling the answer must still be a problem, not an empty 413; 9 MiB declared,
        // not a byte sent
        DeclaredBody answer = DeclaredBody.answer(assessments, "application/json", 9 * 1024 * 1024);
        assertTrue(answer.head().startsWith("HTTP/1.1 413"), answer.head());
        assertTrue(answer.head().toLowerCase(Locale.ROOT).contains("content-type: application/problem+json"), answer.head());
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertEquals(413, problem.path("status").asInt(), answer.body());
        assertFalse(problem.path("title").asText().isEmpty(), answer.body());
    }

    // ---------------------------------------------------------------------------------------------------
    // 415: other content types

    @Test
    void text_plain_is_rejected_with_415() {
        assertProblem(client().contentType("text/plain").body(VALID).post(ASSESSMENTS), 415);
    }

    @Test
    void application_xml_is_rejected_with_415() {
        assertProblem(client().contentType("application/xml").body("<patient><ageYears>47</ageYears></patient>")
                .post(ASSESSMENTS), 415);
    }

    @Test
    void form_encoding_is_rejected_with_415() {
        assertProblem(client().contentType("application/x-www-form-urlencoded").body("patient.ageYears=47")
                .post(ASSESSMENTS), 415);
    }

    @Test
    void missing_content_type_is_rejected_with_415() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(assessments)
                .POST(HttpRequest.BodyPublishers.ofString(VALID)));
        assertRawProblem(response, 415);
    }

    @Test
    void json_with_a_charset_parameter_is_accepted() {
        client().contentType("application/json; charset=UTF-8").body(VALID).post(ASSESSMENTS)
                .then().statusCode(200);
    }

    // ---------------------------------------------------------------------------------------------------
    // 405 and 404

    @Test
    void get_on_assessments_is_rejected_with_405_allowing_post() {
        assertMethodNotAllowed(client().get(ASSESSMENTS));
    }

    @Test
    void put_on_assessments_is_rejected_with_405_allowing_post() {
        assertMethodNotAllowed(client().contentType("application/json").body(VALID).put(ASSESSMENTS));
    }

    @Test
    void delete_on_assessments_is_rejected_with_405_allowing_post() {
        assertMethodNotAllowed(client().delete(ASSESSMENTS));
    }

    @Test
    void patch_on_assessments_is_rejected_with_405_allowing_post() {
        assertMethodNotAllowed(client().contentType("application/json").body(VALID).patch(ASSESSMENTS));
    }

    @Test
    void post_on_knowledge_is_rejected_with_405_allowing_get() {
        Response response = client().contentType("application/json").body(VALID).post("/v1/knowledge");
        assertProblem(response, 405);
        assertThat(response.header("Allow"), containsString("GET"));
    }

    @Test
    void unknown_path_is_a_404_problem() {
        assertProblem(client().get("/v1/nothing-here"), 404);
        assertProblem(client().contentType("application/json").body(VALID).post("/v1/assessment"), 404);
    }

    // ---------------------------------------------------------------------------------------------------
    // ?limit=N, 1-50

    @Test
    void limit_0_is_rejected_naming_limit() {
        assertInvalid(postWithLimit("0", VALID), "limit");
    }

    @Test
    void limit_51_is_rejected_naming_limit() {
        assertInvalid(postWithLimit("51", VALID), "limit");
    }

    @Test
    void negative_limit_is_rejected_naming_limit() {
        assertInvalid(postWithLimit("-1", VALID), "limit");
    }

    @Test
    void non_numeric_limit_is_rejected_naming_limit() {
        assertInvalid(postWithLimit("abc", VALID), "limit");
    }

    @Test
    void fractional_limit_is_rejected_naming_limit() {
        assertInvalid(postWithLimit("2.5", VALID), "limit");
    }

    @Test
    void empty_limit_is_rejected_naming_limit() {
        // sent raw, so the query is exactly "limit=" whatever a client library makes of an empty value
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(assessments + "?limit="))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VALID)));
        assertRawProblem(response, 400);
        List<String> fields = new ArrayList<>();
        rawJson(response).path("violations").forEach(v -> fields.add(v.path("field").asText()));
        assertEquals(List.of("limit"), fields, response.body());
    }

    @Test
    void bad_limit_and_bad_body_are_listed_together() {
        assertInvalid(postWithLimit("0", "{\"patient\":{\"ageYears\":\"old\"},\"exam\":{\"foo\":1}}"),
                "limit", "patient.ageYears", "exam.foo");
    }

    @Test
    void bad_limit_and_malformed_body_are_listed_together() {
        assertInvalid(postWithLimit("abc", "{\"patient\":"), "limit", "$");
    }

    // ---------------------------------------------------------------------------------------------------
    // never a 5xx, and the service keeps answering

    @Test
    void burst_of_hostile_requests_never_yields_a_5xx_and_the_service_keeps_answering() throws IOException {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Supplier<Answer> hostile : hostileRequests()) {
            Answer answer = hostile.get();
            sent++;
            if (answer.status() >= 500) {
                failures.add("#" + sent + " answered " + answer.status() + ": " + answer.body());
            } else if (answer.status() >= 400 && !answer.contentType().matches(PROBLEM_JSON)) {
                failures.add("#" + sent + " answered " + answer.status() + " as '" + answer.contentType() + "'");
            }
        }
        assertTrue(sent > 300, "the burst is a burst: " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " hostile requests failed: " + failures);
        client().contentType("application/json").body(file("contract-example.json")).post(ASSESSMENTS)
                .then().statusCode(200).body("differential[0].condition.id", equalTo("s1-radiculopathy"));
    }

    /** What a hostile request got back. */
    private record Answer(int status, String contentType, String body) {

        static Answer of(Response response) {
            return new Answer(response.statusCode(), String.valueOf(response.contentType()), response.asString());
        }

        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }
    }

    /**
     * The hostile bodies file line by line (alone and with a bad limit), random corruptions of the contract
     * example (seeded, so a failure can be replayed), then odd bytes, sizes, headers, methods and limits.
     */
    private List<Supplier<Answer>> hostileRequests() throws IOException {
        List<Supplier<Answer>> requests = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/requests/hostile-bodies.txt"))) {
            requests.add(() -> Answer.of(post(line)));
            requests.add(() -> Answer.of(postWithLimit("0", line)));
        }
        byte[] example = file("contract-example.json").getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20261122L);
        for (int i = 0; i < 200; i++) {
            byte[] corrupted = corrupt(example, random);
            requests.add(() -> Answer.of(postBytes("application/json", corrupted)));
        }
        requests.add(() -> Answer.of(postBytes("application/json", new byte[]{0, 0, 0, 0})));
        requests.add(() -> Answer.of(postBytes("application/json", randomBytes(new Random(7), 2048))));
        requests.add(() -> Answer.of(postBytes("application/json", padded(MAX_BODY_BYTES * 2))));
        requests.add(() -> Answer.of(postBytes("application/json", "[".repeat(50_000).getBytes(StandardCharsets.UTF_8))));
        requests.add(() -> Answer.of(postBytes("application/json",
                "{\"a\":".repeat(10_000).getBytes(StandardCharsets.UTF_8))));
        requests.add(() -> Answer.of(postBytes("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})));
        requests.add(() -> Answer.of(postWithLimit("99999999999999999999999", VALID)));
        requests.add(() -> Answer.of(postWithLimit("abc&limit=5", VALID)));
        requests.add(() -> Answer.of(postWithLimit("%00", VALID)));
        requests.add(() -> Answer.of(client().contentType("application/json").accept("text/csv").body(VALID)
                .post(ASSESSMENTS)));
        requests.add(() -> Answer.of(client().contentType("application/json").body(VALID).options(ASSESSMENTS)));
        requests.add(() -> Answer.of(client().contentType("application/json").body(VALID).head(ASSESSMENTS)));
        requests.add(() -> Answer.of(send(HttpRequest.newBuilder(assessments)
                .header("Content-Type", "application/json; charset=klingon")
                .POST(HttpRequest.BodyPublishers.ofString(VALID)))));
        requests.add(() -> Answer.of(send(HttpRequest.newBuilder(assessments)
                .header("Content-Type", "application/json")
                .POST(chunked(randomBytes(new Random(11), MAX_BODY_BYTES * 3))))));
        requests.add(() -> Answer.of(send(HttpRequest.newBuilder(assessments)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(VALID)))));
        return requests;
    }

    /** One to four random byte edits of a valid body: overwrite, delete, duplicate or truncate. */
    private static byte[] corrupt(byte[] valid, Random random) {
        byte[] body = valid.clone();
        for (int edits = 1 + random.nextInt(4); edits > 0 && body.length > 1; edits--) {
            int at = random.nextInt(body.length);
            switch (random.nextInt(4)) {
                case 0 -> body[at] = (byte) "{}[]\",:0123456789.eE-+ntfx\\\u0000".charAt(random.nextInt(28));
                case 1 -> {
                    byte[] shorter = new byte[body.length - 1];
                    System.arraycopy(body, 0, shorter, 0, at);
                    System.arraycopy(body, at + 1, shorter, at, body.length - at - 1);
                    body = shorter;
                }
                case 2 -> {
                    byte[] longer = Arrays.copyOf(body, body.length + 1);
                    System.arraycopy(body, at, longer, at + 1, body.length - at);
                    body = longer;
                }
                default -> body = Arrays.copyOf(body, at);
            }
        }
        return body;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    // ---------------------------------------------------------------------------------------------------
    // helpers

    /**
     * RestAssured without pretty printing: the failure log would otherwise indent a 100,000-level body
     * into gigabytes.
     */
    private static RequestSpecification client() {
        return given().config(RestAssured.config().logConfig(LogConfig.logConfig().enablePrettyPrinting(false)));
    }

    private static Response post(String body) {
        return client().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post(ASSESSMENTS);
    }

    private static Response postBytes(String contentType, byte[] body) {
        return client().contentType(contentType).body(body).post(ASSESSMENTS);
    }

    private static Response postWithLimit(String limit, String body) {
        RequestSpecification request = client().contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8));
        return request.post(ASSESSMENTS + "?limit=" + limit);
    }

    private static String file(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/requests", name));
    }

    /** A valid body of exactly {@code size} bytes: the minimal request padded with spaces. */
    private static byte[] padded(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] start = VALID.substring(0, VALID.length() - 1).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, body, 0, start.length);
        body[size - 1] = '}';
        return body;
    }

    /** A body publisher of unknown length, so the request goes out chunked without Content-Length. */
    private static HttpRequest.BodyPublisher chunked(byte[] body) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An RFC 9457 problem: the status, problem+json, and type, title, status and detail in the body. */
    private static void assertProblem(Response response, int status) {
        response.then()
                .statusCode(status)
                .contentType(matchesPattern(PROBLEM_JSON))
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()))
                .body("status", equalTo(status));
        assertTrue(URI.create(response.jsonPath().getString("type")).isAbsolute(), "type is a URI");
    }

    /** A 400 problem whose violations name exactly these fields, each once, each with a message. */
    private static void assertInvalid(Response response, String... fields) {
        assertProblem(response, 400);
        List<String> named = response.jsonPath().getList("violations.field", String.class);
        assertThat("violations of " + response.asString(), named, containsInAnyOrder(fields));
        List<String> messages = response.jsonPath().getList("violations.message", String.class);
        assertThat(messages, everyItem(not(emptyOrNullString())));
    }

    private static void assertMethodNotAllowed(Response response) {
        assertProblem(response, 405);
        assertThat(response.header("Allow"), notNullValue());
        Set<String> allowed = new TreeSet<>();
        for (String method : response.header("Allow").split(",")) {
            allowed.add(method.trim());
        }
        assertTrue(allowed.contains("POST"), "Allow: " + allowed);
    }

    private static void assertRawProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.matches(PROBLEM_JSON), "a " + status + " answered with Content-Type '" + contentType
                + "' and body '" + response.body() + "'");
        JsonNode problem = rawJson(response);
        for (String member : List.of("type", "title", "detail")) {
            assertFalse(problem.path(member).asText().isEmpty(), member + " missing in " + problem);
        }
        assertTrue(URI.create(problem.path("type").asText()).isAbsolute(), "type is a URI");
        assertEquals(status, problem.path("status").asInt(), "status in body");
    }

    private static JsonNode rawJson(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}

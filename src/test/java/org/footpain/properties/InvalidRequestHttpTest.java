package org.footpain.properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.footpain.http.Roles;
import org.footpain.properties.Requests.Mutation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.footpain.properties.HttpAnswers.SEED;
import static org.footpain.properties.HttpAnswers.json;
import static org.footpain.properties.HttpAnswers.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Valid requests broken in one place (wrong types, out-of-range values, fractions in integers, unknown fields and
 * codes, missing required fields, repeated items), drawn with a fixed seed: each is answered 400 problem+json that
 * names the broken field; none is assessed, none is a 5xx.
 */
@QuarkusTest
@TestSecurity(user = "clinician", roles = Roles.ASSESSMENT)
class InvalidRequestHttpTest {

    private static final int SAMPLES = Integer.getInteger("properties.http.samples", 250);

    @Test
    void a_request_broken_anywhere_is_answered_400_problem_json_naming_the_broken_field() {
        List<Mutation> mutations = Requests.sample(Requests.invalid(), SEED + 4, SAMPLES);
        for (int i = 0; i < mutations.size(); i++) {
            Mutation mutation = mutations.get(i);
            String where = "seed " + (SEED + 4) + ", sample " + i + ": " + mutation.what() + " at " + mutation.field()
                    + ": " + Requests.body(mutation);
            Response response = post(Requests.body(mutation));
            assertEquals(400, response.statusCode(), where + " -> " + response.asString());
            assertTrue(response.contentType().matches("application/problem\\+json(;.*)?"),
                    where + " -> " + response.contentType());
            JsonNode problem = json(response);
            assertEquals(400, problem.path("status").asInt(), where);
            List<String> fields = new ArrayList<>();
            problem.path("violations").forEach(v -> {
                fields.add(v.path("field").asText());
                assertTrue(!v.path("field").asText().isBlank() && !v.path("message").asText().isBlank(), where + v);
            });
            assertTrue(fields.contains(mutation.field()), where + ": violations name " + fields);
        }
    }
}

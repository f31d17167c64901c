package org.footpain.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.footpain.api.dto.WireCode;
import org.footpain.security.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clinician page at {@code /}, driven in headless Chromium as a clinician would use it: load an example patient,
 * press Assess, read the triage and the differential. The browser and its driver are Debian's {@code chromium} and
 * {@code chromium-driver} (installed by {@code .ci/run}); their paths are given to Selenium, so Selenium Manager never
 * runs and nothing is downloaded. Override with {@code -Dchromium.binary=...} and {@code -Dchromium.driver=...}.
 *
 * <p>The service requires a bearer token here, as the packaged service does, so every assessment goes through the
 * page's token field, filled with a clinician's token from the tests' identity provider.
 */
@QuarkusTest
@WithTestResource(value = TestIdentityProvider.class, scope = TestResourceScope.GLOBAL)
class ClinicianPageTest {

    private static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The page's example patients, one per region. */
    private static final List<String> EXAMPLES = List.of("spine", "nerve", "foot", "vessel", "red-flag");

    private static WebDriver browser;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void startBrowser() {
        assertTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "the page test needs Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
                        + "): apt-get install -y chromium chromium-driver, as .ci/run does");
        // the driver is named twice (property and service), so that Selenium never looks for one itself
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(java.io.OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1440,1250", "--lang=en-GB", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--metrics-recording-only");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void openThePage() {
        browser.get(page.toString());
        waitFor(By.cssSelector("html[data-ready='true']"));
    }

    // ---- the clinical journeys ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "the {0} example shows triage {1} with {2} on top, as the API answers it")
    @CsvSource({
            "spine,    routine,   l5-radiculopathy",
            "nerve,    routine,   common-fibular-neuropathy",
            "foot,     routine,   plantar-fasciitis",
            "vessel,   routine,   peripheral-artery-disease",
            "red-flag, emergency, cauda-equina-syndrome"})
    void an_example_patient_is_shown_with_the_triage_and_leading_condition_the_service_gives(
            String example, String clinicallyExpectedTriage, String clinicallyExpectedTop) throws IOException {
        String request = exampleRequest(example);
        JsonPath api = given().contentType("application/json").header("Authorization", "Bearer " + TestIdentityProvider.clinician())
                .body(request).post("/v1/assessments?limit=5")
                .then().statusCode(200).extract().jsonPath();
        // the example says what it is meant to show; the API confirms it before the page is judged by it
        assertEquals(clinicallyExpectedTriage, api.getString("triage.level"), "triage the " + example + " example was written for");
        assertEquals(clinicallyExpectedTop, api.getString("differential[0].condition.id"), "condition the " + example + " example was written for");

        enterToken(TestIdentityProvider.clinician());
        loadExample(example);
        assess();

        assertEquals("200", results().getAttribute("data-status"));
        assertEquals(api.getString("triage.level"), browser.findElement(By.id("triage-level")).getAttribute("data-level"));
        List<WebElement> reasons = browser.findElements(By.cssSelector("#triage-reasons li"));
        List<String> apiReasons = api.getList("triage.reasons.text", String.class);
        assertEquals(apiReasons, reasons.stream().map(r -> r.findElement(By.tagName("strong")).getText()).toList(),
                "every triage reason, with its text");

        List<WebElement> conditions = browser.findElements(By.cssSelector("#differential li.condition"));
        assertEquals(api.getList("differential.condition.id", String.class),
                conditions.stream().map(c -> c.getAttribute("data-condition")).toList(), "the ranked differential");
        WebElement top = conditions.get(0);
        assertEquals(api.getString("differential[0].condition.name"), top.findElement(By.className("condition-name")).getText());
        assertEquals(Math.round(api.getDouble("differential[0].probability") * 100) + "%",
                top.findElement(By.className("probability")).getText());
        assertTrue(top.findElement(By.className("bar-fill")).getSize().getWidth() > 0, "a probability bar");

        top.findElement(By.tagName("summary")).click();
        List<WebElement> evidence = top.findElements(By.cssSelector("table.evidence tbody tr"));
        assertEquals(api.getList("differential[0].evidence").size(), evidence.size(), "every finding behind the top condition");
        String firstSource = api.getString("differential[0].evidence[0].source");
        assertTrue(evidence.get(0).getText().contains(firstSource), "the source of the strongest finding: " + firstSource);

        assertEquals(api.getList("suggestedDiagnostics.id", String.class),
                browser.findElements(By.cssSelector("#diagnostics tr[data-diagnostic]")).stream()
                        .map(t -> t.getAttribute("data-diagnostic")).toList(), "the suggested diagnostics");
        assertEquals(api.getList("nextBestFindings.finding", String.class),
                browser.findElements(By.cssSelector("#next-findings li[data-finding]")).stream()
                        .map(f -> f.getAttribute("data-finding")).toList(), "the findings to examine next");

        screenshot("clinician-page-" + example);
    }

    @Test
    void every_example_patient_loads_into_the_form_exactly_as_written_and_is_answered_with_200() throws IOException {
        @SuppressWarnings("unchecked")
        List<String> offered = (List<String>) js("return FootPain.examples.map(function (e) { return e.id; });");
        assertEquals(EXAMPLES, offered, "one example per region: spine, peripheral nerve, foot, vessel, red flag");
        for (String example : EXAMPLES) {
            browser.findElement(By.id("example-" + example)).click();
            String fromForm = (String) js("return JSON.stringify(FootPain.requestFromForm());");
            assertEquals(normalised(exampleRequest(example)), normalised(fromForm),
                    "the form holds every finding of the " + example + " example, and nothing else");
            given().contentType("application/json").header("Authorization", "Bearer " + TestIdentityProvider.clinician())
                    .body(fromForm).post("/v1/assessments").then().statusCode(200);
        }
    }

    @Test
    void a_form_with_every_finding_filled_in_is_a_valid_request() {
        // the last choice of every list, every box ticked, a number in every field: no control names an unknown field
        js("document.querySelectorAll('#assessment-form select[data-path]').forEach(function (s) {"
                + " s.selectedIndex = s.options.length - 1; });"
                + "document.querySelectorAll('#assessment-form input[type=checkbox]').forEach(function (c) { c.checked = true; });");
        type("f-patient-ageYears", "61");
        type("f-history-durationWeeks", "12");
        type("f-exam-vascular-ankleBrachialIndex-left", "0.9");
        type("f-exam-vascular-ankleBrachialIndex-right", "1.1");
        type("f-exam-temperatureCelsius", "37.2");
        String request = (String) js("return JSON.stringify(FootPain.requestFromForm());");
        JsonPath api = given().contentType("application/json").header("Authorization", "Bearer " + TestIdentityProvider.clinician())
                .body(request).post("/v1/assessments").then().statusCode(200).extract().jsonPath();
        assertEquals("emergency", api.getString("triage.level"), "every red flag ticked");
    }

    @Test
    void out_of_range_findings_are_shown_with_the_fields_the_service_names() {
        enterToken(TestIdentityProvider.clinician());
        loadExample("vessel");
        type("f-patient-ageYears", "130");
        type("f-exam-vascular-ankleBrachialIndex-left", "4.5");
        assess();

        assertEquals("400", results().getAttribute("data-status"));
        String violations = browser.findElement(By.id("violations")).getText();
        assertTrue(violations.contains("patient.ageYears"), violations);
        assertTrue(violations.contains("exam.vascular.ankleBrachialIndex.left"), violations);
        assertEquals("true", browser.findElement(By.id("f-patient-ageYears")).getAttribute("aria-invalid"));
        assertEquals("true", browser.findElement(By.id("f-exam-vascular-ankleBrachialIndex-left")).getAttribute("aria-invalid"));
        screenshot("clinician-page-bad-input");
    }

    @Test
    void a_form_without_an_age_is_refused_naming_the_age() {
        enterToken(TestIdentityProvider.clinician());
        loadExample("foot");
        type("f-patient-ageYears", "");
        assess();

        assertEquals("400", results().getAttribute("data-status"));
        assertTrue(browser.findElement(By.id("violations")).getText().contains("patient.ageYears"));
    }

    @Test
    void without_a_token_the_page_says_the_service_needs_one() {
        loadExample("spine");
        assess();

        assertEquals("401", results().getAttribute("data-status"));
        assertTrue(browser.findElement(By.id("problem")).getText().contains("token"));
    }

    // ---- what the page is made of ---------------------------------------------------------------------------------

    @Test
    void every_code_the_page_offers_is_a_code_of_the_contract() throws ClassNotFoundException {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> vocabulary = (Map<String, List<String>>) js(
                "var out = {}; Object.keys(FootPain.vocabulary).forEach(function (k) {"
                        + " out[k] = FootPain.vocabulary[k].map(function (p) { return p[0]; }); }); return out;");
        assertFalse(vocabulary.isEmpty());
        for (Map.Entry<String, List<String>> list : vocabulary.entrySet()) {
            Class<?> type = Class.forName("org.footpain.api.dto." + list.getKey());
            Set<String> contract = Arrays.stream(type.getEnumConstants()).map(c -> ((WireCode) c).code())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(contract, new TreeSet<>(list.getValue()), "the page's " + list.getKey() + " codes");
            assertEquals(contract.size(), list.getValue().size(), "no " + list.getKey() + " code offered twice");
        }
        // and every code list a bilateral grid or picker uses is among them
        @SuppressWarnings("unchecked")
        List<String> offered = (List<String>) js("var codes = [];"
                + "document.querySelectorAll('#assessment-form select[data-path] option').forEach(function (o) {"
                + " if (o.value) codes.push(o.value); }); return codes;");
        Set<String> known = vocabulary.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        for (String code : offered) {
            assertTrue(known.contains(code) || code.matches("[0-5]") || code.equals("true") || code.equals("false"),
                    "a code the contract knows: " + code);
        }
    }

    @Test
    void every_form_control_has_a_label() {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) js("var out = [];"
                + "document.querySelectorAll('input, select, textarea').forEach(function (c) {"
                + " if (!c.id || !c.labels || c.labels.length === 0) out.push(c.id || c.outerHTML); }); return out;");
        assertEquals(List.of(), unlabelled);
        @SuppressWarnings("unchecked")
        List<String> duplicateIds = (List<String>) js("var seen = {}, out = [];"
                + "document.querySelectorAll('[id]').forEach(function (n) { if (seen[n.id]) out.push(n.id); seen[n.id] = true; });"
                + "return out;");
        assertEquals(List.of(), duplicateIds);
    }

    @Test
    void the_page_says_it_is_decision_support_not_a_diagnosis() {
        assertTrue(browser.findElement(By.id("disclaimer")).getText().contains("Decision support for clinicians, not a diagnosis"));
    }

    @Test
    void the_page_loads_nothing_from_another_origin() {
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) js("return performance.getEntriesByType('resource').map(function (r) { return r.name; });");
        String origin = page.getProtocol() + "://" + page.getAuthority() + "/";
        assertFalse(resources.isEmpty());
        for (String resource : resources) {
            assertTrue(resource.startsWith(origin), "fetched from the service itself: " + resource);
        }
        @SuppressWarnings("unchecked")
        List<String> references = (List<String>) js("var out = [];"
                + "document.querySelectorAll('script[src], link[href], img[src]').forEach(function (n) {"
                + " out.push(n.getAttribute('src') || n.getAttribute('href')); }); return out;");
        for (String reference : references) {
            assertFalse(reference.matches("(?i)^(https?:)?//.*"), "a relative reference: " + reference);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    private static WebElement results() {
        return browser.findElement(By.id("results"));
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    private static void enterToken(String token) {
        type("f-token", token);
    }

    private static void loadExample(String example) {
        browser.findElement(By.id("example-" + example)).click();
        assertTrue(browser.findElement(By.id("example-loaded")).getText().startsWith("Loaded example"));
    }

    private static void assess() {
        browser.findElement(By.id("assess")).click();
        waitFor(By.cssSelector("#results[data-status]"));
    }

    private static String exampleRequest(String example) {
        return (String) js("var id = arguments[0];"
                + "return JSON.stringify(FootPain.examples.filter(function (e) { return e.id === id; })[0].request);",
                example);
    }

    /** A request in a canonical form: empty sets left out (as "none listed"), sets and lists in a fixed order. */
    private static JsonNode normalised(String json) throws IOException {
        return normalised(JSON.readTree(json));
    }

    private static JsonNode normalised(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isArray() && field.getValue().isEmpty()) {
                    continue;
                }
                fields.put(field.getKey(), normalised(field.getValue()));
            }
            ObjectNode out = JSON.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(normalised(item)));
            items.sort((a, b) -> a.toString().compareTo(b.toString()));
            ArrayNode out = JSON.createArrayNode();
            items.forEach(out::add);
            return out;
        }
        return node;
    }

    private static void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

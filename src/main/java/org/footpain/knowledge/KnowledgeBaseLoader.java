package org.footpain.knowledge;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the knowledge base from the classpath: {@code <root>/manifest.json} names the version and the
 * files. Every problem in every file is collected, then {@link KnowledgeBaseIntegrity} checks the
 * references between files; any problem stops the load with all of them listed.
 */
public final class KnowledgeBaseLoader {

    /** The knowledge base the service ships, under {@code src/main/resources/knowledge}. */
    public static final String DEFAULT_ROOT = "knowledge";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String root;
    private final ClassLoader classLoader;
    private final List<String> problems = new ArrayList<>();

    private KnowledgeBaseLoader(String root, ClassLoader classLoader) {
        this.root = root;
        this.classLoader = classLoader;
    }

    /** The knowledge base model and the stored files composed into one document, served as stored. */
    public record Loaded(KnowledgeBase knowledgeBase, ObjectNode document) {
    }

    public static Loaded load(String root) {
        return new KnowledgeBaseLoader(root, KnowledgeBaseLoader.class.getClassLoader()).read();
    }

    public static Loaded loadDefault() {
        return load(DEFAULT_ROOT);
    }

    private Loaded read() {
        JsonEntry manifest = file("manifest.json").only("formatVersion", "version", "description", "sources",
                "model", "triageRules", "diagnostics", "conditions");
        if (manifest.node().path("formatVersion").asInt() != 1) {
            manifest.child("formatVersion").problem("this service reads knowledge format 1");
        }
        String version = manifest.text("version");
        String sourcesFile = manifest.text("sources");
        String modelFile = manifest.text("model");
        String triageFile = manifest.text("triageRules");
        String diagnosticsFile = manifest.text("diagnostics");
        List<String> conditionFiles = manifest.requiredArray("conditions").stream()
                .map(e -> e.node().asText()).toList();

        JsonEntry sourcesEntry = file(sourcesFile);
        JsonEntry modelEntry = file(modelFile);
        JsonEntry triageEntry = file(triageFile);
        JsonEntry diagnosticsEntry = file(diagnosticsFile);
        List<JsonEntry> conditionEntries = conditionFiles.stream().map(this::file).toList();

        Map<String, Source> sources = sources(sourcesEntry);
        ReasoningModel model = model(modelEntry);
        List<Condition> conditions = conditionEntries.stream().map(this::condition).toList();
        Map<String, String> conditionFileById = new LinkedHashMap<>();
        for (int i = 0; i < conditions.size(); i++) {
            conditionFileById.put(conditions.get(i).id(), conditionFiles.get(i));
        }
        triageEntry.only("definitions", "rules");
        Map<String, Predicate> definitions = new LinkedHashMap<>();
        triageEntry.object("definitions").ifPresent(defs -> defs.fields()
                .forEach(f -> definitions.put(f.getKey(), predicate(f.getValue()))));
        List<TriageRule> triageRules = triageEntry.requiredArray("rules").stream().map(this::triageRule).toList();
        diagnosticsEntry.only("tests", "rules");
        List<DiagnosticTest> tests = diagnosticsEntry.requiredArray("tests").stream().map(this::test).toList();
        List<DiagnosticRule> diagnosticRules = diagnosticsEntry.requiredArray("rules").stream()
                .map(this::diagnosticRule).toList();

        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        KnowledgeBase kb = new KnowledgeBase(version, sources, conditions, definitions, triageRules, tests,
                diagnosticRules, model);
        List<String> integrity = KnowledgeBaseIntegrity.problems(kb, new KnowledgeBaseIntegrity.Files(
                conditionFileById, triageFile, diagnosticsFile, modelFile));
        if (!integrity.isEmpty()) {
            throw new KnowledgeBaseException(integrity);
        }

        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("version", version);
        document.set("description", manifest.node().path("description"));
        document.set("model", modelEntry.node());
        document.set("sources", sourcesEntry.node().path("sources"));
        ArrayNode conditionNodes = document.putArray("conditions");
        conditionEntries.forEach(e -> conditionNodes.add(e.node()));
        document.set("triageRules", triageEntry.node());
        document.set("diagnostics", diagnosticsEntry.node());
        return new Loaded(kb, document);
    }

    private JsonEntry file(String name) {
        String resource = root + "/" + name;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                problems.add(resource + ": file not found");
                return new JsonEntry(name, "$", JsonNodeFactory.instance.objectNode(), new ArrayList<>());
            }
            JsonNode node = JSON.readTree(in);
            if (node == null || !node.isObject()) {
                problems.add(resource + ": must hold a JSON object");
                return new JsonEntry(name, "$", JsonNodeFactory.instance.objectNode(), new ArrayList<>());
            }
            return new JsonEntry(name, "$", node, problems);
        } catch (IOException e) {
            problems.add(resource + ": unreadable JSON: " + e.getMessage());
            return new JsonEntry(name, "$", JsonNodeFactory.instance.objectNode(), new ArrayList<>());
        }
    }

    private Map<String, Source> sources(JsonEntry file) {
        file.only("sources");
        Map<String, Source> sources = new LinkedHashMap<>();
        for (JsonEntry entry : file.requiredArray("sources")) {
            entry.only("id", "shortCitation", "citation", "kind", "url");
            String id = entry.text("id");
            Source.Kind kind = entry.code("kind", KnowledgeBaseLoader::sourceKind).orElse(Source.Kind.STUDY);
            Source source = new Source(id, entry.text("shortCitation"), entry.text("citation"), kind,
                    entry.optionalText("url").orElse(""));
            if (sources.put(id, source) != null) {
                entry.child("id").problem("duplicate source id " + id);
            }
        }
        return sources;
    }

    private ReasoningModel model(JsonEntry file) {
        file.only("correlationDamping", "symptomSide", "fewFindings", "leadingConditions", "nextBestFindingLimit");
        JsonEntry side = file.requiredObject("symptomSide").only("ipsilateral", "contralateral",
                "bilateralForOneLeg", "bilateralForBothLegs", "oneLegForBothLegs", "source", "basis", "note");
        ReasoningModel.SymptomSideModel symptomSide = new ReasoningModel.SymptomSideModel(
                positive(side, "ipsilateral"), positive(side, "contralateral"), positive(side, "bilateralForOneLeg"),
                positive(side, "bilateralForBothLegs"), positive(side, "oneLegForBothLegs"), citation(side));
        return new ReasoningModel(constant(file.requiredObject("correlationDamping")), symptomSide,
                constant(file.requiredObject("fewFindings")), file.integer("leadingConditions"),
                file.integer("nextBestFindingLimit"));
    }

    private ReasoningModel.Constant constant(JsonEntry entry) {
        entry.only("value", "source", "basis", "note");
        return new ReasoningModel.Constant(entry.number("value"), citation(entry));
    }

    private Condition condition(JsonEntry file) {
        file.only("id", "name", "laterality", "codes", "sidedCodes", "priors", "findings", "clusters", "note");
        String id = file.text("id");
        JsonEntry lateralityEntry = file.requiredObject("laterality");
        Laterality laterality = laterality(lateralityEntry);
        boolean sided = laterality instanceof Laterality.Sided;

        List<Coding> codes = file.requiredArray("codes").stream().map(this::coding).toList();
        Map<Side, List<Coding>> sidedCodes = new EnumMap<>(Side.class);
        file.object("sidedCodes").ifPresent(sc -> {
            sc.only("left", "right", "bilateral");
            for (Side side : List.of(Side.LEFT, Side.RIGHT, Side.BILATERAL)) {
                if (sc.has(side.code())) {
                    sidedCodes.put(side, sc.array(side.code()).stream().map(this::coding).toList());
                }
            }
        });

        Map<Setting, Prior> priors = new EnumMap<>(Setting.class);
        JsonEntry priorsEntry = file.requiredObject("priors");
        for (Map.Entry<String, JsonEntry> field : priorsEntry.fields()) {
            JsonEntry entry = field.getValue().only("p", "source", "basis", "note");
            try {
                priors.put(Setting.fromCode(field.getKey()), new Prior(entry.number("p"), citation(entry)));
            } catch (IllegalArgumentException e) {
                entry.problem("unknown setting " + field.getKey());
            }
        }

        SidePattern defaultOn = sided ? SidePattern.SIDE : SidePattern.EITHER;
        List<FindingRule> findings = new ArrayList<>();
        for (JsonEntry entry : file.requiredArray("findings")) {
            entry.only("finding", "group", "cluster", "outcomes", "note");
            Optional<FindingPath> path = path(entry);
            Optional<FindingRule.PublishedCluster> published = entry.object("cluster").map(c -> {
                c.only("id", "name");
                return new FindingRule.PublishedCluster(c.text("id"), c.text("name"));
            });
            List<Outcome> outcomes = new ArrayList<>();
            for (JsonEntry o : entry.requiredArray("outcomes")) {
                o.only("values", "min", "max", "above", "below", "on", "screenedAbsent", "lr", "source", "basis", "note");
                path.flatMap(p -> match(o, p, defaultOn, sided)).ifPresent(m -> {
                    if (m.path().shape() == FindingPath.Shape.SET
                            && ((ValueTest.OneOf) m.test()).codes().size() != 1) {
                        o.child("values").problem("an outcome on a set names exactly one item");
                    }
                    outcomes.add(new Outcome(m, positive(o, "lr"), citation(o)));
                });
            }
            if (entry.node().path("outcomes").isEmpty()) {
                entry.child("outcomes").problem("needs at least one outcome");
            }
            path.ifPresent(p -> findings.add(new FindingRule(p, entry.optionalText("group"), outcomes, published)));
        }

        List<Cluster> clusters = new ArrayList<>();
        for (JsonEntry entry : file.array("clusters")) {
            entry.only("id", "name", "group", "components", "outcomes", "note");
            List<Cluster.Component> components = new ArrayList<>();
            for (JsonEntry c : entry.requiredArray("components")) {
                c.only("name", "finding", "values", "min", "max", "above", "below", "on", "anyOf", "note");
                String name = c.text("name");
                List<JsonEntry> alternatives = c.has("anyOf") ? c.requiredArray("anyOf") : List.of(c);
                List<Match> matches = new ArrayList<>();
                for (JsonEntry alternative : alternatives) {
                    if (alternative != c) {
                        alternative.only("finding", "values", "min", "max", "above", "below", "on");
                    }
                    path(alternative).flatMap(p -> match(alternative, p, defaultOn, sided)).ifPresent(matches::add);
                }
                if (!matches.isEmpty()) {
                    components.add(new Cluster.Component(name, matches));
                }
            }
            List<Cluster.Threshold> thresholds = new ArrayList<>();
            for (JsonEntry t : entry.requiredArray("outcomes")) {
                t.only("atLeast", "atMost", "lr", "source", "basis", "note");
                Optional<Integer> atLeast = t.optionalInteger("atLeast");
                Optional<Integer> atMost = t.optionalInteger("atMost");
                if (atLeast.isPresent() == atMost.isPresent()) {
                    t.problem("give exactly one of atLeast and atMost");
                }
                thresholds.add(new Cluster.Threshold(atLeast, atMost, positive(t, "lr"), citation(t)));
            }
            clusters.add(new Cluster(entry.text("id"), entry.text("name"), components, thresholds,
                    entry.optionalText("group")));
        }
        return new Condition(id, file.text("name"), laterality, codes, sidedCodes, priors, findings, clusters);
    }

    private Laterality laterality(JsonEntry entry) {
        String kind = entry.text("kind");
        switch (kind) {
            case "sided" -> {
                entry.only("kind", "bilateralFraction", "source", "basis", "note");
                return new Laterality.Sided(entry.number("bilateralFraction"), citation(entry));
            }
            case "regional" -> {
                entry.only("kind", "note");
                return new Laterality.Regional();
            }
            case "central" -> {
                entry.only("kind", "note");
                return new Laterality.Central();
            }
            default -> {
                entry.child("kind").problem("must be sided, regional or central");
                return new Laterality.Central();
            }
        }
    }

    private Coding coding(JsonEntry entry) {
        entry.only("system", "code", "display");
        return new Coding(entry.text("system"), entry.text("code"), entry.text("display"));
    }

    private Optional<FindingPath> path(JsonEntry entry) {
        String name = entry.text("finding");
        Optional<FindingPath> path = FindingPath.fromPath(name);
        if (path.isEmpty() && !name.isEmpty()) {
            entry.child("finding").problem("the contract has no finding " + name);
        }
        return path;
    }

    /**
     * Reads what value an entry asks of a finding: {@code values} for codes and true/false findings,
     * {@code min}/{@code max} for numbers, {@code on} for how legs are read.
     */
    private Optional<Match> match(JsonEntry entry, FindingPath path, SidePattern defaultOn, boolean sidedCondition) {
        SidePattern on = defaultOn;
        if (entry.has("on")) {
            Optional<SidePattern> parsed = entry.code("on", SidePattern::fromCode);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            on = parsed.get();
            if (!path.sided()) {
                entry.child("on").problem(path.path() + " has no sides");
            } else if (!sidedCondition && (on == SidePattern.SIDE || on == SidePattern.SYMMETRIC)) {
                entry.child("on").problem("a condition without a side reads both legs: use either or both");
            }
        } else if (!path.sided()) {
            on = SidePattern.EITHER;
        }
        boolean screenedAbsent = entry.has("screenedAbsent") && entry.node().get("screenedAbsent").asBoolean();
        if (screenedAbsent && path != FindingPath.RED_FLAGS) {
            entry.child("screenedAbsent").problem("only red flags can be screened as absent");
        }
        ValueDomain domain = path.domain();
        if (domain.numeric()) {
            boolean lower = entry.has("min") || entry.has("above");
            boolean upper = entry.has("max") || entry.has("below");
            if (entry.has("values") || (!lower && !upper) || (entry.has("min") && entry.has("above"))
                    || (entry.has("max") && entry.has("below"))) {
                entry.problem(path.path() + " is numeric: give min or above, and/or max or below");
                return Optional.empty();
            }
            double min = entry.has("min") ? entry.number("min")
                    : entry.has("above") ? entry.number("above") : Double.NEGATIVE_INFINITY;
            double max = entry.has("max") ? entry.number("max")
                    : entry.has("below") ? entry.number("below") : Double.POSITIVE_INFINITY;
            if (min > max) {
                entry.problem("the lower bound is above the upper bound");
            }
            return Optional.of(new Match(path, new ValueTest.Within(min, entry.has("above"), max, entry.has("below")),
                    on, screenedAbsent));
        }
        List<JsonEntry> values = entry.requiredArray("values");
        if (values.isEmpty()) {
            entry.child("values").problem("needs at least one value");
            return Optional.empty();
        }
        if (entry.has("min") || entry.has("max") || entry.has("above") || entry.has("below")) {
            entry.problem(path.path() + " is not numeric: use values");
        }
        if (domain instanceof ValueDomain.Flag) {
            if (values.size() != 1 || !values.get(0).node().isBoolean()) {
                entry.child("values").problem(path.path() + " is true/false: give [true] or [false]");
                return Optional.empty();
            }
            return Optional.of(new Match(path, new ValueTest.Is(values.get(0).node().asBoolean()), on,
                    screenedAbsent));
        }
        List<String> allowed = ((ValueDomain.Codes) domain).codes();
        Set<String> codes = new HashSet<>();
        for (JsonEntry value : values) {
            String code = value.node().asText();
            if (!value.node().isTextual() || !allowed.contains(code)) {
                value.problem("not a value of " + path.path() + " (one of " + allowed + ")");
            } else {
                codes.add(code);
            }
        }
        return Optional.of(new Match(path, new ValueTest.OneOf(codes), on, screenedAbsent));
    }

    private double positive(JsonEntry entry, String field) {
        double value = entry.number(field);
        if (!(value > 0) || Double.isInfinite(value)) {
            if (!Double.isNaN(value)) {
                entry.child(field).problem("must be a positive finite number");
            }
        }
        return value;
    }

    private Citation citation(JsonEntry entry) {
        String source = entry.text("source");
        Citation.Basis basis = entry.code("basis", KnowledgeBaseLoader::basis).orElse(Citation.Basis.EXPERT_ESTIMATE);
        return new Citation(source, basis, entry.optionalText("note").orElse(""));
    }

    private List<Citation> citations(JsonEntry entry) {
        List<Citation> citations = new ArrayList<>();
        for (JsonEntry c : entry.requiredArray("sources")) {
            c.only("source", "basis", "note");
            citations.add(citation(c));
        }
        if (citations.isEmpty()) {
            entry.child("sources").problem("needs at least one source");
        }
        return citations;
    }

    private Predicate predicate(JsonEntry entry) {
        if (!entry.node().isObject()) {
            entry.problem("a predicate must be an object");
            return new Predicate.AllOf(List.of());
        }
        if (entry.has("anyOf")) {
            entry.only("anyOf");
            return new Predicate.AnyOf(entry.array("anyOf").stream().map(this::predicate).toList());
        }
        if (entry.has("allOf")) {
            entry.only("allOf");
            return new Predicate.AllOf(entry.array("allOf").stream().map(this::predicate).toList());
        }
        if (entry.has("not")) {
            entry.only("not");
            return new Predicate.Not(predicate(entry.child("not")));
        }
        if (entry.has("ref")) {
            entry.only("ref");
            return new Predicate.Defined(entry.text("ref"));
        }
        if (entry.has("fired")) {
            entry.only("fired");
            return new Predicate.Fired(entry.array("fired").stream().map(e -> e.node().asText()).toList());
        }
        if (entry.has("probability")) {
            entry.only("probability");
            JsonEntry p = entry.child("probability").only("condition", "atLeast");
            return new Predicate.ProbabilityAtLeast(p.text("condition"), p.number("atLeast"));
        }
        entry.only("finding", "values", "min", "max", "above", "below", "on", "screenedAbsent");
        return path(entry).flatMap(p -> match(entry, p, SidePattern.EITHER, false))
                .<Predicate>map(Predicate.Has::new)
                .orElse(new Predicate.AllOf(List.of()));
    }

    private TriageRule triageRule(JsonEntry entry) {
        entry.only("id", "code", "level", "title", "when", "sources", "note");
        TriageLevel level = entry.code("level", TriageLevel::fromCode).orElse(TriageLevel.ROUTINE);
        return new TriageRule(entry.text("id"), entry.text("code"), level, entry.text("title"),
                predicate(entry.requiredObject("when")), citations(entry));
    }

    private DiagnosticTest test(JsonEntry entry) {
        entry.only("id", "name", "codes", "note");
        return new DiagnosticTest(entry.text("id"), entry.text("name"),
                entry.requiredArray("codes").stream().map(this::coding).toList());
    }

    private DiagnosticRule diagnosticRule(JsonEntry entry) {
        entry.only("id", "test", "timing", "afterWeeks", "trigger", "requires", "rationale", "sources", "note");
        String timingCode = entry.text("timing");
        Timing timing = switch (timingCode) {
            case "emergent" -> new Timing.Emergent();
            case "urgent" -> new Timing.Urgent();
            case "routine" -> new Timing.Routine();
            case "if-no-improvement" -> new Timing.IfNoImprovement(entry.integer("afterWeeks"));
            default -> {
                entry.child("timing").problem("must be emergent, urgent, routine or if-no-improvement");
                yield new Timing.Routine();
            }
        };
        if (!(timing instanceof Timing.IfNoImprovement) && entry.has("afterWeeks")) {
            entry.child("afterWeeks").problem("only if-no-improvement waits a number of weeks");
        }
        JsonEntry t = entry.requiredObject("trigger");
        DiagnosticRule.Trigger trigger;
        if (t.has("triageRules")) {
            t.only("triageRules", "forConditions");
            trigger = new DiagnosticRule.Trigger.TriageRules(
                    t.requiredArray("triageRules").stream().map(e -> e.node().asText()).toList(),
                    t.requiredArray("forConditions").stream().map(e -> e.node().asText()).toList());
        } else {
            t.only("conditions", "minProbability", "maxRank");
            trigger = new DiagnosticRule.Trigger.Conditions(
                    t.requiredArray("conditions").stream().map(e -> e.node().asText()).toList(),
                    t.number("minProbability"), t.has("maxRank") ? t.integer("maxRank") : Integer.MAX_VALUE);
        }
        Optional<Predicate> requires = entry.object("requires").map(this::predicate);
        return new DiagnosticRule(entry.text("id"), entry.text("test"), timing, trigger, requires,
                entry.text("rationale"), citations(entry));
    }

    private static Source.Kind sourceKind(String code) {
        for (Source.Kind kind : Source.Kind.values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown source kind " + code);
    }

    private static Citation.Basis basis(String code) {
        for (Citation.Basis basis : Citation.Basis.values()) {
            if (basis.code().equals(code)) {
                return basis;
            }
        }
        throw new IllegalArgumentException("basis must be published, derived or expert-estimate, not " + code);
    }
}

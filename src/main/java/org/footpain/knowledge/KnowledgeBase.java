package org.footpain.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The whole knowledge base, loaded and validated once at start-up and immutable afterwards. */
public record KnowledgeBase(String version, Map<String, Source> sources, List<Condition> conditions,
                            Map<String, Predicate> definitions, List<TriageRule> triageRules,
                            List<DiagnosticTest> tests, List<DiagnosticRule> diagnosticRules, ReasoningModel model) {

    public KnowledgeBase {
        sources = Map.copyOf(sources);
        conditions = List.copyOf(conditions);
        definitions = Map.copyOf(definitions);
        triageRules = List.copyOf(triageRules);
        tests = List.copyOf(tests);
        diagnosticRules = List.copyOf(diagnosticRules);
    }

    public Optional<Condition> condition(String id) {
        return conditions.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<DiagnosticTest> test(String id) {
        return tests.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<Source> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    public Map<String, DiagnosticTest> testsById() {
        return tests.stream().collect(Collectors.toMap(DiagnosticTest::id, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }
}

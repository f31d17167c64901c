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

    /** How a number's source reads to a clinician: the short citation, saying when it is derived or an estimate. */
    public String describe(Citation citation) {
        Optional<Source> source = source(citation.sourceId());
        String cited = source.map(Source::shortCitation).orElse(citation.sourceId());
        return switch (citation.basis()) {
            case PUBLISHED -> cited;
            case DERIVED -> "Derived from " + cited;
            case EXPERT_ESTIMATE -> source.filter(s -> s.kind() == Source.Kind.EXPERT_ESTIMATE).isPresent()
                    ? "Expert estimate" : "Expert estimate anchored on " + cited;
        };
    }

    /** The short citations of several sources, each once, in order. */
    public String describeSources(List<Citation> citations) {
        return String.join("; ", citations.stream().map(Citation::sourceId).distinct()
                .map(id -> source(id).map(Source::shortCitation).orElse(id)).toList());
    }

    public Map<String, DiagnosticTest> testsById() {
        return tests.stream().collect(Collectors.toMap(DiagnosticTest::id, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }
}

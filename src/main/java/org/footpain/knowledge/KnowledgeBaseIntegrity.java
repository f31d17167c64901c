package org.footpain.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks that hold across files: every number names a known source, every condition has a prior in
 * (0, 1) for every setting, every rule names known tests, conditions, triage reasons and definitions.
 * Returns every problem at once, each naming the entry.
 */
public final class KnowledgeBaseIntegrity {

    private KnowledgeBaseIntegrity() {
    }

    /** Where each part of the knowledge base is stored, so every problem names its file. */
    public record Files(Map<String, String> conditions, String triageRules, String diagnostics, String model) {
        /** The conventional layout, for a knowledge base built in memory. */
        public static Files conventional(KnowledgeBase kb) {
            Map<String, String> conditions = new HashMap<>();
            kb.conditions().forEach(c -> conditions.put(c.id(), "conditions/" + c.id() + ".json"));
            return new Files(conditions, "triage-rules.json", "diagnostics.json", "model.json");
        }
    }

    public static List<String> problems(KnowledgeBase kb) {
        return problems(kb, Files.conventional(kb));
    }

    public static List<String> problems(KnowledgeBase kb, Files files) {
        List<String> problems = new ArrayList<>();
        Set<String> conditionIds = new HashSet<>();
        for (Condition condition : kb.conditions()) {
            String where = files.conditions().getOrDefault(condition.id(), "condition file") + " condition "
                    + condition.id();
            if (!conditionIds.add(condition.id())) {
                problems.add(where + ": duplicate condition id");
            }
            for (Setting setting : Setting.values()) {
                Prior prior = condition.prior(setting);
                if (prior == null) {
                    problems.add(where + ": no prior for setting " + setting.code());
                } else {
                    if (!(prior.probability() > 0 && prior.probability() < 1)) {
                        problems.add(where + ": prior for " + setting.code() + " must lie in (0, 1)");
                    }
                    cite(kb, prior.citation(), where + " prior " + setting.code(), problems);
                }
            }
            if (condition.laterality() instanceof Laterality.Sided sided) {
                if (!(sided.bilateralFraction() >= 0 && sided.bilateralFraction() < 1)) {
                    problems.add(where + ": bilateralFraction must lie in [0, 1)");
                }
                cite(kb, sided.citation(), where + " laterality", problems);
                condition.findings().stream().filter(f -> f.path() == FindingPath.SYMPTOM_SIDE).findAny()
                        .ifPresent(f -> problems.add(where + ": a sided condition takes the symptom side from the"
                                + " reasoning model's symptomSide, not from a finding rule"));
            } else if (!condition.sidedCodes().isEmpty()) {
                problems.add(where + ": only a sided condition has side-specific codes");
            }
            if (condition.codes().isEmpty()) {
                problems.add(where + ": needs at least one code");
            }
            Map<String, Boolean> groupSided = new HashMap<>();
            for (FindingRule rule : condition.findings()) {
                for (Outcome outcome : rule.outcomes()) {
                    cite(kb, outcome.citation(), where + " finding " + rule.path().path(), problems);
                }
                boolean perLeg = rule.path().sided() && rule.outcomes().stream()
                        .anyMatch(o -> o.match().on() == SidePattern.SIDE || o.match().on() == SidePattern.SYMMETRIC);
                rule.group().filter(g -> condition.sided()).ifPresent(g -> {
                    Boolean before = groupSided.putIfAbsent(g, perLeg);
                    if (before != null && before != perLeg) {
                        problems.add(where + ": group " + g + " mixes findings with and without sides; a sided condition"
                                + " damps per leg, so keep them in separate groups");
                    }
                });
            }
            Set<String> clusterIds = new HashSet<>();
            for (Cluster cluster : condition.clusters()) {
                if (!clusterIds.add(cluster.id())) {
                    problems.add(where + ": duplicate cluster " + cluster.id());
                }
                if (condition.sided() && cluster.components().stream().flatMap(c -> c.matches().stream())
                        .map(m -> m.path().sided()).distinct().count() > 1) {
                    problems.add(where + " cluster " + cluster.id() + ": in a sided condition a cluster's criteria"
                            + " must all have sides or all have none");
                }
                for (Cluster.Threshold threshold : cluster.outcomes()) {
                    cite(kb, threshold.citation(), where + " cluster " + cluster.id(), problems);
                    threshold.atLeast().filter(n -> n < 1 || n > cluster.components().size()).ifPresent(n ->
                            problems.add(where + " cluster " + cluster.id() + ": atLeast " + n + " is out of range"));
                    threshold.atMost().filter(n -> n < 0 || n >= cluster.components().size()).ifPresent(n ->
                            problems.add(where + " cluster " + cluster.id() + ": atMost " + n + " is out of range"));
                }
            }
        }

        Set<String> earlierRules = new HashSet<>();
        for (TriageRule rule : kb.triageRules()) {
            String where = files.triageRules() + " rule " + rule.id();
            if (earlierRules.contains(rule.id())) {
                problems.add(where + ": duplicate rule id");
            }
            walk(rule.when(), p -> checkPredicate(kb, p, where, earlierRules, conditionIds, problems));
            rule.sources().forEach(c -> cite(kb, c, where, problems));
            earlierRules.add(rule.id());
        }
        kb.definitions().forEach((name, definition) -> walk(definition, p -> {
            String where = files.triageRules() + " definition " + name;
            if (p instanceof Predicate.Fired || p instanceof Predicate.ProbabilityAtLeast) {
                problems.add(where + ": a definition may only test findings");
            }
            checkPredicate(kb, p, where, Set.of(), conditionIds, problems);
        }));

        Set<String> testIds = new HashSet<>();
        for (DiagnosticTest test : kb.tests()) {
            if (!testIds.add(test.id())) {
                problems.add(files.diagnostics() + " test " + test.id() + ": duplicate test id");
            }
            if (test.codes().isEmpty()) {
                problems.add(files.diagnostics() + " test " + test.id() + ": needs at least one code");
            }
        }
        Set<String> ruleIds = new HashSet<>();
        for (DiagnosticRule rule : kb.diagnosticRules()) {
            String where = files.diagnostics() + " rule " + rule.id();
            if (!ruleIds.add(rule.id())) {
                problems.add(where + ": duplicate rule id");
            }
            if (!testIds.contains(rule.testId())) {
                problems.add(where + ": names unknown test " + rule.testId());
            }
            if (rule.timing() instanceof Timing.IfNoImprovement wait && wait.afterWeeks() < 1) {
                problems.add(where + ": afterWeeks must be at least 1");
            }
            if (rule.trigger() instanceof DiagnosticRule.Trigger.TriageRules t) {
                t.ruleIds().stream().filter(id -> !earlierRules.contains(id)).forEach(id ->
                        problems.add(where + ": names unknown triage rule " + id));
                t.forConditions().stream().filter(c -> !conditionIds.contains(c)).forEach(c ->
                        problems.add(where + ": names unknown condition " + c));
            } else if (rule.trigger() instanceof DiagnosticRule.Trigger.Conditions c) {
                c.conditionIds().stream().filter(id -> !conditionIds.contains(id)).forEach(id ->
                        problems.add(where + ": names unknown condition " + id));
                if (!(c.minProbability() >= 0 && c.minProbability() < 1)) {
                    problems.add(where + ": minProbability must lie in [0, 1)");
                }
                if (c.maxRank() < 1) {
                    problems.add(where + ": maxRank must be at least 1");
                }
            }
            rule.requires().ifPresent(r -> walk(r, p ->
                    checkPredicate(kb, p, where, earlierRules, conditionIds, problems)));
            rule.sources().forEach(c -> cite(kb, c, where, problems));
        }

        ReasoningModel model = kb.model();
        cite(kb, model.correlationDamping().citation(), files.model() + " correlationDamping", problems);
        cite(kb, model.symptomSide().citation(), files.model() + " symptomSide", problems);
        cite(kb, model.fewFindings().citation(), files.model() + " fewFindings", problems);
        double damping = model.correlationDamping().value();
        if (!(damping >= 0 && damping <= 1)) {
            problems.add(files.model() + " correlationDamping: must lie in [0, 1]");
        }
        if (model.leadingConditions() < 2 || model.nextBestFindingLimit() < 1) {
            problems.add(files.model() + ": leadingConditions must be at least 2 and nextBestFindingLimit at least 1");
        }
        return problems;
    }

    private static void checkPredicate(KnowledgeBase kb, Predicate predicate, String where, Set<String> earlierRules,
                                       Set<String> conditionIds, List<String> problems) {
        if (predicate instanceof Predicate.Defined d && !kb.definitions().containsKey(d.name())) {
            problems.add(where + ": names unknown definition " + d.name());
        } else if (predicate instanceof Predicate.Fired f) {
            f.ruleIds().stream().filter(id -> !earlierRules.contains(id)).forEach(id ->
                    problems.add(where + ": names rule " + id + ", which is not an earlier triage rule"));
        } else if (predicate instanceof Predicate.ProbabilityAtLeast p) {
            if (!conditionIds.contains(p.conditionId())) {
                problems.add(where + ": names unknown condition " + p.conditionId());
            }
            if (!(p.threshold() > 0 && p.threshold() < 1)) {
                problems.add(where + ": a probability threshold must lie in (0, 1)");
            }
        }
    }

    private static void cite(KnowledgeBase kb, Citation citation, String where, List<String> problems) {
        if (!kb.sources().containsKey(citation.sourceId())) {
            problems.add(where + ": names unknown source " + citation.sourceId());
        }
    }

    /** Visits a predicate and everything nested in it. */
    static void walk(Predicate predicate, Consumer<Predicate> visit) {
        visit.accept(predicate);
        if (predicate instanceof Predicate.AnyOf any) {
            any.anyOf().forEach(p -> walk(p, visit));
        } else if (predicate instanceof Predicate.AllOf all) {
            all.allOf().forEach(p -> walk(p, visit));
        } else if (predicate instanceof Predicate.Not not) {
            walk(not.not(), visit);
        }
    }
}

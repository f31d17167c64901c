package org.footpain.engine;

import org.footpain.engine.scoring.ScoredCondition;

import java.util.List;

/** Reads an assessment's differential by condition id, so a test says what it checks and nothing more. */
public final class Differential {

    private Differential() {
    }

    public static ScoredCondition condition(Assessment assessment, String id) {
        return assessment.differential().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + id + " in the differential"));
    }

    public static double probability(Assessment assessment, String id) {
        return condition(assessment, id).probability();
    }

    /** The id of the condition ranked first. */
    public static String first(Assessment assessment) {
        return assessment.differential().get(0).id();
    }

    /** 1 for the condition ranked first. */
    public static int rank(Assessment assessment, String id) {
        return ids(assessment).indexOf(id) + 1;
    }

    public static List<String> ids(Assessment assessment) {
        return assessment.differential().stream().map(ScoredCondition::id).toList();
    }

    /** The ranking with probabilities, for assertion messages. */
    public static String describe(Assessment assessment) {
        StringBuilder text = new StringBuilder();
        for (ScoredCondition c : assessment.differential()) {
            text.append(String.format("%n  %-30s %.4f %s", c.id(), c.probability(), c.laterality().code()));
        }
        return text.toString();
    }
}

package org.footpain.knowledge;

import java.util.List;

/** The knowledge base cannot be used; every problem found is listed, each naming its file and entry. */
public class KnowledgeBaseException extends RuntimeException {

    private final List<String> problems;

    public KnowledgeBaseException(List<String> problems) {
        super("The knowledge base is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

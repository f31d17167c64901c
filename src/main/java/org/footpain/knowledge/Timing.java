package org.footpain.knowledge;

/** When a diagnostic test should be done. */
public sealed interface Timing extends Comparable<Timing> {

    /** Today. */
    record Emergent() implements Timing {
    }

    /** Within days. */
    record Urgent() implements Timing {
    }

    record Routine() implements Timing {
    }

    /** Only if symptoms have not improved {@code afterWeeks} weeks after onset; guidelines advise against it sooner. */
    record IfNoImprovement(int afterWeeks) implements Timing {
    }

    /** Higher is sooner: emergent 3, urgent 2, routine 1, if-no-improvement 0. */
    default int urgency() {
        if (this instanceof Emergent) {
            return 3;
        }
        if (this instanceof Urgent) {
            return 2;
        }
        return this instanceof Routine ? 1 : 0;
    }

    @Override
    default int compareTo(Timing other) {
        return Integer.compare(urgency(), other.urgency());
    }

    default String code() {
        if (this instanceof Emergent) {
            return "emergent";
        }
        if (this instanceof Urgent) {
            return "urgent";
        }
        return this instanceof Routine ? "routine" : "if-no-improvement";
    }
}

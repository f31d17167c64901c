package org.footpain.engine.nextfinding;

import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Side;

import java.util.List;

/**
 * A finding not yet examined that would best separate the leading conditions: on which leg to examine
 * it ({@link Side#UNSIDED} for findings without one), the conditions it separates, and the expected
 * information gain (bits) about which leading condition is present.
 */
public record NextFinding(FindingPath path, Side side, List<String> separates, double informationGain,
                          String rationale) {
    public NextFinding {
        separates = List.copyOf(separates);
    }
}

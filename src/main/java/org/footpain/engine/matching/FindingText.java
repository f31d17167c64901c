package org.footpain.engine.matching;

import org.footpain.engine.Finding;
import org.footpain.engine.FindingValue;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Side;

/** Short readable descriptions of supplied findings, for the texts a clinician reads. */
public final class FindingText {

    private FindingText() {
    }

    public static String describe(Finding finding) {
        FindingPath path = finding.path();
        String value = value(finding.value());
        String text = switch (path.shape()) {
            case SET -> value.replace('-', ' ');
            case SCALAR -> finding.value() instanceof FindingValue.Flag flag
                    ? (flag.value() ? path.label() : "no " + path.label())
                    : path.label() + " " + value;
            case BILATERAL -> path.label() + (path.path().startsWith("exam.strength.") ? " MRC " : " ") + value;
            case SIDED_LIST -> path.label() + " (" + value + ")";
        };
        return finding.side() == Side.UNSIDED ? text : text + " " + onSide(finding.side());
    }

    public static String onSide(Side side) {
        return switch (side) {
            case LEFT -> "on the left";
            case RIGHT -> "on the right";
            case BILATERAL -> "on both sides";
            case UNSIDED -> "";
        };
    }

    private static String value(FindingValue value) {
        if (value instanceof FindingValue.Code code) {
            return code.code();
        }
        if (value instanceof FindingValue.Count count) {
            return Integer.toString(count.value());
        }
        if (value instanceof FindingValue.Measure measure) {
            double v = measure.value();
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
        return Boolean.toString(((FindingValue.Flag) value).value());
    }
}

package org.footpain.engine;

import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Side;

/**
 * One supplied finding: the contract path, the leg ({@link Side#UNSIDED} for findings without one; a list
 * item may be {@link Side#BILATERAL}) and the value. A set such as {@code history.symptoms} yields one
 * finding per listed item.
 */
public record Finding(FindingPath path, Side side, FindingValue value) {

    public static Finding code(FindingPath path, Side side, String code) {
        return new Finding(path, side, new FindingValue.Code(code));
    }

    public static Finding count(FindingPath path, Side side, int value) {
        return new Finding(path, side, new FindingValue.Count(value));
    }

    public static Finding measure(FindingPath path, Side side, double value) {
        return new Finding(path, side, new FindingValue.Measure(value));
    }

    public static Finding flag(FindingPath path, boolean value) {
        return new Finding(path, Side.UNSIDED, new FindingValue.Flag(value));
    }

    public static Finding item(FindingPath path, String code) {
        return code(path, Side.UNSIDED, code);
    }

    /**
     * The same finding on the other leg; unsided and bilateral findings stay as they are, except the reported
     * side of the symptoms, whose value is a side.
     */
    public Finding mirrored() {
        if (path == FindingPath.SYMPTOM_SIDE && value instanceof FindingValue.Code code
                && !code.code().equals(Side.BILATERAL.code())) {
            return new Finding(path, side, new FindingValue.Code(Side.fromCode(code.code()).opposite().code()));
        }
        return new Finding(path, side.opposite(), value);
    }
}

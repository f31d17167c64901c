package org.footpain.engine;

import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Setting;
import org.footpain.knowledge.Side;
import org.footpain.knowledge.ValueDomain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The engine's whole input: the setting and the supplied findings, indexed once by path. What is not
 * here was not examined, and moves nothing. The constructor rejects what the contract forbids (a value
 * outside its domain, a finding given twice), so the engine never reasons on an impossible patient.
 */
public final class Presentation {

    private final Setting setting;
    private final List<Finding> findings;
    /** The findings at each path, by path ordinal (null where none was supplied). */
    private final List<Finding>[] byPath = newLists(FindingPath.values().length);
    /**
     * The items of each list without sides (a set such as the pain locations), by path ordinal and
     * {@link FindingPath#codeIndex} (null where none).
     */
    private final Finding[][] items = new Finding[FindingPath.values().length][];
    /**
     * The codes supplied at each path on each side as {@link FindingPath#codeBits}, by path and side ordinal: every item
     * of a set, the value of a coded finding; 0 where nothing coded was supplied.
     */
    private final long[][] codeBits = new long[FindingPath.values().length][];
    /** The first finding at each path on each side, by path and side ordinal: {@link #on} is asked very often. */
    private final Finding[][] bySide = new Finding[FindingPath.values().length][];
    private final boolean redFlagsScreened;
    /** The findings supplied, as {@link FindingPath#bit}s. */
    private final long suppliedPaths;

    public Presentation(Setting setting, List<Finding> findings) {
        this.setting = setting;
        this.findings = List.copyOf(findings);
        long supplied = 0;
        for (Finding finding : this.findings) {
            check(finding);
            FindingPath path = finding.path();
            int at = path.ordinal();
            int side = finding.side().ordinal();
            if (givenBefore(finding)) {
                String key = path.shape() == FindingPath.Shape.SCALAR || path.shape() == FindingPath.Shape.BILATERAL
                        ? path.path() + "/" + finding.side()
                        : path.path() + "/" + finding.side() + "/" + finding.value();
                throw new IllegalArgumentException("finding given twice: " + key);
            }
            supplied |= path.bit();
            if (byPath[at] == null) {
                byPath[at] = new ArrayList<>(2);
                bySide[at] = new Finding[Side.values().length];
            }
            byPath[at].add(finding);
            if (bySide[at][side] == null) {
                bySide[at][side] = finding;
            }
            if (path.shape() != FindingPath.Shape.SIDED_LIST && finding.value() instanceof FindingValue.Code code) {
                int index = path.codeIndex(code.code());
                if (codeBits[at] == null) {
                    codeBits[at] = new long[Side.values().length];
                }
                codeBits[at][side] |= 1L << index;
                if (path.shape() == FindingPath.Shape.SET) {
                    if (items[at] == null) {
                        items[at] = new Finding[path.codeCount()];
                    }
                    items[at][index] = finding;
                }
            }
        }
        if (all(FindingPath.AGE).isEmpty()) {
            throw new IllegalArgumentException("patient.ageYears is required");
        }
        for (int i = 0; i < byPath.length; i++) {
            if (byPath[i] != null) {
                byPath[i] = Collections.unmodifiableList(byPath[i]);
            }
        }
        suppliedPaths = supplied;
        redFlagsScreened = on(FindingPath.RED_FLAGS_SCREENED, Side.UNSIDED)
                .map(f -> ((FindingValue.Flag) f.value()).value()).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private static List<Finding>[] newLists(int size) {
        return (List<Finding>[]) new List<?>[size];
    }

    public Setting setting() {
        return setting;
    }

    public List<Finding> findings() {
        return findings;
    }

    public List<Finding> all(FindingPath path) {
        List<Finding> supplied = byPath[path.ordinal()];
        return supplied == null ? List.of() : supplied;
    }

    /** The findings supplied, each as its {@link FindingPath#bit}. */
    public long suppliedPaths() {
        return suppliedPaths;
    }

    /** Whether anything was supplied at this path. */
    public boolean has(FindingPath path) {
        return bySide[path.ordinal()] != null;
    }

    /** The finding at a path on one leg (or {@link Side#UNSIDED} for a path without sides). */
    public Optional<Finding> on(FindingPath path, Side side) {
        Finding[] sides = bySide[path.ordinal()];
        return sides == null ? Optional.empty() : Optional.ofNullable(sides[side.ordinal()]);
    }

    /**
     * Whether any of these codes ({@link FindingPath#codeBits}) was supplied at a path on one side: listed in a set, or
     * the value of a coded finding (not for lists of sided items).
     */
    public boolean suppliesAny(FindingPath path, Side side, long codes) {
        long[] bySide = codeBits[path.ordinal()];
        return bySide != null && (bySide[side.ordinal()] & codes) != 0;
    }

    public boolean listed(FindingPath path, String code) {
        return item(path, code).isPresent();
    }

    /** The item listed with this code at a path without sides (a set such as the pain locations). */
    public Optional<Finding> item(FindingPath path, String code) {
        Finding[] listed = items[path.ordinal()];
        int at = path.codeIndex(code);
        return listed == null || at < 0 ? Optional.empty() : Optional.ofNullable(listed[at]);
    }

    /**
     * The items listed at a set's path with any of these codes ({@link FindingPath#codeBits}), in the order they were
     * supplied; empty when none is.
     */
    public List<Finding> listedAmong(FindingPath path, long codes) {
        if (!suppliesAny(path, Side.UNSIDED, codes)) {
            return List.of();
        }
        long hit = codeBits[path.ordinal()][Side.UNSIDED.ordinal()] & codes;
        Finding[] listed = items[path.ordinal()];
        if (Long.bitCount(hit) == 1) {
            return List.of(listed[Long.numberOfTrailingZeros(hit)]);
        }
        List<Finding> inOrder = new ArrayList<>(Long.bitCount(hit));
        for (Finding f : all(path)) {
            for (long rest = hit; rest != 0; rest &= rest - 1) {
                if (listed[Long.numberOfTrailingZeros(rest)] == f) {
                    inOrder.add(f);
                    break;
                }
            }
        }
        return Collections.unmodifiableList(inOrder);
    }

    public int ageYears() {
        return ((FindingValue.Count) all(FindingPath.AGE).get(0).value()).value();
    }

    public boolean redFlagsScreened() {
        return redFlagsScreened;
    }

    public OptionalDouble durationWeeks() {
        return on(FindingPath.DURATION_WEEKS, Side.UNSIDED)
                .map(f -> OptionalDouble.of(((FindingValue.Measure) f.value()).value()))
                .orElse(OptionalDouble.empty());
    }

    /** The same patient with left and right swapped everywhere. */
    public Presentation mirrored() {
        return new Presentation(setting, findings.stream().map(Finding::mirrored).toList());
    }

    /**
     * Whether the finding repeats one indexed already: a second value at a path on the same side, or an item listed
     * twice.
     */
    private boolean givenBefore(Finding finding) {
        int at = finding.path().ordinal();
        if (byPath[at] == null) {
            return false;
        }
        if (finding.path().shape() == FindingPath.Shape.SCALAR || finding.path().shape() == FindingPath.Shape.BILATERAL) {
            return bySide[at][finding.side().ordinal()] != null;
        }
        for (Finding f : byPath[at]) {
            if (f.side() == finding.side() && f.value().equals(finding.value())) {
                return true;
            }
        }
        return false;
    }

    private static void check(Finding finding) {
        FindingPath path = finding.path();
        boolean sidedOk = switch (path.shape()) {
            case SCALAR, SET -> finding.side() == Side.UNSIDED;
            case BILATERAL -> finding.side() == Side.LEFT || finding.side() == Side.RIGHT;
            case SIDED_LIST -> finding.side() != Side.UNSIDED;
        };
        if (!sidedOk) {
            throw new IllegalArgumentException(path.path() + " cannot be given with side " + finding.side());
        }
        ValueDomain domain = path.domain();
        FindingValue value = finding.value();
        boolean valueOk;
        if (domain instanceof ValueDomain.Codes codes) {
            valueOk = value instanceof FindingValue.Code c && path.codeIndex(c.code()) >= 0;
        } else if (domain instanceof ValueDomain.IntegerRange range) {
            valueOk = value instanceof FindingValue.Count c && c.value() >= range.min() && c.value() <= range.max();
        } else if (domain instanceof ValueDomain.NumberRange range) {
            valueOk = value instanceof FindingValue.Measure m && m.value() >= range.min() && m.value() <= range.max();
        } else {
            valueOk = value instanceof FindingValue.Flag;
        }
        if (!valueOk) {
            throw new IllegalArgumentException(path.path() + " cannot take the value " + value);
        }
    }
}

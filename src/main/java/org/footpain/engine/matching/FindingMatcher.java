package org.footpain.engine.matching;

import org.footpain.engine.Finding;
import org.footpain.engine.FindingValue;
import org.footpain.engine.Presentation;
import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Match;
import org.footpain.knowledge.Side;
import org.footpain.knowledge.SidePattern;
import org.footpain.knowledge.ValueTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a knowledge-base match applies to the supplied findings, and which findings make it
 * apply. Only supplied findings can match: a finding that was not examined never satisfies a match,
 * positive or negative ("absent is not normal"). The one exception the contract allows is a red flag
 * screened as absent.
 */
public final class FindingMatcher {

    private FindingMatcher() {
    }

    /**
     * The findings that satisfy {@code match}, read for a hypothesis on {@code leg} (LEFT or RIGHT) or
     * for the patient as a whole ({@link Side#UNSIDED}); empty when the match does not apply.
     */
    public static Optional<List<Finding>> matches(Match match, Presentation presentation, Side leg) {
        FindingPath path = match.path();
        return switch (path.shape()) {
            case SCALAR -> passing(match.test(), presentation.on(path, Side.UNSIDED));
            case SET -> set(match, presentation);
            case BILATERAL -> bilateral(match, presentation, leg);
            case SIDED_LIST -> sidedList(match, presentation, leg);
        };
    }

    /**
     * What the supplied findings say about a match, for a cluster criterion: positive, negative (examined and
     * not matching) or unknown. A set item that is not listed is unknown, unless it is a screened red flag.
     */
    public static Answer answer(Match match, Presentation presentation, Side leg) {
        Optional<List<Finding>> positive = matches(match, presentation, leg);
        if (positive.isPresent()) {
            return new Answer(Answer.Kind.POSITIVE, positive.get());
        }
        FindingPath path = match.path();
        List<Finding> examined = new ArrayList<>();
        switch (path.shape()) {
            case SCALAR -> presentation.on(path, Side.UNSIDED).ifPresent(examined::add);
            case SET -> {
                if (path == FindingPath.RED_FLAGS && presentation.redFlagsScreened()) {
                    presentation.on(FindingPath.RED_FLAGS_SCREENED, Side.UNSIDED).ifPresent(examined::add);
                }
            }
            case BILATERAL -> {
                switch (match.on()) {
                    case SIDE -> presentation.on(path, leg).ifPresent(examined::add);
                    case EITHER, SYMMETRIC -> {
                        // negative only when both legs were examined and neither shows it
                        Optional<Finding> left = presentation.on(path, Side.LEFT);
                        Optional<Finding> right = presentation.on(path, Side.RIGHT);
                        if (left.isPresent() && right.isPresent()) {
                            examined.add(left.get());
                            examined.add(right.get());
                        }
                    }
                    case BOTH -> {
                        presentation.on(path, Side.LEFT).filter(f -> !passes(match.test(), f.value()))
                                .ifPresent(examined::add);
                        presentation.on(path, Side.RIGHT).filter(f -> !passes(match.test(), f.value()))
                                .ifPresent(examined::add);
                    }
                }
            }
            case SIDED_LIST -> {
                // a list names what was found; an item not listed is unknown, never normal
            }
        }
        return examined.isEmpty() ? new Answer(Answer.Kind.UNKNOWN, List.of())
                : new Answer(Answer.Kind.NEGATIVE, examined);
    }

    /**
     * What the supplied findings say about a criterion met by any of several matches: positive when one is
     * positive, negative when every one is negative, unknown otherwise.
     */
    public static Answer answer(List<Match> matches, Presentation presentation, Side leg) {
        List<Finding> negatives = new ArrayList<>();
        boolean unknown = false;
        for (Match match : matches) {
            Answer answer = answer(match, presentation, leg);
            if (answer.kind() == Answer.Kind.POSITIVE) {
                return answer;
            }
            unknown |= answer.kind() == Answer.Kind.UNKNOWN;
            negatives.addAll(answer.findings());
        }
        return unknown ? new Answer(Answer.Kind.UNKNOWN, List.of()) : new Answer(Answer.Kind.NEGATIVE, negatives);
    }

    /** What is known about one criterion, with the supplied findings that say so. */
    public record Answer(Kind kind, List<Finding> findings) {
        public enum Kind { POSITIVE, NEGATIVE, UNKNOWN }
    }

    public static boolean passes(ValueTest test, FindingValue value) {
        if (test instanceof ValueTest.OneOf oneOf) {
            return value instanceof FindingValue.Code code && oneOf.codes().contains(code.code());
        }
        if (test instanceof ValueTest.Within within) {
            if (value instanceof FindingValue.Count count) {
                return within.test(count.value());
            }
            return value instanceof FindingValue.Measure measure && within.test(measure.value());
        }
        return value instanceof FindingValue.Flag flag && flag.value() == ((ValueTest.Is) test).value();
    }

    /** The one supplied finding, when there is one and it passes. */
    private static Optional<List<Finding>> passing(ValueTest test, Optional<Finding> supplied) {
        return supplied.isPresent() && passes(test, supplied.get().value())
                ? Optional.of(List.of(supplied.get())) : Optional.empty();
    }

    private static Optional<List<Finding>> set(Match match, Presentation presentation) {
        ValueTest.OneOf items = (ValueTest.OneOf) match.test();
        if (match.screenedAbsent()) {
            if (!presentation.redFlagsScreened()) {
                return Optional.empty();
            }
            for (String item : items.codes()) {
                if (presentation.listed(match.path(), item)) {
                    return Optional.empty();
                }
            }
            return presentation.on(FindingPath.RED_FLAGS_SCREENED, Side.UNSIDED).map(List::of);
        }
        // the items in the order they were supplied (each code is listed once at most)
        return listedInOrder(items, presentation.all(match.path()));
    }

    private static Optional<List<Finding>> listedInOrder(ValueTest.OneOf items, List<Finding> supplied) {
        Finding first = null;
        List<Finding> listed = null; // made only when a second item passes
        for (int i = 0; i < supplied.size(); i++) {
            Finding f = supplied.get(i);
            if (passes(items, f.value())) {
                if (first == null) {
                    first = f;
                } else {
                    if (listed == null) {
                        listed = new ArrayList<>(3);
                        listed.add(first);
                    }
                    listed.add(f);
                }
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(listed == null ? List.of(first) : Collections.unmodifiableList(listed));
    }

    private static Optional<List<Finding>> bilateral(Match match, Presentation presentation, Side leg) {
        FindingPath path = match.path();
        if (match.on() == SidePattern.SIDE) {
            return passing(match.test(), presentation.on(path, leg));
        }
        Optional<Finding> left = presentation.on(path, Side.LEFT);
        Optional<Finding> right = presentation.on(path, Side.RIGHT);
        switch (match.on()) {
            case SYMMETRIC -> {
                // the same value on both legs: for a one-sided lesion this is the pattern of a systemic cause
                if (left.isEmpty() || right.isEmpty() || !left.get().value().equals(right.get().value())
                        || !passes(match.test(), left.get().value())) {
                    return Optional.empty();
                }
                return leg == Side.LEFT || leg == Side.RIGHT
                        ? presentation.on(path, leg).map(List::of)
                        : Optional.of(List.of(left.get(), right.get()));
            }
            case EITHER -> {
                boolean onLeft = left.isPresent() && passes(match.test(), left.get().value());
                boolean onRight = right.isPresent() && passes(match.test(), right.get().value());
                if (onLeft && onRight) {
                    return Optional.of(List.of(left.get(), right.get()));
                }
                return onLeft ? Optional.of(List.of(left.get()))
                        : onRight ? Optional.of(List.of(right.get())) : Optional.empty();
            }
            case BOTH -> {
                if (left.isPresent() && right.isPresent() && passes(match.test(), left.get().value())
                        && passes(match.test(), right.get().value())) {
                    return Optional.of(List.of(left.get(), right.get()));
                }
                return Optional.empty();
            }
            default -> throw new IllegalStateException(match.on().toString());
        }
    }

    private static Optional<List<Finding>> sidedList(Match match, Presentation presentation, Side leg) {
        if (!presentation.has(match.path())) {
            return Optional.empty();
        }
        List<Finding> supplied = presentation.all(match.path());
        List<Finding> passing = null; // made once an item passes: most lists hold nothing a given outcome asks for
        for (int i = 0; i < supplied.size(); i++) {
            Finding f = supplied.get(i);
            if (passes(match.test(), f.value())) {
                if (passing == null) {
                    passing = new ArrayList<>(supplied.size());
                }
                passing.add(f);
            }
        }
        if (passing == null) {
            return Optional.empty();
        }
        List<Finding> chosen = switch (match.on()) {
            case SIDE -> on(passing, leg);
            case SYMMETRIC -> coversBoth(passing) ? leg == Side.UNSIDED ? passing : on(passing, leg) : List.of();
            case EITHER -> passing;
            case BOTH -> coversBoth(passing) ? passing : List.of();
        };
        return chosen.isEmpty() ? Optional.empty() : Optional.of(Collections.unmodifiableList(chosen));
    }

    private static List<Finding> on(List<Finding> findings, Side leg) {
        List<Finding> chosen = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (f.side().covers(leg)) {
                chosen.add(f);
            }
        }
        return chosen;
    }

    private static boolean coversBoth(List<Finding> findings) {
        boolean left = false;
        boolean right = false;
        for (Finding f : findings) {
            left |= f.side().covers(Side.LEFT);
            right |= f.side().covers(Side.RIGHT);
        }
        return left && right;
    }
}

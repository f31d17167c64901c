package org.footpain.knowledge;

/**
 * A finding path with the value it must have and, for findings on both legs, how the legs are read.
 * {@code screenedAbsent} matches a red flag that is not listed while {@code history.redFlagsScreened}
 * is true: the only place the contract lets an unlisted item count as absent.
 */
public record Match(FindingPath path, ValueTest test, SidePattern on, boolean screenedAbsent) {
}

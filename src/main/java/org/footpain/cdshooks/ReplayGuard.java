package org.footpain.cdshooks;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the {@code jti} of every accepted token until the token could no longer be accepted anyway, so
 * that a captured token cannot be replayed. Bounded: when full of live tokens it refuses rather than forgets.
 */
final class ReplayGuard {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final int capacity;

    ReplayGuard(int capacity) {
        this.capacity = capacity;
    }

    /** True the first time this issuer's token id is presented before {@code acceptableUntil}; false after. */
    boolean firstUse(String issuer, String tokenId, Instant acceptableUntil, Instant now) {
        if (seen.size() >= capacity) {
            seen.values().removeIf(until -> until.isBefore(now));
            if (seen.size() >= capacity) {
                return false;
            }
        }
        String key = issuer + '\n' + tokenId;
        Instant[] previous = new Instant[1];
        seen.compute(key, (k, until) -> {
            previous[0] = until;
            return until != null && !until.isBefore(now) ? until : acceptableUntil;
        });
        return previous[0] == null || previous[0].isBefore(now);
    }
}

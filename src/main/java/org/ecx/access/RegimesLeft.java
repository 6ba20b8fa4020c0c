package org.ecx.access;

import java.util.Set;

/**
 * A partner state left regimes (its membership was narrowed), fired synchronously inside the registry update's
 * transaction: records distributed to those regimes are no longer visible to it, and the feed tells it to
 * delete its copies (issue 11, finding 7).
 */
public record RegimesLeft(String state, Set<String> regimes) {

    public RegimesLeft {
        regimes = Set.copyOf(regimes);
    }
}

package org.ecx.common;

import java.util.Objects;

/**
 * Who did something, as the audit trail records it: the acting state (none for ECX itself) and a name. A plain
 * value, so that the audit log needs nothing of the security layer that authenticated the actor.
 */
public record Actor(String state, String name) {

    private static final Actor SYSTEM = new Actor(null, "ecx-system");

    public Actor {
        Objects.requireNonNull(name, "name");
    }

    /** ECX itself (schedulers, bootstrap). */
    public static Actor system() {
        return SYSTEM;
    }
}

package org.ecx.access;

import java.util.Set;
import org.ecx.common.Actor;

/**
 * The authenticated principal of one request: its state (from the token's {@code state} claim, checked
 * against the partner registry), its ECX roles and a name for the audit trail.
 */
public record Caller(String state, Set<Role> roles, String actor) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isOf(String otherState) {
        return state.equals(otherState);
    }

    /** This caller as the audit trail records it. */
    public Actor asActor() {
        return new Actor(state, actor);
    }
}

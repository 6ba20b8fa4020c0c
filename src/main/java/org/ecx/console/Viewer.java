package org.ecx.console;

import java.util.Set;
import org.ecx.access.Caller;
import org.ecx.access.Permission;
import org.ecx.access.Role;

/**
 * Who looks at a console page: the {@link Caller} the policy bean resolved, or nobody on the public pages. Only
 * decides which links and forms a page offers; every action is still authorized by the policy bean.
 */
public record Viewer(boolean signedIn, String state, String actor, Set<Role> roles) {

    static final Viewer ANONYMOUS = new Viewer(false, null, null, Set.of());

    static Viewer of(Caller caller) {
        return new Viewer(true, caller.state(), caller.actor(), caller.roles());
    }

    /** Whether the policy table lets this viewer perform {@code permission} (a {@link Permission} name). */
    public boolean can(String permission) {
        return signedIn && Permission.valueOf(permission).allows(roles);
    }

    public String roleNames() {
        return String.join(", ", roles.stream().map(Role::claim).sorted().toList());
    }
}

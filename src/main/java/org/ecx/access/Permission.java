package org.ecx.access;

import static org.ecx.access.Role.ADMIN;
import static org.ecx.access.Role.AUDITOR;
import static org.ecx.access.Role.DENIAL_OFFICER;
import static org.ecx.access.Role.FEDERATION_PEER;
import static org.ecx.access.Role.LICENSING_OFFICER;
import static org.ecx.access.Role.LIST_EDITOR;
import static org.ecx.access.Role.RECOGNITION_OFFICER;

import java.util.EnumSet;
import java.util.Set;

/**
 * The authorization policy table: every operation ECX offers and the roles that may perform it (SPEC §1).
 * Record-level rules (own state, visibility, addressee) are applied by the services on top of this table.
 * {@link AccessPolicy} is the only place that checks it.
 */
public enum Permission {
    // Partner registry
    STATE_READ(EnumSet.allOf(Role.class)),
    STATE_WRITE(EnumSet.of(ADMIN)),

    // Audit
    AUDIT_READ(EnumSet.of(AUDITOR)),
    AUDIT_VERIFY(EnumSet.of(AUDITOR)),

    // Denials
    DENIAL_CREATE(EnumSet.of(DENIAL_OFFICER)),
    DENIAL_READ(EnumSet.of(DENIAL_OFFICER, LICENSING_OFFICER)),
    DENIAL_AMEND(EnumSet.of(DENIAL_OFFICER)),
    DENIAL_RENEW(EnumSet.of(DENIAL_OFFICER)),
    DENIAL_REVOKE(EnumSet.of(DENIAL_OFFICER)),
    DENIAL_RECEIPTS(EnumSet.of(DENIAL_OFFICER, AUDITOR)),

    // Screening and consultations
    SCREENING(EnumSet.of(LICENSING_OFFICER)),
    CONSULTATION_OPEN(EnumSet.of(LICENSING_OFFICER)),
    CONSULTATION_READ(EnumSet.of(LICENSING_OFFICER, DENIAL_OFFICER)),
    CONSULTATION_REPLY(EnumSet.of(DENIAL_OFFICER)),
    CONSULTATION_EXTEND(EnumSet.of(DENIAL_OFFICER)),
    CONSULTATION_OUTCOME(EnumSet.of(LICENSING_OFFICER)),

    // Control lists
    CONTROL_LIST_READ(EnumSet.allOf(Role.class)),
    CONTROL_LIST_PUBLISH(EnumSet.of(LIST_EDITOR)),
    CORRELATION_WRITE(EnumSet.of(LIST_EDITOR)),

    // Mutual recognition
    RECOGNITION_READ(EnumSet.of(RECOGNITION_OFFICER, LICENSING_OFFICER)),
    RECOGNITION_WRITE(EnumSet.of(RECOGNITION_OFFICER)),

    // Federation
    FEED_READ(EnumSet.of(FEDERATION_PEER)),
    SUBSCRIPTION_MANAGE(EnumSet.of(FEDERATION_PEER));

    private final Set<Role> allowed;

    Permission(Set<Role> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    public Set<Role> allowedRoles() {
        return allowed;
    }

    public boolean allows(Set<Role> roles) {
        for (Role r : roles) {
            if (allowed.contains(r)) {
                return true;
            }
        }
        return false;
    }
}

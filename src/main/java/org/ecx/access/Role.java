package org.ecx.access;

import java.util.Optional;

/** The realm roles of SPEC §1, as they appear in the token. */
public enum Role {
    DENIAL_OFFICER("denial-officer"),
    LICENSING_OFFICER("licensing-officer"),
    LIST_EDITOR("list-editor"),
    RECOGNITION_OFFICER("recognition-officer"),
    AUDITOR("auditor"),
    FEDERATION_PEER("federation-peer"),
    ADMIN("admin");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role r : values()) {
            if (r.claim.equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}

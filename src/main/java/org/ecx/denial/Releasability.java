package org.ecx.denial;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Releasability of each group of sensitive denial fields (SPEC §2). An absent group is released to the
 * originator only.
 */
@Schema(name = "Releasability")
public record Releasability(
        @Schema(description = "parties[].address") Release addresses,
        @Schema(description = "parties[].identifiers") Release identifiers,
        @Schema(description = "rationale and the reason of a revocation") Release rationale,
        @Schema(description = "contact") Release contact,
        @Schema(description = "licenceApplicationRef") Release licence,
        @Schema(description = "items[].quantity and items[].value") Release quantities) {

    public static final Releasability NONE = new Releasability(null, null, null, null, null, null);

    /** The same releasability with every absent group made explicit as ORIGINATOR. */
    public Releasability normalized() {
        return new Releasability(or(addresses), or(identifiers), or(rationale), or(contact), or(licence),
                or(quantities));
    }

    public Release of(SensitiveGroup group) {
        Release r = switch (group) {
            case ADDRESSES -> addresses;
            case IDENTIFIERS -> identifiers;
            case RATIONALE -> rationale;
            case CONTACT -> contact;
            case LICENCE -> licence;
            case QUANTITIES -> quantities;
        };
        return or(r);
    }

    private static Release or(Release r) {
        return r == null ? Release.ORIGINATOR : r;
    }
}

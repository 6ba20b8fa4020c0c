package org.ecx.registry;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ecx.access.PartnerRegistry;
import org.ecx.access.PartnerState;

/** A partner state as served by the registry API. */
@Schema(name = "PartnerState")
public record StateView(
        @Schema(required = true, example = "DE") String code,
        @Schema(required = true, example = "Germany") String name,
        @Schema(required = true) boolean active,
        @Schema(required = true, example = "[\"EU\", \"NSG\", \"WA\"]") List<String> regimes) {

    static StateView of(PartnerState s) {
        return new StateView(s.code, s.name, s.active, List.copyOf(new java.util.TreeSet<>(s.regimes)));
    }

    static StateView of(PartnerRegistry.Partner p) {
        return new StateView(p.code(), p.name(), p.active(), List.copyOf(new java.util.TreeSet<>(p.regimes())));
    }
}

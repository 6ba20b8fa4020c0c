package org.ecx.denial;

/** Query parameters of {@code GET /denials}, as received (parsed and checked by the service). */
public record DenialFilter(String status, String notifyingState, String controlEntry, String partyCountry,
        String destinationCountry, String updatedSince, String limit, String cursor) {
}

package org.ecx.console;

import org.ecx.denial.DenialFilter;
import org.ecx.denial.DenialStatus;

/** The filters of the denials page as typed; {@link #filter(String)} turns them into the API's filter. */
public record DenialQuery(String status, String controlEntry, String partyCountry, String updatedSince) {

    static final String PAGE_SIZE = "20";

    DenialFilter filter(String cursor) {
        String since = ConsoleContext.blankToNull(updatedSince);
        return new DenialFilter(ConsoleContext.blankToNull(status), null, ConsoleContext.blankToNull(controlEntry),
                ConsoleContext.blankToNull(partyCountry), null, since == null ? null : since + "T00:00:00Z",
                PAGE_SIZE, ConsoleContext.blankToNull(cursor));
    }

    public DenialStatus[] statuses() {
        return DenialStatus.values();
    }

    /** The query string of these filters, for the next-page link. */
    String queryString() {
        StringBuilder q = new StringBuilder();
        append(q, "status", status);
        append(q, "controlEntry", controlEntry);
        append(q, "partyCountry", partyCountry);
        append(q, "updatedSince", updatedSince);
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append('&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.trim(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}

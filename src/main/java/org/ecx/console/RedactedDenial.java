package org.ecx.console;

import java.util.Set;
import org.ecx.denial.DenialView;

/**
 * A denial as the redactor built it for the viewer, with the question the pages ask of every sensitive field:
 * was it withheld from this viewer? A withheld field is shown as "withheld", never as blank, so that an officer
 * does not read "no address" where ECX means "not for you".
 */
public record RedactedDenial(DenialView view, Set<String> redactions) {

    static RedactedDenial of(DenialView view) {
        return new RedactedDenial(view, Set.copyOf(view.redactions()));
    }

    /** Whether the field at this path of the API's JSON (as listed in {@code redactions}) was withheld. */
    public boolean withheld(String path) {
        return redactions.contains(path);
    }

    public boolean partyWithheld(int index, String field) {
        return withheld("parties[" + index + "]." + field);
    }

    public boolean itemWithheld(int index, String field) {
        return withheld("items[" + index + "]." + field);
    }
}

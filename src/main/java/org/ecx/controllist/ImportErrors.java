package org.ecx.controllist;

import java.util.ArrayList;
import java.util.List;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Problem;

/**
 * Collects every problem of an edition import so that one 422 lists them all. Each is a field path into the
 * edition document ({@code entries[12].parentCode}, {@code effectiveDate}) and a message that starts with the
 * entry's code where it has one. Past {@code maxListed} problems the rest are only counted (the detail says
 * how many), so that a 50 MiB body of garbage cannot make an unbounded response.
 */
final class ImportErrors {

    private final int maxListed;
    private final List<Problem.FieldError> listed = new ArrayList<>();
    private int total;

    ImportErrors(int maxListed) {
        this.maxListed = maxListed;
    }

    void add(String field, String message) {
        total++;
        if (listed.size() < maxListed) {
            listed.add(new Problem.FieldError(field, message));
        }
    }

    boolean any() {
        return total > 0;
    }

    int total() {
        return total;
    }

    EcxException toException() {
        String detail = total == listed.size()
                ? "The edition was rejected: " + total + (total == 1 ? " problem" : " problems")
                        + " (listed in errors). Nothing was stored."
                : "The edition was rejected: " + total + " problems; the first " + listed.size()
                        + " are listed in errors. Nothing was stored.";
        return new EcxException(ErrorCode.UNPROCESSABLE, detail, listed);
    }
}

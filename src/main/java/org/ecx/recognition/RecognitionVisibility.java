package org.ecx.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Map;
import java.util.UUID;
import org.ecx.common.EcxException;

/**
 * The one visibility rule for recognitions, as a query predicate in the style of {@code DenialVisibility}:
 * a viewer sees a recognition when it is one of the two parties (recognizing or recognized state, always),
 * or the distribution admits it (ALL_PARTNERS; REGIME with the viewer a CURRENT member; STATES listing it).
 * Every recognition read (get, list, check, feed, webhooks) selects through {@link #PREDICATE}.
 */
@ApplicationScoped
class RecognitionVisibility {

    /** HQL predicate on alias {@code r} with parameter {@code :viewer}. */
    public static final String PREDICATE = "(r.recognizingState = :viewer or r.recognizedState = :viewer"
            + " or r.distScope = 'ALL_PARTNERS'"
            + " or (r.distScope = 'REGIME' and exists (select 1 from PartnerState s join s.regimes m"
            + "      where s.code = :viewer and m = r.distRegime))"
            + " or (r.distScope = 'STATES' and :viewer member of r.recipients))";

    /** The recognition if the viewer may see it; otherwise the same 404 as for an id that never existed. */
    public Recognition findVisible(String id, String viewer, boolean lock) {
        UUID uuid = parseId(id);
        if (uuid == null) {
            throw EcxException.notFound();
        }
        var query = Recognition.<Recognition>find("from Recognition r where r.id = :id and " + PREDICATE,
                Map.of("id", uuid, "viewer", viewer));
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional().orElseThrow(EcxException::notFound);
    }

    private static UUID parseId(String id) {
        try {
            return id == null || id.length() != 36 ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

package org.ecx.controllist;

import org.ecx.common.ETags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecx.access.Caller;
import org.ecx.audit.AuditLog;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Problem;

/**
 * National correlations (SPEC §6): a list-editor of a state that edits the list replaces its own state's
 * table; every partner reads them. Each replacement is a change of the list's feed and an audit event.
 */
@ApplicationScoped
class CorrelationService {

    static final int MAX_MAPPINGS = 20_000;
    static final String RECORD_TYPE = "CONTROL_LIST_CORRELATION";

    @Inject
    ControlListCatalog catalog;

    @Inject
    ChangeLog changes;

    @Inject
    AuditLog audit;

    @Inject
    EtagSupport etags;

    @Inject
    Clock clock;

    public record Result(CorrelationView correlation, boolean created) {
    }

    public CorrelationView get(String listId, String state) {
        catalog.requireList(listId);
        return find(listId, state).map(CorrelationView::of).orElseThrow(EcxException::notFound);
    }

    /**
     * Replaces the caller's state's table. {@code ifMatch}, when given, must be the current version's ETag
     * (412 otherwise); a PUT that changes nothing is not a change.
     */
    @Transactional
    public Result put(Caller caller, String listId, String state, CorrelationUpdate update, String ifMatch) {
        catalog.requireEditor(caller, listId);
        if (!caller.isOf(state)) {
            throw new EcxException(ErrorCode.FORBIDDEN, "A state maintains only its own correlations.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<CorrelationMapping> seen = new HashSet<>();
        for (int i = 0; i < update.mappings().size(); i++) {
            CorrelationMapping m = update.mappings().get(i);
            if (!seen.add(new CorrelationMapping(m.nationalCode(), m.harmonizedCode(), null))) {
                errors.add(new Problem.FieldError("mappings[" + i + "]",
                        m.nationalCode() + " ↔ " + m.harmonizedCode() + " is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new EcxException(ErrorCode.UNPROCESSABLE, "The correlation table repeats mappings.", errors);
        }
        // Serializes writers of this list's correlations (also the first PUT, when there is no row to lock yet).
        // FOR NO KEY UPDATE does not block the key-share locks that inserts of editions take on the list row.
        // (A PESSIMISTIC_WRITE find of Correlation itself fails in Hibernate 7: composite key + collection.)
        Correlation.getEntityManager().createNativeQuery("SELECT 1 FROM control_list WHERE id = ?1 FOR NO KEY UPDATE")
                .setParameter(1, listId).getSingleResult();
        Correlation c = Correlation.findById(new Correlation.Key(listId, state));
        if (ifMatch != null && (c == null || !ETags.matches(ifMatch, etags.etag(CorrelationView.of(c)), false))) {
            throw new EcxException(ErrorCode.PRECONDITION_FAILED,
                    "The correlation table has changed since it was read (If-Match does not match).");
        }
        boolean created = c == null;
        if (created) {
            c = new Correlation();
            c.key = new Correlation.Key(listId, state);
        } else if (c.mappings.equals(update.mappings())) {
            return new Result(CorrelationView.of(c), false);
        }
        c.mappings.clear();
        c.mappings.addAll(update.mappings());
        c.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        c.updatedBy = caller.actor();
        c.persistAndFlush();
        // audit first, change second: the lock order of every control-list write (see ChangeLog)
        audit.record(caller.asActor(), created ? "CORRELATION_CREATED" : "CORRELATION_REPLACED", RECORD_TYPE,
                listId + "/" + state, state);
        changes.record(listId, ChangeType.CORRELATION_CHANGED, null, state);
        return new Result(CorrelationView.of(c), created);
    }

    private static java.util.Optional<Correlation> find(String listId, String state) {
        if (state == null || !state.matches("^[A-Z]{2}$")) {
            return java.util.Optional.empty();
        }
        return Correlation.findByIdOptional(new Correlation.Key(listId, state));
    }
}

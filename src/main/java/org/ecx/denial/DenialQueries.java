package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.ecx.access.Caller;
import org.ecx.audit.AccessReceipt;
import org.ecx.audit.AuditLog;
import org.ecx.audit.AuditService;
import org.ecx.common.Cursors;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Page;
import org.ecx.common.validation.CountryCode;
import org.ecx.controllist.ControlCode;

/**
 * Reading denials (SPEC §3): only through {@link DenialVisibility} and {@link DenialRedactor}. Every read of
 * another state's denial is an audit event in the same transaction (access receipts, SPEC §9); read paths of
 * other packages (screening, consultations) build their views here and record their reads here too.
 */
@ApplicationScoped
public class DenialQueries {

    public static final String RECORD_TYPE = "DENIAL";
    public static final String READ_ACTION = "DENIAL_READ";

    @Inject
    DenialVisibility visibility;

    @Inject
    DenialRedactor redactor;

    @Inject
    DenialReads reads;

    @Inject
    AuditLog audit;

    @Inject
    AuditService auditTrail;

    @Inject
    EcxConfig config;

    @Inject
    DenialJson json;

    /**
     * One denial for the caller: one statement outside JTA ({@link DenialReads}), which also appends the audit event
     * of another state's read; redacted after the connection is back in the pool.
     */
    public DenialView get(Caller caller, String id) {
        return currentView(reads.current(idOf(id), caller, READ_ACTION, RECORD_TYPE), caller.state(), json.now());
    }

    @Transactional
    public List<DenialHistoryEntry> history(Caller caller, String id) {
        Denial d = visible(caller, id);
        DenialSnapshot current = json.read(d.body);
        boolean originator = caller.isOf(d.notifyingState);
        List<UndercutNotice> notices = notices(d.id);
        List<DenialHistoryEntry> entries = new ArrayList<>();
        for (DenialVersion v : DenialVersion.<DenialVersion>list("denialId = ?1 order by version", d.id)) {
            DenialSnapshot s = json.read(v.body);
            DenialView view = redactor.view(d.id, d.notifyingState, v.version, s,
                    current.content().releasabilityOrDefault(), s.status(), caller.state(), notices);
            entries.add(new DenialHistoryEntry(v.version, v.changeType, v.changedAt, originator ? v.changedBy : null,
                    view));
        }
        recordRead(caller, d);
        return entries;
    }

    /** Who read the caller's own denial, how often and when (SPEC §9); another state's visible denial is 403. */
    @Transactional
    public List<AccessReceipt> receipts(Caller caller, String id) {
        Denial d = visible(caller, id);
        if (!caller.isOf(d.notifyingState)) {
            throw new EcxException(ErrorCode.FORBIDDEN, "Only the notifying state sees the access receipts.");
        }
        return auditTrail.receipts(RECORD_TYPE, d.id.toString(), READ_ACTION);
    }

    /**
     * A page of the denials visible to the caller: one statement outside JTA ({@link DenialReads#page}) that also
     * appends the audit events of the page's other-state denials; redacted after the connection is back.
     */
    public Page<DenialView> list(Caller caller, DenialFilter f) {
        int limit = Cursors.limit(f.limit(), config);
        long after = Cursors.decodeLong("denials", caller.state(), f.cursor(), 0);
        Instant now = json.now();
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (present(f.status())) {
            DenialStatus status = parseStatus(f.status());
            switch (status) {
                case ACTIVE -> where.append(" AND d.status = 'ACTIVE' AND d.review_due_at > ?");
                case RENEWED -> where.append(" AND d.status = 'RENEWED' AND d.review_due_at > ?");
                case REVIEW_OVERDUE -> where.append(" AND d.status <> 'REVOKED' AND d.review_due_at <= ?");
                case REVOKED -> where.append(" AND d.status = 'REVOKED'");
            }
            if (status != DenialStatus.REVOKED) {
                params.add(now.atOffset(java.time.ZoneOffset.UTC));
            }
        }
        if (present(f.notifyingState())) {
            params.add(country("notifyingState", f.notifyingState()));
            where.append(" AND d.notifying_state = ?");
        }
        if (present(f.destinationCountry())) {
            params.add(country("destinationCountry", f.destinationCountry()));
            where.append(" AND d.destination_country = ?");
        }
        if (present(f.partyCountry())) {
            params.add(country("partyCountry", f.partyCountry()));
            where.append(" AND EXISTS (SELECT 1 FROM denial_party p WHERE p.denial_id = d.id AND p.country = ?)");
        }
        if (present(f.controlEntry())) {
            ControlCode code = ControlCode.parse(f.controlEntry().trim())
                    .orElseThrow(() -> EcxException.invalid("controlEntry", "is not a control code"));
            params.add(code.value());
            params.add(code.value() + ".%");
            where.append(" AND EXISTS (SELECT 1 FROM denial_item i WHERE i.denial_id = d.id"
                    + " AND (i.control_entry = ? OR i.control_entry LIKE ?");
            for (ControlCode ancestor : code.ancestors()) {
                params.add(ancestor.value());
                where.append(" OR i.control_entry = ?");
            }
            where.append("))");
        }
        if (present(f.updatedSince())) {
            try {
                params.add(Instant.parse(f.updatedSince().trim()).atOffset(java.time.ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw EcxException.invalid("updatedSince", "must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z");
            }
            where.append(" AND d.updated_at >= ?");
        }
        List<DenialReads.Current> rows = reads.page(caller, after, where.toString(), params, limit, READ_ACTION,
                RECORD_TYPE);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Cursors.encode("denials", caller.state(), Long.toString(rows.get(limit - 1).seq()));
        }
        List<DenialView> items = new ArrayList<>();
        for (DenialReads.Current d : rows) {
            items.add(currentView(d, caller.state(), now));
        }
        return new Page<>(items, next);
    }

    private Denial visible(Caller caller, String id) {
        return visibility.findVisible(idOf(id), caller.state());
    }

    /** A path id; a malformed one is the same 404 as a missing one. */
    private static UUID idOf(String id) {
        UUID uuid = DenialVisibility.parseId(id);
        if (uuid == null) {
            throw EcxException.notFound();
        }
        return uuid;
    }

    /**
     * The current version of a denial the viewer is known to see, redacted for it, with its undercut notices; the
     * read must then be {@link #recordRead recorded}.
     */
    public DenialView currentView(Denial d, String viewer, Instant now) {
        return currentView(d, viewer, now, notices(d.id));
    }

    /**
     * The current version of a denial the viewer is known to see (selected through
     * {@link DenialVisibility#PREDICATE}), redacted for it, with its undercut notices. For read paths outside
     * this service (screening, consultations), which must then also {@link #recordRead record the read}.
     */
    public DenialView currentView(Denial d, String viewer, Instant now, List<UndercutNotice> notices) {
        return currentView(d.id, d.notifyingState, d.version, json.read(d.body), viewer, now, notices);
    }

    /** The version {@code s} just written to {@code d} by this transaction (not parsed back from {@code d.body}). */
    DenialView currentView(Denial d, DenialSnapshot s, String viewer, Instant now, List<UndercutNotice> notices) {
        return currentView(d.id, d.notifyingState, d.version, s, viewer, now, notices);
    }

    /** A committed row read by {@link DenialReads}: its snapshot may come from the parsed-version cache. */
    private DenialView currentView(DenialReads.Current d, String viewer, Instant now) {
        return currentView(d.id(), d.notifyingState(), d.version(), json.readCommitted(d.id(), d.version(), d.body()),
                viewer, now, d.notices());
    }

    private DenialView currentView(UUID id, String notifyingState, int version, DenialSnapshot s, String viewer,
            Instant now, List<UndercutNotice> notices) {
        return redactor.view(id, notifyingState, version, s, s.content().releasabilityOrDefault(),
                DenialRedactor.effectiveStatus(s.status(), s.reviewDueAt(), now), viewer, notices);
    }

    static List<UndercutNotice> notices(UUID denialId) {
        return UndercutNoticeRecord.byDenial(List.of(denialId)).getOrDefault(denialId, List.of());
    }

    /**
     * Records that {@code caller} read another state's denial (SPEC §9; access receipts). Called last in a
     * transaction: appending locks the audit head until commit, so nothing slow may follow it.
     */
    public void recordRead(Caller caller, Denial d) {
        if (!caller.isOf(d.notifyingState)) {
            audit.record(caller.asActor(), READ_ACTION, RECORD_TYPE, d.id.toString(), d.notifyingState);
        }
    }

    /**
     * As {@link #recordRead} for several denials, in one append (one lock, one flush); own denials are skipped.
     * Refused with 503 while the unsealed audit window is over its bound (ADR 0019): the transaction rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReads(Caller caller, Collection<Denial> read) {
        audit.recordReads(caller.asActor(), READ_ACTION, RECORD_TYPE, read.stream().filter(d -> !caller.isOf(d.notifyingState))
                .map(d -> new AuditLog.Target(d.id.toString(), d.notifyingState)).toList());
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String country(String field, String value) {
        String v = value.trim();
        if (!CountryCode.Validator.isValid(v)) {
            throw EcxException.invalid(field, "must be an ISO 3166-1 alpha-2 code in upper case");
        }
        return v;
    }

    private static DenialStatus parseStatus(String value) {
        try {
            return DenialStatus.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw EcxException.invalid("status", "must be one of ACTIVE, REVIEW_OVERDUE, RENEWED, REVOKED");
        }
    }
}

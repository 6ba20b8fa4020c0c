package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.hibernate.jpa.HibernateHints;

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
        DenialReads.Current d = reads.current(idOf(id), caller, READ_ACTION, RECORD_TYPE);
        return currentView(d.id(), d.notifyingState(), d.version(), d.body(), caller.state(), json.now(), d.notices());
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

    @Transactional
    public Page<DenialView> list(Caller caller, DenialFilter f) {
        int limit = Cursors.limit(f.limit(), config);
        long after = Cursors.decodeLong("denials", caller.state(), f.cursor(), 0);
        Instant now = json.now();
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", caller.state());
        params.put("after", after);
        StringBuilder q = new StringBuilder("from Denial d where ").append(DenialVisibility.PREDICATE)
                .append(" and d.seq > :after");
        if (present(f.status())) {
            DenialStatus status = parseStatus(f.status());
            params.put("now", now);
            switch (status) {
                case ACTIVE -> q.append(" and d.status = 'ACTIVE' and d.reviewDueAt > :now");
                case RENEWED -> q.append(" and d.status = 'RENEWED' and d.reviewDueAt > :now");
                case REVIEW_OVERDUE -> q.append(" and d.status <> 'REVOKED' and d.reviewDueAt <= :now");
                case REVOKED -> {
                    q.append(" and d.status = 'REVOKED'");
                    params.remove("now");
                }
            }
        }
        if (present(f.notifyingState())) {
            params.put("notifyingState", country("notifyingState", f.notifyingState()));
            q.append(" and d.notifyingState = :notifyingState");
        }
        if (present(f.destinationCountry())) {
            params.put("destination", country("destinationCountry", f.destinationCountry()));
            q.append(" and d.destinationCountry = :destination");
        }
        if (present(f.partyCountry())) {
            params.put("partyCountry", country("partyCountry", f.partyCountry()));
            q.append(" and exists (select 1 from d.parties p where p.country = :partyCountry)");
        }
        if (present(f.controlEntry())) {
            ControlCode code = ControlCode.parse(f.controlEntry().trim())
                    .orElseThrow(() -> EcxException.invalid("controlEntry", "is not a control code"));
            params.put("entry", code.value());
            params.put("entryDescendants", code.value() + ".%");
            StringBuilder match = new StringBuilder("i.controlEntry = :entry or i.controlEntry like :entryDescendants");
            List<String> ancestors = code.ancestors().stream().map(ControlCode::value).toList();
            if (!ancestors.isEmpty()) {
                params.put("entryAncestors", ancestors);
                match.append(" or i.controlEntry in :entryAncestors");
            }
            q.append(" and exists (select 1 from d.items i where ").append(match).append(')');
        }
        if (present(f.updatedSince())) {
            try {
                params.put("updatedSince", Instant.parse(f.updatedSince().trim()));
            } catch (DateTimeParseException e) {
                throw EcxException.invalid("updatedSince", "must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z");
            }
            q.append(" and d.updatedAt >= :updatedSince");
        }
        q.append(" order by d.seq");
        List<Denial> rows = Denial.<Denial>find(q.toString(), params).range(0, limit)
                .withHint(HibernateHints.HINT_READ_ONLY, true).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Cursors.encode("denials", caller.state(), Long.toString(rows.get(limit - 1).seq));
        }
        List<DenialView> items = new ArrayList<>();
        Map<UUID, List<UndercutNotice>> notices = UndercutNoticeRecord.byDenial(rows.stream().map(d -> d.id).toList());
        for (Denial d : rows) {
            items.add(currentView(d, caller.state(), now, notices.getOrDefault(d.id, List.of())));
        }
        recordReads(caller, rows);
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
     * One stored version as {@code viewer} may see it now (feed items, webhook payloads, mirrors): the version's
     * snapshot redacted by {@link DenialRedactor} against the denial's CURRENT releasability. The caller has
     * already selected {@code d} through {@link DenialVisibility#PREDICATE} for this viewer.
     *
     * @param shownStatus the status to show; null for the status recorded with the version
     */
    DenialView versionView(Denial d, DenialVersion v, DenialStatus shownStatus, String viewer) {
        return versionView(d, json.read(d.body), v, shownStatus, viewer, notices(d.id));
    }

    /**
     * As {@link #versionView(Denial, DenialVersion, DenialStatus, String)} for a page of versions: the denial's
     * current snapshot and its notices were read once for the page.
     */
    DenialView versionView(Denial d, DenialSnapshot current, DenialVersion v, DenialStatus shownStatus, String viewer,
            List<UndercutNotice> notices) {
        DenialSnapshot snapshot = json.read(v.body);
        return redactor.view(d.id, d.notifyingState, v.version, snapshot,
                current.content().releasabilityOrDefault(), shownStatus == null ? snapshot.status() : shownStatus,
                viewer, notices);
    }

    /**
     * The current version of a denial the viewer is known to see (selected through
     * {@link DenialVisibility#PREDICATE}), redacted for it, with its undercut notices. For read paths outside
     * this service (screening, consultations), which must then also {@link #recordRead record the read}.
     */
    public DenialView currentView(Denial d, String viewer, Instant now, List<UndercutNotice> notices) {
        return currentView(d.id, d.notifyingState, d.version, d.body, viewer, now, notices);
    }

    private DenialView currentView(UUID id, String notifyingState, int version, String body, String viewer,
            Instant now, List<UndercutNotice> notices) {
        DenialSnapshot s = json.read(body);
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

    /** As {@link #recordRead} for several denials, in one append (one lock, one flush); own denials are skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReads(Caller caller, Collection<Denial> read) {
        audit.recordAll(caller.asActor(), READ_ACTION, RECORD_TYPE, read.stream().filter(d -> !caller.isOf(d.notifyingState))
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

package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ecx.access.Caller;
import org.ecx.access.Distribution;
import org.ecx.access.DistributionRules;
import org.ecx.access.DistributionScope;
import org.ecx.access.PartnerRegistry;
import org.ecx.audit.AccessReceipt;
import org.ecx.audit.AuditLog;
import org.ecx.common.Cursors;
import org.ecx.common.ETags;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Page;
import org.ecx.common.Problem;
import org.ecx.common.StoredJson;
import org.ecx.common.validation.CountryCode;
import org.ecx.controllist.ControlCode;
import org.ecx.controllist.ControlListCatalog;
import org.ecx.feed.ChangeFeed;
import org.ecx.feed.FeedRecordType;
import org.ecx.screening.ScreeningIndex;

/**
 * Denial notifications (SPEC §3): writes by the notifying state, reads through {@link DenialVisibility} and
 * {@link DenialRedactor} only. Every write, and every read of another state's denial, is an audit event in
 * the same transaction.
 */
@ApplicationScoped
public class DenialService {

    public static final String RECORD_TYPE = "DENIAL";
    public static final String READ_ACTION = "DENIAL_READ";
    private static final int REVIEW_YEARS = 3;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,200}$");
    private static final LocalDate EARLIEST_DECISION = LocalDate.of(1950, 1, 1);

    @Inject
    DenialVisibility visibility;

    @Inject
    DenialRedactor redactor;

    @Inject
    AuditLog audit;

    @Inject
    PartnerRegistry registry;

    @Inject
    Clock clock;

    @Inject
    StoredJson storedJson;

    @Inject
    EcxConfig config;

    @Inject
    EntityManager em;

    @Inject
    ControlListCatalog catalog;

    @Inject
    DistributionRules distributionRules;

    @Inject
    ChangeFeed feed;

    @Inject
    ScreeningIndex screeningIndex;

    /** The result of a write: the originator's view and whether it was an idempotent replay. */
    public record Written(DenialView view, boolean replayed) {
    }

    // ---------------------------------------------------------------- writes

    @Transactional
    public Written create(Caller caller, DenialRequest request, String idempotencyKey) {
        validate(request);
        UUID id = UUID.randomUUID();
        Instant now = now();
        if (idempotencyKey != null) {
            if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
                throw EcxException.invalid("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
            }
            String hash = sha256(toJson(request));
            // Claims the key; a concurrent request with the same key waits here until the first commits.
            int claimed = em.createNativeQuery("INSERT INTO denial_idempotency (state, key, request_hash, denial_id,"
                    + " created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                    .setParameter(1, caller.state()).setParameter(2, idempotencyKey).setParameter(3, hash)
                    .setParameter(4, id).setParameter(5, now).executeUpdate();
            if (claimed == 0) {
                Object[] first = (Object[]) em.createNativeQuery("SELECT request_hash, denial_id FROM denial_idempotency"
                        + " WHERE state = ?1 AND key = ?2")
                        .setParameter(1, caller.state()).setParameter(2, idempotencyKey).getSingleResult();
                if (!hash.equals(first[0])) {
                    throw EcxException.conflict("This Idempotency-Key was already used with a different request.");
                }
                UUID firstId = (UUID) first[1];
                DenialVersion v1 = DenialVersion.find("denialId = ?1 and version = 1", firstId).firstResult();
                Denial d = Denial.findById(firstId);
                DenialSnapshot snapshot = fromJson(v1.body);
                return new Written(redactor.view(firstId, d.notifyingState, 1, snapshot,
                        snapshot.content().releasability(), snapshot.status(), caller.state(), notices(firstId)),
                        true);
            }
        }
        requireUniqueReference(caller.state(), request.nationalReference(), null);
        Denial d = new Denial();
        d.id = id;
        d.notifyingState = caller.state();
        d.notifiedAt = now;
        d.reviewDueAt = plusReviewPeriod(now);
        d.status = DenialStatus.ACTIVE.name();
        d.version = 1;
        DenialSnapshot snapshot = new DenialSnapshot(request, DenialStatus.ACTIVE, now, d.reviewDueAt, null, now);
        apply(d, snapshot);
        d.persist();
        screeningIndex.reindex(d, snapshot);
        recordVersion(d, snapshot, "CREATED", caller);
        DenialView view = currentView(d, caller.state(), now);
        audit.record(caller, "DENIAL_CREATED", RECORD_TYPE, id.toString(), caller.state());
        feed.publishDenial(id, d.version, "CREATED", d.notifyingState);
        return new Written(view, false);
    }

    /**
     * A state left regimes: the denials distributed to those regimes that it did not notify are no longer visible
     * to it; its feed gets a WITHDRAWN change for each (issue 11, finding 7).
     */
    void onRegimesLeft(@jakarta.enterprise.event.Observes org.ecx.access.RegimesLeft left) {
        for (Denial d : Denial.<Denial>list("distScope = 'REGIME' and distRegime in ?1 and notifyingState <> ?2"
                + " order by id", left.regimes(), left.state())) {
            feed.publishWithdrawn(FeedRecordType.DENIAL, d.id, left.state(), d.notifyingState);
        }
    }

    @Transactional
    public DenialView amend(Caller caller, String id, String ifMatch, DenialRequest request) {
        Denial d = ownForUpdate(caller, id);
        ETags.requireMatch(ifMatch, d.version);
        DenialSnapshot previous = fromJson(d.body);
        if (previous.status() == DenialStatus.REVOKED) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION, "A revoked denial cannot be amended.");
        }
        validate(request);
        requireUniqueReference(caller.state(), request.nationalReference(), d.id);
        Instant now = now();
        DenialSnapshot next = new DenialSnapshot(request, previous.status(), previous.notifiedAt(),
                previous.reviewDueAt(), null, now);
        java.util.Set<String> viewersBefore = visibility.viewers(d.id);
        DenialView amended = write(caller, d, next, "AMENDED", "DENIAL_AMENDED", now);
        screeningIndex.reindex(d, next);
        Denial.getEntityManager().flush();
        // a narrowed distribution: the states that lost the denial delete their copies (issue 11, finding 7)
        java.util.Set<String> lost = new java.util.TreeSet<>(viewersBefore);
        lost.removeAll(visibility.viewers(d.id));
        for (String state : lost) {
            feed.publishWithdrawn(FeedRecordType.DENIAL, d.id, state, d.notifyingState);
        }
        return amended;
    }

    @Transactional
    public DenialView renew(Caller caller, String id, String ifMatch) {
        Denial d = ownForUpdate(caller, id);
        ETags.checkMatch(ifMatch, d.version);
        DenialSnapshot previous = fromJson(d.body);
        if (previous.status() == DenialStatus.REVOKED) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION, "A revoked denial cannot be renewed.");
        }
        Instant now = now();
        DenialSnapshot next = new DenialSnapshot(previous.content(), DenialStatus.RENEWED, previous.notifiedAt(),
                plusReviewPeriod(now), null, now);
        return write(caller, d, next, "RENEWED", "DENIAL_RENEWED", now);
    }

    @Transactional
    public DenialView revoke(Caller caller, String id, String ifMatch, Revocation.Request request) {
        Denial d = ownForUpdate(caller, id);
        ETags.checkMatch(ifMatch, d.version);
        DenialSnapshot previous = fromJson(d.body);
        if (previous.status() == DenialStatus.REVOKED) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION, "The denial is already revoked.");
        }
        Instant now = now();
        DenialSnapshot next = new DenialSnapshot(previous.content(), DenialStatus.REVOKED, previous.notifiedAt(),
                previous.reviewDueAt(), new Revocation(now, request.reason()), now);
        d.revokedAt = now;
        return write(caller, d, next, "REVOKED", "DENIAL_REVOKED", now);
    }

    private DenialView write(Caller caller, Denial d, DenialSnapshot next, String changeType, String action,
            Instant now) {
        d.version++;
        apply(d, next);
        recordVersion(d, next, changeType, caller);
        DenialView view = currentView(d, caller.state(), now);
        audit.record(caller, action, RECORD_TYPE, d.id.toString(), d.notifyingState);
        feed.publishDenial(d.id, d.version, changeType, d.notifyingState);
        return view;
    }

    /** The caller's own denial, locked; another state's visible denial is 403, an invisible one 404. */
    private Denial ownForUpdate(Caller caller, String id) {
        UUID uuid = DenialVisibility.parseId(id);
        if (uuid == null) {
            throw EcxException.notFound();
        }
        Denial d = visibility.findVisibleForUpdate(uuid, caller.state());
        if (!caller.isOf(d.notifyingState)) {
            throw new EcxException(ErrorCode.FORBIDDEN, "Only the notifying state may change a denial.");
        }
        return d;
    }

    private void apply(Denial d, DenialSnapshot s) {
        DenialRequest c = s.content();
        d.nationalReference = c.nationalReference();
        d.decisionType = c.decisionType().name();
        d.decisionDate = c.decisionDate();
        d.destinationCountry = c.destinationCountry();
        d.reviewDueAt = s.reviewDueAt();
        d.status = s.status().name();
        d.distScope = c.distribution().scope().name();
        d.distRegime = c.distribution().scope() == DistributionScope.REGIME ? c.distribution().regime() : null;
        d.recipients.clear();
        if (c.distribution().scope() == DistributionScope.STATES) {
            d.recipients.addAll(c.distribution().states());
        }
        d.items.clear();
        for (DenialRequest.Item item : c.items()) {
            d.items.add(new Denial.ItemRow(item.controlEntry()));
        }
        d.parties.clear();
        for (DenialRequest.Party p : c.parties()) {
            d.parties.add(new Denial.PartyRow(p.role().name(), p.name(), p.country()));
        }
        d.updatedAt = s.updatedAt();
        d.body = toJson(s);
    }

    private void recordVersion(Denial d, DenialSnapshot s, String changeType, Caller caller) {
        DenialVersion v = new DenialVersion();
        v.denialId = d.id;
        v.version = d.version;
        v.changeType = changeType;
        v.changedAt = s.updatedAt();
        v.changedBy = caller.actor();
        v.body = d.body;
        v.persist();
    }

    private void requireUniqueReference(String state, String reference, UUID except) {
        long clash = except == null
                ? Denial.count("notifyingState = ?1 and nationalReference = ?2", state, reference)
                : Denial.count("notifyingState = ?1 and nationalReference = ?2 and id <> ?3", state, reference, except);
        if (clash > 0) {
            throw EcxException.conflict("The state already has a denial with this national reference.");
        }
    }

    // ---------------------------------------------------------------- reads

    @Transactional
    public DenialView get(Caller caller, String id) {
        Denial d = visible(caller, id);
        DenialView view = currentView(d, caller.state(), now());
        recordRead(caller, d);
        return view;
    }

    @Transactional
    public List<DenialHistoryEntry> history(Caller caller, String id) {
        Denial d = visible(caller, id);
        DenialSnapshot current = fromJson(d.body);
        boolean originator = caller.isOf(d.notifyingState);
        List<UndercutNotice> notices = notices(d.id);
        List<DenialHistoryEntry> entries = new ArrayList<>();
        for (DenialVersion v : DenialVersion.<DenialVersion>list("denialId = ?1 order by version", d.id)) {
            DenialSnapshot s = fromJson(v.body);
            DenialView view = redactor.view(d.id, d.notifyingState, v.version, s,
                    current.content().releasabilityOrDefault(), s.status(), caller.state(), notices);
            entries.add(new DenialHistoryEntry(v.version, v.changeType, v.changedAt, originator ? v.changedBy : null,
                    view));
        }
        recordRead(caller, d);
        return entries;
    }

    @Transactional
    public List<AccessReceipt> receipts(Caller caller, String id) {
        Denial d = visible(caller, id);
        if (!caller.isOf(d.notifyingState)) {
            throw new EcxException(ErrorCode.FORBIDDEN, "Only the notifying state sees the access receipts.");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT actor_state, count(*), min(at), max(at) FROM audit_event"
                + " WHERE record_type = ?1 AND record_id = ?2 AND action = ?3 AND actor_state IS NOT NULL"
                + " GROUP BY actor_state ORDER BY actor_state")
                .setParameter(1, RECORD_TYPE).setParameter(2, d.id.toString()).setParameter(3, READ_ACTION)
                .getResultList();
        List<AccessReceipt> receipts = new ArrayList<>();
        for (Object[] r : rows) {
            receipts.add(new AccessReceipt((String) r[0], ((Number) r[1]).longValue(), toInstant(r[2]),
                    toInstant(r[3])));
        }
        return receipts;
    }

    @Transactional
    public Page<DenialView> list(Caller caller, DenialFilter f) {
        int limit = Cursors.limit(f.limit(), config);
        long after = Cursors.decodeLong("denials", caller.state(), f.cursor(), 0);
        Instant now = now();
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
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).list();
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
        UUID uuid = DenialVisibility.parseId(id);
        if (uuid == null) {
            throw EcxException.notFound();
        }
        return visibility.findVisible(uuid, caller.state());
    }

    private DenialView currentView(Denial d, String viewer, Instant now) {
        return currentView(d, viewer, now, notices(d.id));
    }

    /**
     * One stored version as {@code viewer} may see it now (feed items, webhook payloads, mirrors): the version's
     * snapshot redacted by {@link DenialRedactor} against the denial's CURRENT releasability. The caller has
     * already selected {@code d} through {@link DenialVisibility#PREDICATE} for this viewer.
     *
     * @param shownStatus the status to show; null for the status recorded with the version
     */
    public DenialView versionView(Denial d, DenialVersion v, DenialStatus shownStatus, String viewer) {
        DenialSnapshot snapshot = fromJson(v.body);
        DenialSnapshot current = fromJson(d.body);
        return redactor.view(d.id, d.notifyingState, v.version, snapshot,
                current.content().releasabilityOrDefault(), shownStatus == null ? snapshot.status() : shownStatus,
                viewer, notices(d.id));
    }

    /**
     * The current version of a denial the viewer is known to see (selected through
     * {@link DenialVisibility#PREDICATE}), redacted for it, with its undercut notices. For read paths outside
     * this service (screening, consultations), which must then also {@link #recordRead record the read}.
     */
    public DenialView currentView(Denial d, String viewer, Instant now, List<UndercutNotice> notices) {
        DenialSnapshot s = fromJson(d.body);
        return redactor.view(d.id, d.notifyingState, d.version, s, s.content().releasabilityOrDefault(),
                DenialRedactor.effectiveStatus(s.status(), s.reviewDueAt(), now), viewer, notices);
    }

    private static List<UndercutNotice> notices(UUID denialId) {
        return UndercutNoticeRecord.byDenial(List.of(denialId)).getOrDefault(denialId, List.of());
    }

    /**
     * Records that {@code caller} read another state's denial (SPEC §9; access receipts). Called last in a
     * transaction: appending locks the audit head until commit, so nothing slow may follow it.
     */
    public void recordRead(Caller caller, Denial d) {
        if (!caller.isOf(d.notifyingState)) {
            audit.record(caller, READ_ACTION, RECORD_TYPE, d.id.toString(), d.notifyingState);
        }
    }

    /** As {@link #recordRead} for several denials, in one append (one lock, one flush); own denials are skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordReads(Caller caller, java.util.Collection<Denial> read) {
        audit.recordAll(caller, READ_ACTION, RECORD_TYPE, read.stream().filter(d -> !caller.isOf(d.notifyingState))
                .map(d -> new AuditLog.Target(d.id.toString(), d.notifyingState)).toList());
    }

    // ---------------------------------------------------------------- validation

    /** Checks what Bean Validation cannot: references to the registry, dates, distribution coherence. */
    void validate(DenialRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.regimeReferences() != null) {
            for (int i = 0; i < r.regimeReferences().size(); i++) {
                String regime = r.regimeReferences().get(i).regime();
                if (!registry.regimeExists(regime)) {
                    errors.add(new Problem.FieldError("regimeReferences[" + i + "].regime", "unknown regime " + regime));
                }
            }
        }
        for (int i = 0; i < r.items().size(); i++) {
            DenialRequest.Item item = r.items().get(i);
            if (item.listEdition() == null) {
                continue;
            }
            String field = "items[" + i + "].listEdition";
            String[] ref = item.listEdition().split(":", 2);
            if (ref.length != 2 || ref[0].isBlank() || ref[1].isBlank()) {
                errors.add(new Problem.FieldError(field, "must be <listId>:<edition>, e.g. EU-DU:2025-11"));
            } else if (!catalog.editionExists(ref[0], ref[1])) {
                errors.add(new Problem.FieldError(field, "is not a published edition of a control list"));
            } else if (catalog.findEntry(ref[0], ref[1], item.controlEntry()).isEmpty()) {
                errors.add(new Problem.FieldError("items[" + i + "].controlEntry",
                        "is not an entry of " + item.listEdition()));
            }
        }
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        if (r.decisionDate().isAfter(today.plusDays(1))) {
            errors.add(new Problem.FieldError("decisionDate", "must not be in the future"));
        } else if (r.decisionDate().isBefore(EARLIEST_DECISION)) {
            errors.add(new Problem.FieldError("decisionDate", "must not be before " + EARLIEST_DECISION));
        }
        Distribution dist = r.distribution();
        List<String> distStates = dist.states() == null ? List.of() : dist.states();
        distributionRules.check("distribution", dist, errors);
        Releasability rel = r.releasabilityOrDefault();
        for (SensitiveGroup group : SensitiveGroup.values()) {
            Release release = rel.of(group);
            if (release.kind() != Release.Kind.STATES) {
                continue;
            }
            String field = "releasability." + group.name().toLowerCase() + ".states";
            distributionRules.checkPartners(field, release.states(), errors);
            if (dist.scope() == DistributionScope.ORIGINATOR) {
                errors.add(new Problem.FieldError(field, "cannot release to states a denial distributed to the originator only"));
            } else if (dist.scope() == DistributionScope.STATES) {
                Set<String> outside = new TreeSet<>(release.states());
                outside.removeAll(distStates);
                if (!outside.isEmpty()) {
                    errors.add(new Problem.FieldError(field, "names states outside the distribution: " + outside));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new EcxException(ErrorCode.UNPROCESSABLE, "The denial is not consistent.", errors);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static Instant plusReviewPeriod(Instant from) {
        return from.atZone(ZoneOffset.UTC).plusYears(REVIEW_YEARS).toInstant();
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

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + o);
    }

    String toJson(Object value) {
        return storedJson.write(value);
    }

    DenialSnapshot fromJson(String body) {
        return storedJson.read(body, DenialSnapshot.class);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

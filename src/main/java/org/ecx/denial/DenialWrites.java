package org.ecx.denial;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.ecx.access.Caller;
import org.ecx.access.DistributionScope;
import org.ecx.access.RegimesLeft;
import org.ecx.audit.AuditLog;
import org.ecx.common.ETags;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.feed.ChangeFeed;
import org.ecx.feed.FeedRecordType;

/**
 * Writing denials (SPEC §3) by the notifying state: each write, its version row, its audit event and a
 * {@link DenialWritten} event (observed by the feed and by screening) happen in one transaction.
 */
@ApplicationScoped
public class DenialWrites {

    private static final int REVIEW_YEARS = 3;

    @Inject
    DenialVisibility visibility;

    @Inject
    DenialQueries queries;

    @Inject
    DenialRedactor redactor;

    @Inject
    DenialValidation validation;

    @Inject
    DenialIdempotency idempotency;

    @Inject
    DenialJson json;

    @Inject
    AuditLog audit;

    @Inject
    Event<DenialWritten> written;

    @Inject
    ChangeFeed feed;

    /** The result of a write: the originator's view and whether it was an idempotent replay. */
    record Written(DenialView view, boolean replayed) {
    }

    @Transactional
    Written create(Caller caller, DenialRequest request, String idempotencyKey) {
        validation.validate(request);
        UUID id = UUID.randomUUID();
        Instant now = json.now();
        if (idempotencyKey != null) {
            Optional<UUID> first = idempotency.claim(caller.state(), idempotencyKey, request, id, now);
            if (first.isPresent()) {
                return new Written(replay(first.get(), caller), true);
            }
        }
        Denial d = new Denial();
        d.id = id;
        d.notifyingState = caller.state();
        d.notifiedAt = now;
        d.reviewDueAt = plusReviewPeriod(now);
        d.status = DenialStatus.ACTIVE.name();
        d.version = 1;
        DenialSnapshot snapshot = new DenialSnapshot(request, DenialStatus.ACTIVE, now, d.reviewDueAt, null, now);
        apply(d, snapshot);
        // one statement inserts the denial, its first version and its rows, unless the reference is taken (not
        // an ORM persist: d stays unmanaged, nothing of it is flushed later)
        if (!NewDenialRows.insert(Denial.getEntityManager(), d, "CREATED", caller.actor())) {
            throw duplicateReference();
        }
        // the view from the snapshot just written, not parsed back from its JSON; a denial just created has no
        // undercut notices: no query for them
        DenialView view = queries.currentView(d, snapshot, caller.state(), now, List.of());
        audit.record(caller.asActor(), "DENIAL_CREATED", DenialQueries.RECORD_TYPE, id.toString(), caller.state());
        written.fire(DenialWritten.withContent(d, snapshot, "CREATED"));
        return new Written(view, false);
    }

    /** Creates a denial without an Idempotency-Key (the officer console's form, which redirects after posting). */
    @Transactional
    public DenialView create(Caller caller, DenialRequest request) {
        return create(caller, request, null).view();
    }

    /** The first version of the denial created with a repeated Idempotency-Key, as its originator sees it. */
    private DenialView replay(UUID firstId, Caller caller) {
        DenialVersion v1 = DenialVersion.find("denialId = ?1 and version = 1", firstId).firstResult();
        Denial d = Denial.findById(firstId);
        DenialSnapshot snapshot = json.read(v1.body);
        return redactor.view(firstId, d.notifyingState, 1, snapshot, snapshot.content().releasability(),
                snapshot.status(), caller.state(), DenialQueries.notices(firstId));
    }

    /**
     * A state left regimes: the denials distributed to those regimes that it did not notify are no longer visible
     * to it; its feed gets a WITHDRAWN change for each (issue 11, finding 7).
     */
    void onRegimesLeft(@Observes RegimesLeft left) {
        for (Denial d : Denial.<Denial>list("distScope = 'REGIME' and distRegime in ?1 and notifyingState <> ?2"
                + " order by id", left.regimes(), left.state())) {
            feed.publishWithdrawn(FeedRecordType.DENIAL, d.id, left.state(), d.notifyingState);
        }
    }

    @Transactional
    public DenialView amend(Caller caller, String id, String ifMatch, DenialRequest request) {
        Denial d = ownForUpdate(caller, id);
        ETags.requireMatch(ifMatch, d.version);
        DenialSnapshot previous = json.read(d.body);
        if (previous.status() == DenialStatus.REVOKED) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION, "A revoked denial cannot be amended.");
        }
        validation.validate(request);
        requireUniqueReference(caller.state(), request.nationalReference(), d.id);
        Instant now = json.now();
        DenialSnapshot next = new DenialSnapshot(request, previous.status(), previous.notifiedAt(),
                previous.reviewDueAt(), null, now);
        Set<String> viewersBefore = visibility.viewers(d.id);
        DenialView amended = write(caller, d, next, "AMENDED", "DENIAL_AMENDED", now);
        Denial.getEntityManager().flush();
        // a narrowed distribution: the states that lost the denial delete their copies (issue 11, finding 7)
        Set<String> lost = new TreeSet<>(viewersBefore);
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
        DenialSnapshot previous = json.read(d.body);
        if (previous.status() == DenialStatus.REVOKED) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION, "A revoked denial cannot be renewed.");
        }
        Instant now = json.now();
        DenialSnapshot next = new DenialSnapshot(previous.content(), DenialStatus.RENEWED, previous.notifiedAt(),
                plusReviewPeriod(now), null, now);
        return write(caller, d, next, "RENEWED", "DENIAL_RENEWED", now);
    }

    @Transactional
    public DenialView revoke(Caller caller, String id, String ifMatch, Revocation.Request request) {
        Denial d = ownForUpdate(caller, id);
        ETags.checkMatch(ifMatch, d.version);
        DenialSnapshot previous = json.read(d.body);
        if (previous.status() == DenialStatus.REVOKED) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION, "The denial is already revoked.");
        }
        Instant now = json.now();
        DenialSnapshot next = new DenialSnapshot(previous.content(), DenialStatus.REVOKED, previous.notifiedAt(),
                previous.reviewDueAt(), new Revocation(now, request.reason()), now);
        d.revokedAt = now;
        return write(caller, d, next, "REVOKED", "DENIAL_REVOKED", now);
    }

    /**
     * A state granted a licence despite the denial after consulting its notifying state (SPEC §5): the denial
     * gets an undercut notice, shown to every state that sees it (and announced on the feed), unless it was
     * revoked by then and the consulted state had not objected.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordUndercut(Caller caller, UUID denialId, String grantingState, UUID consultationId, boolean objected,
            Instant at) {
        Denial d = Denial.findById(denialId);
        DenialStatus status = DenialRedactor.effectiveStatus(DenialStatus.valueOf(d.status), d.reviewDueAt, at);
        if (!objected && status == DenialStatus.REVOKED) {
            return;
        }
        UndercutNoticeRecord notice = new UndercutNoticeRecord();
        notice.id = UUID.randomUUID();
        notice.denialId = d.id;
        notice.consultationId = consultationId;
        notice.grantingState = grantingState;
        notice.grantedAt = at;
        notice.persist();
        audit.record(caller.asActor(), "DENIAL_UNDERCUT_NOTICE", DenialQueries.RECORD_TYPE, d.id.toString(),
                d.notifyingState);
        written.fire(DenialWritten.of(d, "UNDERCUT_NOTICE"));
    }

    private DenialView write(Caller caller, Denial d, DenialSnapshot next, String changeType, String action,
            Instant now) {
        d.version++;
        apply(d, next);
        recordVersion(d, next, changeType, caller);
        DenialView view = queries.currentView(d, next, caller.state(), now, DenialQueries.notices(d.id));
        audit.record(caller.asActor(), action, DenialQueries.RECORD_TYPE, d.id.toString(), d.notifyingState);
        // only an amendment changes the names screened against
        written.fire("AMENDED".equals(changeType) ? DenialWritten.withContent(d, next, changeType)
                : DenialWritten.of(d, changeType));
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
        d.body = json.write(s);
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

    /** An amendment's reference must not be another denial's of the state (a create checks it in its insert). */
    private void requireUniqueReference(String state, String reference, UUID except) {
        // a plain select of one row: Hibernate keeps its translation, where a Panache count built a new count query
        // on every call (a visible part of POST /denials' CPU profile, docs/benchmarks.md)
        boolean taken = !Denial.getEntityManager().createQuery("select 1 from Denial d where d.notifyingState = :state"
                + " and d.nationalReference = :reference and d.id <> :except", Integer.class)
                .setParameter("state", state).setParameter("reference", reference).setParameter("except", except)
                .setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw duplicateReference();
        }
    }

    private static EcxException duplicateReference() {
        return EcxException.conflict("The state already has a denial with this national reference.");
    }

    static Instant plusReviewPeriod(Instant from) {
        return from.atZone(ZoneOffset.UTC).plusYears(REVIEW_YEARS).toInstant();
    }
}

package org.ecx.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ecx.access.Caller;
import org.ecx.audit.AuditLog;
import org.ecx.common.Cursors;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Page;
import org.ecx.common.StoredJson;
import org.ecx.denial.Denial;
import org.ecx.denial.DenialQueries;
import org.ecx.denial.DenialStatus;
import org.ecx.denial.DenialSummary;
import org.ecx.denial.DenialView;
import org.ecx.denial.DenialVisibility;
import org.ecx.denial.DenialWrites;

/**
 * No-undercut consultations (SPEC §5). A consultation is visible to its two states only (404 for any other);
 * the denial appears in it only as redacted for the reader, and only while the reader still sees the
 * denial. Every write and every clock event is an audit event in the same transaction, owned by the other
 * state of the consultation (so both states' auditors see it); the scheduler's events are owned by the
 * consulting state. The lifecycle is documented on {@link ConsultationState}.
 */
@ApplicationScoped
public class ConsultationService {

    public static final String RECORD_TYPE = "CONSULTATION";

    @Inject
    DenialVisibility visibility;

    @Inject
    DenialQueries denials;

    @Inject
    DenialWrites denialWrites;

    @Inject
    AuditLog audit;

    @Inject
    EcxConfig config;

    @Inject
    Clock clock;

    @Inject
    StoredJson storedJson;

    @Inject
    EntityManager em;

    @Inject
    org.ecx.feed.ChangeFeed feed;

    @Transactional
    public ConsultationView open(Caller caller, ConsultationRequests.Open request) {
        UUID denialId = DenialVisibility.parseId(request.denialId());
        if (denialId == null) {
            throw EcxException.invalid("denialId", "must be a denial id (UUID)");
        }
        Denial d = visibility.findVisible(denialId, caller.state());
        if (caller.isOf(d.notifyingState)) {
            throw new EcxException(ErrorCode.UNPROCESSABLE, "A state does not consult itself about its own denial.");
        }
        if (DenialStatus.REVOKED.name().equals(d.status)) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION, "The denial is revoked: there is nothing to consult on.");
        }
        Instant now = now();
        Consultation c = new Consultation();
        c.id = UUID.randomUUID();
        c.denialId = d.id;
        c.consultingState = caller.state();
        c.consultedState = d.notifyingState;
        c.openedBy = caller.actor();
        c.openedAt = now;
        c.proposedTransaction = toJson(request.proposedTransaction());
        c.question = request.question();
        c.replyWorkingDays = config.consultations().replyWorkingDays();
        c.replyDueAt = dueAt(c);
        c.state = ConsultationState.AWAITING_REPLY;
        c.version = 1;
        c.updatedAt = now;
        c.persist();
        audit.record(caller.asActor(), "CONSULTATION_OPENED", RECORD_TYPE, c.id.toString(), c.consultedState);
        publish(c, "OPENED");
        return view(c, caller, now);
    }

    @Transactional
    public Page<ConsultationView> list(Caller caller, String limitText, String cursor) {
        int limit = Cursors.limit(limitText, config);
        long after = Cursors.decodeLong("consultations", caller.state(), cursor, 0);
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", caller.state());
        params.put("after", after);
        List<Consultation> rows = Consultation.<Consultation>find("from Consultation c where " + Consultation.VISIBLE
                + " and c.seq > :after order by c.seq", params).range(0, limit).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Cursors.encode("consultations", caller.state(), Long.toString(rows.get(limit - 1).seq));
        }
        Instant now = now();
        List<ConsultationView> items = new ArrayList<>();
        for (Consultation c : rows) {
            items.add(view(c, caller, now));
        }
        return new Page<>(items, next);
    }

    @Transactional
    public ConsultationView get(Caller caller, String id) {
        return view(visible(caller, id, false), caller, now());
    }

    @Transactional
    public ConsultationView reply(Caller caller, String id, ConsultationRequests.Reply request) {
        if (request.position() == Position.DEEMED_NO_OBJECTION) {
            throw EcxException.invalid("position", "must be one of OBJECTS, NO_OBJECTION, NEEDS_INFORMATION");
        }
        Instant now = now();
        Consultation c = awaitingReply(caller, id, now, "Only the consulted state replies.");
        c.position = request.position();
        c.replyComment = request.comment();
        c.repliedAt = now;
        c.state = request.position() == Position.NEEDS_INFORMATION ? ConsultationState.INFORMATION_REQUESTED
                : ConsultationState.ANSWERED;
        touch(c, now);
        audit.record(caller.asActor(), "CONSULTATION_REPLIED", RECORD_TYPE, c.id.toString(), c.consultingState);
        publish(c, "REPLIED");
        return view(c, caller, now);
    }

    @Transactional
    public ConsultationView extend(Caller caller, String id, ConsultationRequests.Extension request) {
        Instant now = now();
        Consultation c = awaitingReply(caller, id, now, "Only the consulted state extends its reply period.");
        int max = config.consultations().maxWorkingDays();
        int total = c.replyWorkingDays + request.workingDays();
        if (total > max) {
            throw new EcxException(ErrorCode.UNPROCESSABLE, "The reply period would be " + total
                    + " working days; at most " + max + " are allowed (" + (max - c.replyWorkingDays) + " left).",
                    List.of(new org.ecx.common.Problem.FieldError("workingDays",
                            "at most " + (max - c.replyWorkingDays) + " more working days")));
        }
        c.replyWorkingDays = total;
        c.replyDueAt = dueAt(c);
        touch(c, now);
        audit.record(caller.asActor(), "CONSULTATION_EXTENDED", RECORD_TYPE, c.id.toString(), c.consultingState);
        publish(c, "EXTENDED");
        return view(c, caller, now);
    }

    @Transactional
    public ConsultationView outcome(Caller caller, String id, ConsultationRequests.OutcomeRequest request) {
        Consultation c = visible(caller, id, true);
        requireState(caller, c.consultingState, "Only the consulting state records the outcome.");
        Instant now = now();
        deemIfDue(c, now);
        if (c.state == ConsultationState.CLOSED) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION, "The outcome is already recorded.");
        }
        if (request.decision() == Outcome.LICENCE_GRANTED && c.state.waiting()) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION,
                    "A licence may be granted only once the consulted state has answered or its silence was deemed"
                            + " no objection.");
        }
        Position position = c.position;
        c.outcome = request.decision();
        c.outcomeAt = now;
        c.state = ConsultationState.CLOSED;
        touch(c, now);
        audit.record(caller.asActor(), "CONSULTATION_OUTCOME", RECORD_TYPE, c.id.toString(), c.consultedState);
        if (request.decision() == Outcome.LICENCE_GRANTED) {
            denialWrites.recordUndercut(caller, c.denialId, c.consultingState, c.id, position == Position.OBJECTS, now);
        }
        publish(c, "OUTCOME_RECORDED");
        return view(c, caller, now);
    }

    /**
     * Turns one batch of overdue silences into DEEMED_NO_OBJECTION. Rows are claimed with
     * {@code FOR UPDATE SKIP LOCKED} and re-checked after locking, so however many instances run this at
     * once, each consultation is deemed (and audited) exactly once.
     *
     * @return how many consultations were deemed
     */
    @Transactional
    public int deemOverdue(int batch) {
        Instant now = now();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("SELECT id FROM consultation WHERE state IN ('AWAITING_REPLY',"
                + " 'INFORMATION_REQUESTED') AND reply_due_at <= ?1 ORDER BY reply_due_at, seq LIMIT ?2"
                + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, batch).getResultList();
        for (UUID id : due) {
            deemIfDue(Consultation.findById(id), now);
        }
        return due.size();
    }

    /** Deems a locked, overdue, still waiting consultation answered with no objection. */
    private void deemIfDue(Consultation c, Instant now) {
        if (c.state.waiting() && !c.replyDueAt.isAfter(now)) {
            c.state = ConsultationState.DEEMED_NO_OBJECTION;
            c.position = Position.DEEMED_NO_OBJECTION;
            touch(c, now);
            audit.recordSystem("CONSULTATION_DEEMED_NO_OBJECTION", RECORD_TYPE, c.id.toString(), c.consultingState);
            publish(c, "DEEMED_NO_OBJECTION");
        }
    }

    /**
     * Publishes a consultation change to the feed of its two states. The payload never embeds the denial: each
     * state reads the denial through its own visibility and redaction.
     */
    private void publish(Consultation c, String changeType) {
        ConsultationView payload = new ConsultationView(c.id, c.denialId, c.consultingState, c.consultedState,
                c.openedAt, fromJson(c.proposedTransaction), c.question, c.state, c.replyWorkingDays, c.replyDueAt,
                c.position, c.replyComment, c.repliedAt, c.outcome, c.outcomeAt, c.version, c.updatedAt, null);
        feed.publishConsultation(c.id, changeType, c.consultingState, c.consultedState, payload);
    }

    // ---------------------------------------------------------------- helpers

    private Consultation visible(Caller caller, String id, boolean lock) {
        UUID uuid = DenialVisibility.parseId(id);
        if (uuid == null) {
            throw EcxException.notFound();
        }
        Map<String, Object> params = Map.of("id", uuid, "viewer", caller.state());
        var query = Consultation.<Consultation>find("from Consultation c where c.id = :id and " + Consultation.VISIBLE,
                params);
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional().orElseThrow(EcxException::notFound);
    }

    /** The consultation, locked, for its consulted state, while it still awaits a reply (else 409). */
    private Consultation awaitingReply(Caller caller, String id, Instant now, String forbidden) {
        Consultation c = visible(caller, id, true);
        requireState(caller, c.consultedState, forbidden);
        deemIfDue(c, now);
        if (!c.state.waiting()) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION,
                    "The consultation no longer awaits a reply (state " + c.state + ").");
        }
        return c;
    }

    private static void requireState(Caller caller, String state, String detail) {
        if (!caller.isOf(state)) {
            throw new EcxException(ErrorCode.FORBIDDEN, detail);
        }
    }

    private Instant dueAt(Consultation c) {
        // keys compared ignoring case: set from the environment (ECX_CONSULTATIONS_HOLIDAYS_DE) they may be
        // lower-cased
        List<LocalDate> holidays = config.consultations().holidays().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(c.consultedState)).findFirst().map(Map.Entry::getValue)
                .orElse(List.of());
        return WorkingDays.after(c.openedAt, c.replyWorkingDays, holidays);
    }

    private static void touch(Consultation c, Instant now) {
        c.version++;
        c.updatedAt = now;
    }

    /** The consultation for one of its states; the denial through the visibility rule and the redactor. */
    private ConsultationView view(Consultation c, Caller caller, Instant now) {
        DenialSummary summary = null;
        Map<String, Object> params = Map.of("id", c.denialId, "viewer", caller.state());
        Denial d = Denial.<Denial>find("from Denial d where d.id = :id and " + DenialVisibility.PREDICATE, params)
                .firstResult();
        if (d != null) {
            DenialView view = denials.currentView(d, caller.state(), now);
            summary = DenialSummary.of(view);
            denials.recordRead(caller, d);
        }
        return new ConsultationView(c.id, c.denialId, c.consultingState, c.consultedState, c.openedAt,
                fromJson(c.proposedTransaction), c.question, c.state, c.replyWorkingDays, c.replyDueAt, c.position,
                c.replyComment, c.repliedAt, c.outcome, c.outcomeAt, c.version, c.updatedAt, summary);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String toJson(Object value) {
        return storedJson.write(value);
    }

    private ConsultationRequests.ProposedTransaction fromJson(String body) {
        return storedJson.read(body, ConsultationRequests.ProposedTransaction.class);
    }
}

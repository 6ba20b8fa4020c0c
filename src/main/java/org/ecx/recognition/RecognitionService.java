package org.ecx.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ecx.access.Caller;
import org.ecx.access.DistributionRules;
import org.ecx.access.DistributionScope;
import org.ecx.access.PartnerRegistry;
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
import org.ecx.feed.ChangeFeed;

/**
 * Mutual recognition (SPEC §7): records written by the recognizing state, read through
 * {@link RecognitionVisibility} only. Every write is an audit event and a feed change in the same transaction.
 */
@ApplicationScoped
public class RecognitionService {

    public static final String RECORD_TYPE = "RECOGNITION";
    private static final String CURSOR_KIND = "recognitions";

    @Inject
    RecognitionVisibility visibility;

    @Inject
    DistributionRules distributionRules;

    @Inject
    PartnerRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    ChangeFeed feed;

    @Inject
    Event<RecognitionWritten> written;

    @Inject
    Clock clock;

    @Inject
    StoredJson storedJson;

    @Inject
    EcxConfig config;

    // ---------------------------------------------------------------- writes

    /**
     * A state left regimes: the recognitions distributed to those regimes that it neither made nor is the subject
     * of are no longer visible to it; its feed gets a WITHDRAWN change for each (issue 11, finding 7).
     */
    void onRegimesLeft(@jakarta.enterprise.event.Observes org.ecx.access.RegimesLeft left) {
        for (Recognition r : Recognition.<Recognition>list("distScope = 'REGIME' and distRegime in ?1"
                + " and recognizingState <> ?2 and recognizedState <> ?2 order by id", left.regimes(), left.state())) {
            feed.publishWithdrawn(org.ecx.feed.FeedRecordType.RECOGNITION, r.id, left.state(), r.recognizingState);
        }
    }

    @Transactional
    public RecognitionView create(Caller caller, RecognitionRequest request) {
        validate(caller, request);
        Instant now = now();
        Recognition r = new Recognition();
        r.id = UUID.randomUUID();
        r.recognizingState = caller.state();
        r.recognizedState = request.recognizedState();
        r.status = RecognitionStatus.PROPOSED.name();
        r.effectiveFrom = request.effectiveFrom();
        r.effectiveTo = request.effectiveTo();
        r.distScope = request.distribution().scope().name();
        r.distRegime = request.distribution().scope() == DistributionScope.REGIME ? request.distribution().regime() : null;
        if (request.distribution().scope() == DistributionScope.STATES) {
            r.recipients.addAll(request.distribution().states());
        }
        r.version = 1;
        r.createdAt = now;
        r.updatedAt = now;
        r.body = toJson(request);
        r.persist();
        return recordChange(caller, r, RecognitionStatus.PROPOSED, null, now);
    }

    @Transactional
    public RecognitionView changeStatus(Caller caller, String id, String ifMatch, StatusChangeRequest request) {
        Recognition r = visibility.findVisible(id, caller.state(), true);
        if (!caller.isOf(r.recognizingState)) {
            throw new EcxException(ErrorCode.FORBIDDEN, "Only the recognizing state may change a recognition.");
        }
        ETags.checkMatch(ifMatch, r.version);
        RecognitionStatus from = RecognitionStatus.valueOf(r.status);
        RecognitionStatus to = request.status();
        if (!from.canBecome(to)) {
            throw new EcxException(ErrorCode.INVALID_STATE_TRANSITION,
                    "A " + from + " recognition cannot become " + to + "; allowed: " + from.next() + ".");
        }
        Instant now = now();
        r.status = to.name();
        r.version++;
        r.updatedAt = now;
        return recordChange(caller, r, to, request.reason(), now);
    }

    private RecognitionView recordChange(Caller caller, Recognition r, RecognitionStatus status, String reason,
            Instant now) {
        RecognitionStatusChange change = new RecognitionStatusChange();
        change.recognitionId = r.id;
        change.version = r.version;
        change.status = status.name();
        change.at = now;
        change.changedBy = caller.actor();
        change.reason = reason;
        change.persist();
        RecognitionView full = view(r);
        audit.record(caller.asActor(), "RECOGNITION_" + status.changeType(), RECORD_TYPE, r.id.toString(), r.recognizingState);
        written.fire(new RecognitionWritten(r.id, r.version, status.changeType(), r.recognizingState, full));
        return full;
    }

    // ---------------------------------------------------------------- reads

    @Transactional
    public RecognitionView get(Caller caller, String id) {
        return view(visibility.findVisible(id, caller.state(), false)).forViewer(caller.state());
    }

    @Transactional
    public Page<RecognitionView> list(Caller caller, String recognizingState, String recognizedState, String status,
            String limitText, String cursor) {
        int limit = Cursors.limit(limitText, config);
        long after = Cursors.decodeLong(CURSOR_KIND, caller.state(), cursor, 0);
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", caller.state());
        params.put("after", after);
        StringBuilder q = new StringBuilder("from Recognition r where ").append(RecognitionVisibility.PREDICATE)
                .append(" and r.seq > :after");
        if (present(recognizingState)) {
            params.put("recognizing", country("recognizingState", recognizingState));
            q.append(" and r.recognizingState = :recognizing");
        }
        if (present(recognizedState)) {
            params.put("recognized", country("recognizedState", recognizedState));
            q.append(" and r.recognizedState = :recognized");
        }
        if (present(status)) {
            params.put("status", parse(RecognitionStatus.class, "status", status).name());
            q.append(" and r.status = :status");
        }
        q.append(" order by r.seq");
        List<Recognition> rows = Recognition.<Recognition>find(q.toString(), params).range(0, limit).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Cursors.encode(CURSOR_KIND, caller.state(), Long.toString(rows.get(limit - 1).seq));
        }
        return new Page<>(rows.stream().map(r -> view(r).forViewer(caller.state())).toList(), next);
    }

    /**
     * Whether the recognizing state recognizes the recognized state's licences for this case on {@code date}
     * (default: today, UTC). A visible recognition is a basis when, on that date, it was ACTIVE (its status
     * at the end of that day per its status history; the current status for today), the date lies in
     * [effectiveFrom, effectiveTo], its scope covers the control entry (code hierarchy) and the licence type,
     * and the destination is not excluded.
     */
    @Transactional
    public RecognitionCheck check(Caller caller, String recognizingState, String recognizedState,
            String controlEntry, String licenceType, String destination, String date) {
        String recognizing = country("recognizingState", required("recognizingState", recognizingState));
        String recognized = country("recognizedState", required("recognizedState", recognizedState));
        ControlCode code = ControlCode.parse(required("controlEntry", controlEntry).trim())
                .orElseThrow(() -> EcxException.invalid("controlEntry", "is not a control code"));
        LicenceType type = parse(LicenceType.class, "licenceType", required("licenceType", licenceType));
        String dest = country("destination", required("destination", destination));
        LocalDate day;
        try {
            day = present(date) ? LocalDate.parse(date.trim()) : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw EcxException.invalid("date", "must be an ISO-8601 date, e.g. 2026-03-01");
        }
        Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", caller.state());
        params.put("recognizing", recognizing);
        params.put("recognized", recognized);
        params.put("day", day);
        List<Recognition> candidates = Recognition.<Recognition>find("from Recognition r where "
                + RecognitionVisibility.PREDICATE
                + " and r.recognizingState = :recognizing and r.recognizedState = :recognized"
                + " and r.effectiveFrom <= :day and (r.effectiveTo is null or r.effectiveTo >= :day)"
                + " order by r.seq", params).list();
        List<UUID> basis = new ArrayList<>();
        for (Recognition r : candidates) {
            RecognitionStatusChange onDay = RecognitionStatusChange.<RecognitionStatusChange>find(
                    "recognitionId = ?1 and at < ?2 order by version desc", r.id, endOfDay).firstResult();
            if (onDay == null || !RecognitionStatus.ACTIVE.name().equals(onDay.status)) {
                continue;
            }
            RecognitionScope scope = request(r).scope();
            if (scope.licenceTypes().contains(type) && scope.covers(code)
                    && !scope.excludedDestinationsOrEmpty().contains(dest)) {
                basis.add(r.id);
            }
        }
        return new RecognitionCheck(!basis.isEmpty(), basis);
    }

    // ---------------------------------------------------------------- helpers

    private void validate(Caller caller, RecognitionRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (caller.isOf(r.recognizedState())) {
            errors.add(new Problem.FieldError("recognizedState", "must be another state than the recognizing state"));
        } else if (registry.find(r.recognizedState()).isEmpty()) {
            errors.add(new Problem.FieldError("recognizedState", "is not a partner state"));
        }
        if (r.effectiveTo() != null && r.effectiveTo().isBefore(r.effectiveFrom())) {
            errors.add(new Problem.FieldError("effectiveTo", "must not be before effectiveFrom"));
        }
        distributionRules.check("distribution", r.distribution(), errors);
        if (!errors.isEmpty()) {
            throw new EcxException(ErrorCode.UNPROCESSABLE, "The recognition is not consistent.", errors);
        }
    }

    /** The recognizing state's full view. */
    RecognitionView view(Recognition r) {
        RecognitionRequest c = request(r);
        return new RecognitionView(r.id, r.recognizingState, r.recognizedState, c.instrument(), c.scope(),
                c.conditions(), c.effectiveFrom(), c.effectiveTo(), RecognitionStatus.valueOf(r.status),
                c.distribution(), r.version, r.createdAt, r.updatedAt);
    }

    private RecognitionRequest request(Recognition r) {
        return storedJson.read(r.body, RecognitionRequest.class);
    }

    private String toJson(Object value) {
        return storedJson.write(value);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String required(String field, String value) {
        if (!present(value)) {
            throw EcxException.invalid(field, "is required");
        }
        return value;
    }

    private static String country(String field, String value) {
        String v = value.trim();
        if (!CountryCode.Validator.isValid(v)) {
            throw EcxException.invalid(field, "must be an ISO 3166-1 alpha-2 code in upper case");
        }
        return v;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw EcxException.invalid(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}

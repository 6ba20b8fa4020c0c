package org.ecx.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ecx.access.Caller;
import org.ecx.audit.AuditLog;
import org.ecx.common.EcxConfig;
import org.ecx.common.EcxException;
import org.ecx.common.ErrorCode;
import org.ecx.common.Problem;
import org.ecx.denial.Denial;
import org.ecx.denial.DenialRequest;
import org.ecx.denial.DenialService;
import org.ecx.denial.DenialStatus;
import org.ecx.denial.DenialView;
import org.ecx.denial.PartyRole;
import org.ecx.denial.UndercutNotice;
import org.ecx.denial.UndercutNoticeRecord;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.ecx.screening.ScreeningMatch.CountryAgreement;
import org.ecx.screening.ScreeningMatch.MatchReason;
import org.ecx.screening.ScreeningMatch.NameKind;

/**
 * Pre-licence screening (SPEC §4). Candidates come from the {@link ScreeningIndex} (visible denials only);
 * each candidate is then scored on its {@link DenialView} as the caller may see it, so scoring, explanation
 * and summary can only ever use what the caller is allowed to read. Every screening is an audit event
 * (who, not whom), and every match on another state's denial a {@code DENIAL_READ} event.
 */
@ApplicationScoped
public class ScreeningService {

    public static final String RECORD_TYPE = "SCREENING";
    public static final String ACTION = "SCREENING_PERFORMED";
    static final double COUNTRY_ADJUSTMENT = 0.05;
    private static final int CONSULTATION_YEARS = 3;

    @Inject
    ScreeningIndex index;

    @Inject
    DenialService denials;

    @Inject
    AuditLog audit;

    @Inject
    EcxConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Transactional
    public ScreeningResult screen(Caller caller, ScreeningRequest request, boolean includeRevoked) {
        List<NormalizedName[]> names = normalize(request, "");
        Instant now = now();
        Set<UUID> read = new LinkedHashSet<>();
        ScreeningResult result = screenOne(caller, request, names, includeRevoked, now, read);
        recordAudit(caller, List.of(request), now);
        return result;
    }

    @Transactional
    public ScreeningResult.Batch screenBatch(Caller caller, ScreeningBatchRequest batch, boolean includeRevoked) {
        List<List<NormalizedName[]>> names = new ArrayList<>();
        for (int i = 0; i < batch.screenings().size(); i++) {
            names.add(normalize(batch.screenings().get(i), "screenings[" + i + "]."));
        }
        Instant now = now();
        Set<UUID> read = new LinkedHashSet<>();
        List<ScreeningResult> results = new ArrayList<>();
        for (int i = 0; i < batch.screenings().size(); i++) {
            results.add(screenOne(caller, batch.screenings().get(i), names.get(i), includeRevoked, now, read));
        }
        recordAudit(caller, batch.screenings(), now);
        return new ScreeningResult.Batch(results);
    }

    /** Normalized names of each screened party (name first, then aliases); 422 when a party has none left. */
    private static List<NormalizedName[]> normalize(ScreeningRequest request, String prefix) {
        List<NormalizedName[]> result = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.parties().size(); i++) {
            ScreeningRequest.Party p = request.parties().get(i);
            List<String> raw = new ArrayList<>();
            raw.add(p.name());
            if (p.aliases() != null) {
                raw.addAll(p.aliases());
            }
            NormalizedName[] normalized = raw.stream().map(NameNormalizer::normalize).toArray(NormalizedName[]::new);
            if (normalized[0].isEmpty()) {
                errors.add(new Problem.FieldError(prefix + "parties[" + i + "].name",
                        "has no distinctive word (only legal forms, punctuation or generic words)"));
            }
            result.add(normalized);
        }
        if (!errors.isEmpty()) {
            throw new EcxException(ErrorCode.UNPROCESSABLE, "A screened name cannot be matched.", errors);
        }
        return result;
    }

    private ScreeningResult screenOne(Caller caller, ScreeningRequest request, List<NormalizedName[]> names,
            boolean includeRevokedParam, Instant now, Set<UUID> read) {
        boolean includeRevoked = includeRevokedParam || Boolean.TRUE.equals(request.includeRevoked());
        double threshold = request.threshold() != null ? request.threshold() : config.screening().defaultThreshold();
        Set<UUID> candidateIds = new LinkedHashSet<>();
        for (NormalizedName[] partyNames : names) {
            for (NormalizedName n : partyNames) {
                candidateIds.addAll(index.candidates(caller.state(), n, includeRevoked,
                        config.screening().candidatesPerName()));
            }
        }
        if (candidateIds.isEmpty()) {
            return new ScreeningResult(List.of());
        }
        Map<UUID, List<UndercutNotice>> notices = UndercutNoticeRecord.byDenial(candidateIds);
        List<String> screenedItems = request.items() == null ? List.of()
                : request.items().stream().map(ScreeningRequest.Item::controlEntry).toList();
        List<ScreeningMatch> matches = new ArrayList<>();
        Map<UUID, Denial> byId = new HashMap<>();
        for (Denial d : Denial.<Denial>list("id in ?1", candidateIds)) {
            byId.put(d.id, d);
        }
        for (Denial d : byId.values()) {
            DenialView view = denials.currentView(d, caller.state(), now, notices.getOrDefault(d.id, List.of()));
            ScreeningMatch match = match(caller, request, names, view, screenedItems, threshold, now);
            if (match != null) {
                matches.add(match);
                if (!caller.isOf(d.notifyingState) && read.add(d.id)) {
                    denials.recordRead(caller, d);
                }
            }
        }
        matches.sort(Comparator.comparingDouble(ScreeningMatch::score).reversed()
                .thenComparing(m -> m.denial().notifiedAt(), Comparator.reverseOrder())
                .thenComparing(ScreeningMatch::denialId));
        return new ScreeningResult(List.copyOf(matches));
    }

    /** Scores one denial (as the caller sees it) against the screened parties; null when no name is MATCH or POSSIBLE. */
    ScreeningMatch match(Caller caller, ScreeningRequest request, List<NormalizedName[]> names, DenialView view,
            List<String> screenedItems, double threshold, Instant now) {
        List<MatchReason> reasons = new ArrayList<>();
        for (int dp = 0; dp < view.parties().size(); dp++) {
            DenialRequest.Party party = view.parties().get(dp);
            MatchReason best = null;
            for (int qp = 0; qp < names.size(); qp++) {
                String queryCountry = request.parties().get(qp).country();
                for (NormalizedName q : names.get(qp)) {
                    best = better(best, reason(qp, q, dp, party, NameKind.NAME, party.name(), queryCountry, threshold));
                    if (party.aliases() != null) {
                        for (String alias : party.aliases()) {
                            best = better(best,
                                    reason(qp, q, dp, party, NameKind.ALIAS, alias, queryCountry, threshold));
                        }
                    }
                }
            }
            if (best != null) {
                reasons.add(best);
            }
        }
        if (reasons.isEmpty()) {
            return null;
        }
        reasons.sort(Comparator.comparingDouble(MatchReason::score).reversed()
                .thenComparing(r -> !identifying(r.role())).thenComparingInt(MatchReason::denialParty));
        MatchReason top = reasons.get(0);
        ItemRelation relation = ItemRelation.best(view.items().stream().map(DenialRequest.Item::controlEntry).toList(),
                screenedItems);
        boolean essentiallyIdentical = relation.sameItem()
                && reasons.stream().anyMatch(r -> r.band() == NameMatcher.Band.MATCH && identifying(r.role()));
        boolean consultationRequired = essentiallyIdentical && inForce(view.status())
                && view.notifiedAt().isAfter(now.atZone(ZoneOffset.UTC).minusYears(CONSULTATION_YEARS).toInstant())
                && !caller.isOf(view.notifyingState());
        return new ScreeningMatch(view.id(), view.notifyingState(), view.status(), top.score(), top.band(),
                new ScreeningMatch.MatchedParty(top.role(), view.parties().get(top.denialParty()).name()),
                List.copyOf(reasons), relation, essentiallyIdentical, consultationRequired, DenialSummary.of(view));
    }

    private static MatchReason reason(int queryParty, NormalizedName query, int denialParty, DenialRequest.Party party,
            NameKind kind, String value, String queryCountry, double threshold) {
        NameMatcher.Result r = NameMatcher.match(query, NameNormalizer.normalize(value));
        if (r.score() <= 0) {
            return null;
        }
        CountryAgreement country = queryCountry == null || party.country() == null ? CountryAgreement.NOT_COMPARED
                : queryCountry.equals(party.country()) ? CountryAgreement.AGREES : CountryAgreement.DIFFERS;
        double score = switch (country) {
            case AGREES -> r.score() + COUNTRY_ADJUSTMENT;
            case DIFFERS -> r.score() - COUNTRY_ADJUSTMENT;
            case NOT_COMPARED -> r.score();
        };
        score = NameMatcher.round(Math.max(0, Math.min(1, score)));
        NameMatcher.Band band = r.bandOf(score, threshold);
        if (band == null) {
            return null;
        }
        return new MatchReason(queryParty, query.original(), denialParty, party.role(), kind, value, r.pairs(),
                NameMatcher.round(r.score()), country, score, band, r.explain(band));
    }

    private static MatchReason better(MatchReason a, MatchReason b) {
        if (a == null) {
            return b;
        }
        return b != null && b.score() > a.score() ? b : a;
    }

    /** END_USER and CONSIGNEE matches make a transaction essentially identical (SPEC §4). */
    private static boolean identifying(PartyRole role) {
        return role == PartyRole.END_USER || role == PartyRole.CONSIGNEE;
    }

    private static boolean inForce(DenialStatus status) {
        return status == DenialStatus.ACTIVE || status == DenialStatus.REVIEW_OVERDUE || status == DenialStatus.RENEWED;
    }

    private void recordAudit(Caller caller, List<ScreeningRequest> screenings, Instant now) {
        UUID id = UUID.randomUUID();
        if (config.screening().auditNames()) {
            List<List<String>> names = screenings.stream()
                    .map(s -> s.parties().stream().map(ScreeningRequest.Party::name).toList()).toList();
            try {
                em.createNativeQuery("INSERT INTO screening_log (id, at, actor_state, actor, names)"
                        + " VALUES (?1, ?2, ?3, ?4, cast(?5 as jsonb))")
                        .setParameter(1, id).setParameter(2, now).setParameter(3, caller.state())
                        .setParameter(4, caller.actor()).setParameter(5, json.writeValueAsString(names)).executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        audit.record(caller, ACTION, RECORD_TYPE, id.toString(), caller.state());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

package org.ecx.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.ecx.denial.DenialQueries;
import org.ecx.denial.DenialRequest;
import org.ecx.denial.DenialStatus;
import org.ecx.denial.DenialSummary;
import org.ecx.denial.DenialView;
import org.ecx.denial.DenialVisibility;
import org.ecx.denial.PartyRole;
import org.ecx.denial.UndercutNotice;
import org.ecx.denial.UndercutNoticeRecord;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.ecx.screening.ScreeningMatch.CountryAgreement;
import org.ecx.screening.ScreeningMatch.MatchReason;
import org.ecx.screening.ScreeningMatch.NameKind;

/**
 * Pre-licence screening (SPEC §4). Candidates come from the {@link ScreeningIndex} (caught up before each
 * screening), are checked through {@link DenialVisibility#PREDICATE}, and each is scored on its
 * {@link DenialView} as the caller may see it (redacted once per denial), so scoring, explanation and summary
 * can only ever use what the caller is allowed to read. Every screening is an audit event (who, not whom),
 * and every match on another state's denial a {@code DENIAL_READ} event, both appended after scoring.
 */
@ApplicationScoped
public class ScreeningService {

    public static final String RECORD_TYPE = "SCREENING";
    public static final String ACTION = "SCREENING_PERFORMED";
    static final double COUNTRY_ADJUSTMENT = 0.05;
    private static final int CONSULTATION_YEARS = 3;
    /** Index candidates fetched per screened name, as a multiple of those kept (room for invisible ones). */
    private static final int OVERFETCH = 2;
    private static final int VISIBILITY_CHUNK = 1_000;

    @Inject
    ScreeningIndex index;

    @Inject
    DenialQueries denials;

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

    /**
     * One screening. Three steps, so that nothing holds a connection or a lock while names are scored: (1) in
     * a read transaction, the index catches up, proposes candidates, and the visible ones are loaded and
     * redacted (once per denial); (2) scoring, outside any transaction; (3) one short transaction appends the
     * audit events (the screening and every read of another state's denial) at the end.
     */
    public ScreeningResult screen(Caller caller, ScreeningRequest request, boolean includeRevoked) {
        return screenAll(caller, List.of(request), List.of(normalize(request, "")), includeRevoked).get(0);
    }

    public ScreeningResult.Batch screenBatch(Caller caller, ScreeningBatchRequest batch, boolean includeRevoked) {
        List<List<NormalizedName[]>> names = new ArrayList<>();
        for (int i = 0; i < batch.screenings().size(); i++) {
            names.add(normalize(batch.screenings().get(i), "screenings[" + i + "]."));
        }
        return new ScreeningResult.Batch(screenAll(caller, batch.screenings(), names, includeRevoked));
    }

    private List<ScreeningResult> screenAll(Caller caller, List<ScreeningRequest> screenings,
            List<List<NormalizedName[]>> names, boolean includeRevoked) {
        Instant now = now();
        // the index holds every denial committed before this point (a short transaction of its own) …
        QuarkusTransaction.joiningExisting().run(index::catchUp);
        // … and is searched with no connection held, the names of a batch in parallel
        List<List<List<UUID>>> ranked = ranked(screenings, names);
        Candidates candidates = QuarkusTransaction.joiningExisting().call(
                () -> candidates(caller, screenings, names, ranked, includeRevoked, now));
        List<ScreeningResult> results = inParallel(screenings.size(),
                i -> score(caller, screenings.get(i), names.get(i), candidates, i, now));
        Map<UUID, Denial> read = new LinkedHashMap<>();
        results.forEach(r -> r.matches().forEach(m -> read.putIfAbsent(m.denialId(),
                candidates.denials().get(m.denialId()))));
        QuarkusTransaction.joiningExisting().run(() -> recordAudit(caller, screenings, read.values(), now));
        return results;
    }

    /**
     * Threads a batch may search and score on: half the cores (at least one), so that one state's 100-party
     * batch never takes the whole machine from everybody else's requests (issue 10's isolation target; with
     * every core, another state's writes lost up to half their throughput during batches on 2 cores,
     * docs/benchmarks.md). On 2 cores a batch runs on its request's thread alone.
     */
    static final int BATCH_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final java.util.concurrent.ForkJoinPool BATCH_POOL = new java.util.concurrent.ForkJoinPool(
            BATCH_THREADS);

    /**
     * {@code task} for 0 … n − 1, results in that order; on {@link #BATCH_THREADS} threads when there are more
     * than one. Nothing in a task holds a connection or a lock.
     */
    private static <T> List<T> inParallel(int n, java.util.function.IntFunction<T> task) {
        if (n <= 1 || BATCH_THREADS <= 1) {
            return java.util.stream.IntStream.range(0, n).mapToObj(task).toList();
        }
        return BATCH_POOL.submit(() -> java.util.stream.IntStream.range(0, n).parallel().mapToObj(task).toList())
                .join();
    }

    /**
     * Per screening, per screened name (party names then aliases, in order), the ids the (caught-up) index
     * proposes: the denials whose best name the matcher scores, inside the index, at or above the lowest
     * reportable score, best first, over-fetching so that denials the caller may not see do not crowd out those
     * it may.
     */
    private List<List<List<UUID>>> ranked(List<ScreeningRequest> screenings, List<List<NormalizedName[]>> names) {
        int perName = config.screening().candidatesPerName();
        int scored = config.screening().scoredPerName();
        record Name(int screening, NormalizedName name) {
        }
        List<Name> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (NormalizedName[] partyNames : names.get(i)) {
                for (NormalizedName n : partyNames) {
                    all.add(new Name(i, n));
                }
            }
        }
        List<List<UUID>> ids = inParallel(all.size(), k -> {
            ScreeningRequest request = screenings.get(all.get(k).screening());
            return index.candidates(all.get(k).name(), threshold(request), COUNTRY_ADJUSTMENT, perName * OVERFETCH,
                    scored).stream().map(ScreeningIndex.Candidate::denial).toList();
        });
        List<List<List<UUID>>> ranked = new ArrayList<>();
        names.forEach(n -> ranked.add(new ArrayList<>()));
        for (int k = 0; k < all.size(); k++) {
            ranked.get(all.get(k).screening()).add(ids.get(k));
        }
        return ranked;
    }

    /**
     * The candidates of each screening (ids in index rank order), the caller's view of each (redacted once) with
     * the normalized names of its parties (normalized once), and the rarity of every word of the screened and
     * candidate names (looked up once).
     */
    private record Candidates(List<List<Denial>> perScreening, Map<UUID, Denial> denials,
            Map<UUID, DenialView> views, Map<UUID, List<PartyNames>> names, TokenRarity rarity) {
    }

    /** A denial party's name and aliases as the caller sees them, normalized. */
    record PartyNames(NormalizedName name, List<NormalizedName> aliases) {

        /**
         * The view's names as the index normalized them ({@code indexed}, by the name as written), normalized here
         * only when the index does not hold them.
         */
        static List<PartyNames> of(DenialView view, Map<String, NormalizedName> indexed) {
            java.util.function.Function<String, NormalizedName> normalized = name -> {
                NormalizedName n = name == null ? null : indexed.get(name);
                return n != null ? n : NameNormalizer.normalize(name);
            };
            return view.parties().stream().map(p -> new PartyNames(normalized.apply(p.name()),
                    p.aliases() == null ? List.of() : p.aliases().stream().map(normalized).toList()))
                    .toList();
        }
    }

    /**
     * Keeps the proposed ids that pass {@link DenialVisibility#PREDICATE} (one query per thousand ids), at most
     * {@code candidatesPerName} per name, and builds the caller's view of each once.
     */
    private Candidates candidates(Caller caller, List<ScreeningRequest> screenings, List<List<NormalizedName[]>> names,
            List<List<List<UUID>>> ranked, boolean includeRevokedParam, Instant now) {
        int perName = config.screening().candidatesPerName();
        Set<UUID> all = new LinkedHashSet<>();
        ranked.forEach(lists -> lists.forEach(all::addAll));
        Map<UUID, Denial> visible = visible(caller, all);
        Map<UUID, List<UndercutNotice>> notices = UndercutNoticeRecord.byDenial(visible.keySet());
        Map<UUID, DenialView> views = new HashMap<>();
        List<List<Denial>> perScreening = new ArrayList<>();
        for (int i = 0; i < screenings.size(); i++) {
            boolean includeRevoked = includeRevokedParam || Boolean.TRUE.equals(screenings.get(i).includeRevoked());
            Map<UUID, Denial> chosen = new LinkedHashMap<>();
            for (List<UUID> ids : ranked.get(i)) {
                int taken = 0;
                for (UUID id : ids) {
                    Denial d = visible.get(id);
                    if (d == null || (!includeRevoked && DenialStatus.REVOKED.name().equals(d.status))) {
                        continue;
                    }
                    chosen.put(id, d);
                    views.computeIfAbsent(id, k -> denials.currentView(d, caller.state(), now,
                            notices.getOrDefault(id, List.of())));
                    if (++taken == perName) {
                        break;
                    }
                }
            }
            perScreening.add(List.copyOf(chosen.values()));
        }
        Map<UUID, List<PartyNames>> viewNames = new HashMap<>();
        List<NormalizedName> every = new ArrayList<>();
        names.forEach(screening -> screening.forEach(partyNames -> every.addAll(List.of(partyNames))));
        Map<String, NormalizedName> indexed = index.indexedNames(views.keySet());
        views.forEach((id, view) -> {
            List<PartyNames> parties = PartyNames.of(view, indexed);
            viewNames.put(id, parties);
            parties.forEach(p -> {
                every.add(p.name());
                every.addAll(p.aliases());
            });
        });
        return new Candidates(perScreening, visible, views, viewNames, index.rarity(every));
    }

    private double threshold(ScreeningRequest request) {
        return request.threshold() != null ? request.threshold() : config.screening().defaultThreshold();
    }

    /** The denials among {@code ids} that the caller may see: one query through the one visibility predicate. */
    private Map<UUID, Denial> visible(Caller caller, Set<UUID> ids) {
        Map<UUID, Denial> result = new HashMap<>();
        List<UUID> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += VISIBILITY_CHUNK) {
            List<UUID> chunk = list.subList(from, Math.min(list.size(), from + VISIBILITY_CHUNK));
            em.createQuery("from Denial d where d.id in :ids and " + DenialVisibility.PREDICATE, Denial.class)
                    .setParameter("ids", chunk).setParameter("viewer", caller.state()).getResultList()
                    .forEach(d -> result.put(d.id, d));
        }
        return result;
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

    /** Scores one screening's candidates on the caller's views. */
    private ScreeningResult score(Caller caller, ScreeningRequest request, List<NormalizedName[]> names,
            Candidates candidates, int screening, Instant now) {
        double threshold = threshold(request);
        List<String> screenedItems = request.items() == null ? List.of()
                : request.items().stream().map(ScreeningRequest.Item::controlEntry).toList();
        List<ScreeningMatch> matches = new ArrayList<>();
        for (Denial d : candidates.perScreening().get(screening)) {
            ScreeningMatch match = match(caller, request, names, candidates.views().get(d.id),
                    candidates.names().get(d.id), candidates.rarity(), screenedItems, threshold, now);
            if (match != null) {
                matches.add(match);
            }
        }
        matches.sort(Comparator.comparingDouble(ScreeningMatch::score).reversed()
                .thenComparing(m -> m.denial().notifiedAt(), Comparator.reverseOrder())
                .thenComparing(ScreeningMatch::denialId));
        // at most NameMatcher.POSSIBLE_PER_NAME denials in POSSIBLE per screened party (its best reason's party)
        return new ScreeningResult(List.copyOf(NameMatcher.capPossible(matches, ScreeningMatch::band,
                m -> m.matchedOn().get(0).queryParty())));
    }

    /** Scores one denial (as the caller sees it) against the screened parties; null when no name is MATCH or POSSIBLE. */
    ScreeningMatch match(Caller caller, ScreeningRequest request, List<NormalizedName[]> names, DenialView view,
            List<PartyNames> viewNames, TokenRarity rarity, List<String> screenedItems, double threshold,
            Instant now) {
        List<MatchReason> reasons = new ArrayList<>();
        for (int dp = 0; dp < view.parties().size(); dp++) {
            DenialRequest.Party party = view.parties().get(dp);
            NormalizedName partyName = viewNames.get(dp).name();
            List<String> aliasValues = party.aliases() == null ? List.of() : party.aliases();
            List<NormalizedName> aliases = viewNames.get(dp).aliases();
            MatchReason best = null;
            for (int qp = 0; qp < names.size(); qp++) {
                String queryCountry = request.parties().get(qp).country();
                for (NormalizedName q : names.get(qp)) {
                    best = better(best, reason(qp, q, dp, party, NameKind.NAME, party.name(), partyName,
                            queryCountry, threshold, rarity));
                    for (int a = 0; a < aliases.size(); a++) {
                        best = better(best, reason(qp, q, dp, party, NameKind.ALIAS, aliasValues.get(a),
                                aliases.get(a), queryCountry, threshold, rarity));
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
            NameKind kind, String value, NormalizedName normalizedValue, String queryCountry, double threshold,
            TokenRarity rarity) {
        NameMatcher.Result r = NameMatcher.match(query, normalizedValue, rarity);
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

    /** The audit events of a screening, appended in one go after scoring: the screening, and each read. */
    private void recordAudit(Caller caller, List<ScreeningRequest> screenings, Collection<Denial> read, Instant now) {
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
        denials.recordReads(caller, read);
        audit.record(caller.asActor(), ACTION, RECORD_TYPE, id.toString(), caller.state());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

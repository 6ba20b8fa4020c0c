package org.ecx.screening;

import io.quarkus.runtime.StartupEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ecx.denial.Denial;
import org.ecx.denial.DenialRequest;
import org.ecx.denial.DenialSnapshot;
import org.ecx.denial.DenialVisibility;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.jboss.logging.Logger;

/**
 * The screening index ({@code screening_name}): normalized keys of every party name and alias of each
 * denial's current version. {@link #reindex} runs inside the denial write's transaction, so the index never
 * disagrees with a committed denial. {@link #candidates} finds, through the pg_trgm GIN indexes, the denials
 * whose names are near a query name, joined with {@link DenialVisibility#PREDICATE} so that only denials the
 * viewer sees are ever considered; precise scoring then happens in Java.
 */
@ApplicationScoped
public class ScreeningIndex {

    private static final Logger LOG = Logger.getLogger(ScreeningIndex.class);
    private static final int BACKFILL_BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Replaces the index rows of a denial with those of the given (current) version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reindex(Denial denial, DenialSnapshot snapshot) {
        ScreeningName.delete("denialId", denial.id);
        List<DenialRequest.Party> parties = snapshot.content().parties();
        for (int p = 0; p < parties.size(); p++) {
            DenialRequest.Party party = parties.get(p);
            add(denial.id, p, -1, party.name());
            List<String> aliases = party.aliases() == null ? List.of() : party.aliases();
            for (int a = 0; a < aliases.size(); a++) {
                add(denial.id, p, a, aliases.get(a));
            }
        }
    }

    private void add(UUID denialId, int partyIdx, int aliasIdx, String name) {
        NormalizedName n = NameNormalizer.normalize(name);
        if (n.isEmpty()) {
            return; // a name of legal-form words only can never match
        }
        ScreeningName row = new ScreeningName();
        row.denialId = denialId;
        row.partyIdx = partyIdx;
        row.aliasIdx = aliasIdx;
        row.keyVersion = NameNormalizer.KEY_VERSION;
        row.nameKey = truncate(n.nameKey());
        row.skeletonKey = truncate(n.skeletonKey());
        row.persist();
    }

    /**
     * Ids of the denials visible to {@code viewer} with a name near {@code name} (trigram similarity of the
     * name keys, word similarity of the query within a longer name, or similarity of the consonant
     * skeletons), best first, at most {@code limit}. REVOKED denials only when {@code includeRevoked}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> candidates(String viewer, NormalizedName name, boolean includeRevoked, int limit) {
        if (name.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", viewer);
        params.put("key", name.nameKey());
        params.put("skeleton", name.skeletonKey());
        String q = "select n.denialId as denialId,"
                + " max(greatest(function('similarity', n.nameKey, :key), function('word_similarity', :key, n.nameKey),"
                + "   function('similarity', n.skeletonKey, :skeleton))) as closeness"
                + " from ScreeningName n join Denial d on d.id = n.denialId"
                + " where (function('screening_similar', n.nameKey, :key) = true"
                + "   or function('screening_word_similar', :key, n.nameKey) = true"
                + "   or function('screening_similar', n.skeletonKey, :skeleton) = true)"
                + " and " + DenialVisibility.PREDICATE
                + (includeRevoked ? "" : " and d.status <> 'REVOKED'")
                + " group by n.denialId order by closeness desc, n.denialId";
        var query = em.createQuery(q, Object[].class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList().stream().map(r -> (UUID) r[0]).toList();
    }

    /** Indexes denials that have no rows of the current key version (first start, or a changed normalizer). */
    void backfillOnStart(@Observes StartupEvent event) {
        int total = 0;
        long after = 0;
        for (long[] batch = backfillBatch(after); batch[1] > 0; batch = backfillBatch(after)) {
            after = batch[0];
            total += (int) batch[1];
        }
        if (total > 0) {
            LOG.infof("Screening index: (re)indexed %d denials for key version %d", total, NameNormalizer.KEY_VERSION);
        }
    }

    /**
     * One batch of the backfill after denial {@code seq} {@code after}: returns the last seq seen and how many
     * denials were indexed. An advisory lock keeps several starting instances from doing it twice.
     */
    @Transactional
    long[] backfillBatch(long after) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('ecx.screening.backfill'))").getSingleResult();
        List<Denial> denials = Denial.<Denial>find("from Denial d where d.seq > ?1 and not exists (select 1 from"
                + " ScreeningName n where n.denialId = d.id and n.keyVersion = ?2) order by d.seq", after,
                NameNormalizer.KEY_VERSION).range(0, BACKFILL_BATCH - 1).list();
        for (Denial d : denials) {
            try {
                reindex(d, json.readValue(d.body, DenialSnapshot.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored denial cannot be read", e);
            }
        }
        return denials.isEmpty() ? new long[] {after, 0} : new long[] {denials.get(denials.size() - 1).seq, denials.size()};
    }

    private static String truncate(String key) {
        return key.length() <= 1000 ? key : key.substring(0, 1000);
    }
}

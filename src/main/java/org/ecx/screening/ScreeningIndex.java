package org.ecx.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.ecx.denial.Denial;
import org.ecx.denial.DenialRequest;
import org.ecx.denial.DenialSnapshot;
import org.ecx.denial.DenialWritten;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.ecx.screening.NameNormalizer.Token;
import org.jboss.logging.Logger;

/**
 * The screening index (ADR 0008): an in-process Apache Lucene index, one document per party name or alias of
 * each denial's current version, with the exact {@link Token#indexKeys()} and {@link NormalizedName#nameKeys()}
 * of its names and their token texts for Levenshtein lookups within {@link NameMatcher#editBudget}.
 *
 * <p>The durable source is {@code screening_entry}, written by {@link #reindex} inside the denial write's
 * transaction. The index is rebuilt from it at startup and {@linkplain #catchUp() catches up} before every
 * screening: it reads the rows whose writing transaction was not visible in the snapshot of its previous
 * catch-up, so a screening never misses a denial committed before it started, whatever order the writers
 * committed in, and several ECX instances each catch up on their own.
 *
 * <p>The index only proposes denial ids, ranked by the rarity-weighted sum of the query words they pair with
 * (not BM25: see {@link #query}); the caller checks every id through
 * {@code DenialVisibility.PREDICATE} before anything of the denial is read, so an invisible denial is never
 * considered.
 */
@ApplicationScoped
public class ScreeningIndex {

    private static final Logger LOG = Logger.getLogger(ScreeningIndex.class);
    private static final String DENIAL = "d";
    private static final String KEY = "k";
    private static final String TEXT = "x";
    /** The number of tokens of the name (for the short-name bonus of {@link #query}). */
    private static final String LENGTH = "n";
    /** Names of fewer tokens than this get a ranking bonus of {@link #SHORT_NAME_BONUS} per token fewer. */
    private static final int SHORT_NAME_BONUS_UP_TO = 8;
    /** Far below {@link TokenRarity#FLOOR}: it only orders names of equal evidence. */
    private static final float SHORT_NAME_BONUS = 0.001f;
    private static final int REBUILD_BATCH = 5_000;
    /** Index terms a fuzzy lookup of one token may expand to (the scorer's budget is at most 2 edits). */
    static final int FUZZY_EXPANSIONS = 256;
    private static final TypeReference<List<EntryParty>> PARTIES = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private final ReentrantLock catchUpLock = new ReentrantLock();
    private Path dir;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    /** Snapshot ({@code pg_snapshot} text) of the last catch-up; guarded by {@link #catchUpLock}. */
    private String snapshot;
    /** {@link System#nanoTime()} just before that snapshot was taken. */
    private volatile long snapshotTakenAt;

    /** The names of one denial party as stored in {@code screening_entry}. */
    record EntryParty(String name, List<String> aliases) {
    }

    // ------------------------------------------------------------------ write path (denial transaction)

    /** Records the names of a denial's (current) version; the index picks them up at its next catch-up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reindex(Denial denial, DenialSnapshot snapshot) {
        List<EntryParty> parties = snapshot.content().parties().stream()
                .map(p -> new EntryParty(p.name(), p.aliases() == null ? List.of() : p.aliases())).toList();
        String value;
        try {
            value = json.writeValueAsString(parties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.flush(); // the denial row first (foreign key)
        em.createNativeQuery("INSERT INTO screening_entry (denial_id, parties) VALUES (?1, cast(?2 as jsonb))"
                + " ON CONFLICT (denial_id) DO UPDATE SET parties = excluded.parties, xid = pg_current_xact_id()")
                .setParameter(1, denial.id).setParameter(2, value).executeUpdate();
    }

    /**
     * A denial was written: when its parties may have changed, its names are recorded in the denial's own
     * transaction (synchronous observer, see {@link DenialWritten}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onDenialWritten(@Observes DenialWritten written) {
        if (written.written() != null) {
            reindex(written.written().denial(), written.written().snapshot());
        }
    }

    // ------------------------------------------------------------------ lifecycle

    void start(@Observes StartupEvent event) {
        rebuild();
    }

    void stop(@Observes ShutdownEvent event) {
        close();
    }

    /** Drops the in-process index and rebuilds it from {@code screening_entry}; returns the names indexed. */
    public synchronized long rebuild() {
        catchUpLock.lock();
        try {
            close();
            dir = Files.createTempDirectory("ecx-screening-index-");
            directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(48);
            writer = new IndexWriter(directory, config);
            long takenAt = System.nanoTime();
            String start = QuarkusTransaction.requiringNew().call(this::currentSnapshot);
            long names = 0;
            UUID after = new UUID(0, 0); // PostgreSQL orders uuids as unsigned bytes: this is the smallest
            while (true) {
                UUID from = after;
                List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT denial_id, cast(parties as text) FROM screening_entry WHERE denial_id > ?1"
                                + " ORDER BY denial_id LIMIT " + REBUILD_BATCH, Object[].class)
                        .setParameter(1, from).getResultList());
                if (rows.isEmpty()) {
                    break;
                }
                // normalizing names (ICU transliteration) is the cost: spread it over the cores
                names += rows.parallelStream().mapToLong(row -> {
                    try {
                        return add((UUID) row[0], (String) row[1], false);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sum();
                after = (UUID) rows.get(rows.size() - 1)[0];
            }
            writer.commit();
            searchers = new SearcherManager(writer, null);
            snapshot = start;
            snapshotTakenAt = takenAt;
            LOG.infof("Screening index: %d names indexed in %d ms", names, (System.nanoTime() - takenAt) / 1_000_000);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            catchUpLock.unlock();
        }
    }

    private void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
            if (directory != null) {
                directory.close();
            }
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Screening index: could not remove the previous index", e);
        } finally {
            searchers = null;
            writer = null;
            directory = null;
            dir = null;
        }
    }

    // ------------------------------------------------------------------ catch-up

    /**
     * Brings the index up to every {@code screening_entry} row committed before this call: reads the rows
     * whose writing transaction was not visible in the previous catch-up's snapshot. Called at the start of
     * every screening; concurrent callers share one catch-up when its snapshot was taken after they arrived.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void catchUp() {
        long arrived = System.nanoTime();
        catchUpLock.lock();
        try {
            if (snapshotTakenAt - arrived > 0) {
                return; // a catch-up that started after this caller arrived has completed
            }
            long takenAt = System.nanoTime();
            String next = currentSnapshot();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT denial_id, cast(parties as text) FROM screening_entry"
                    + " WHERE xid >= pg_snapshot_xmin(cast(?1 as pg_snapshot))"
                    + " AND NOT pg_visible_in_snapshot(xid, cast(?1 as pg_snapshot))")
                    .setParameter(1, snapshot).getResultList();
            if (!rows.isEmpty()) {
                for (Object[] row : rows) {
                    add((UUID) row[0], (String) row[1], true);
                }
                searchers.maybeRefreshBlocking();
            }
            snapshot = next;
            snapshotTakenAt = takenAt;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            catchUpLock.unlock();
        }
    }

    private String currentSnapshot() {
        return (String) em.createNativeQuery("SELECT cast(pg_current_snapshot() as text)").getSingleResult();
    }

    /** Indexes (or, with {@code replace}, re-indexes) the names of one denial; returns how many. */
    private int add(UUID denialId, String partiesJson, boolean replace) throws IOException {
        List<EntryParty> parties = json.readValue(partiesJson, PARTIES);
        List<Document> docs = new ArrayList<>();
        String id = denialId.toString();
        for (EntryParty party : parties) {
            document(id, party.name(), docs);
            if (party.aliases() != null) {
                party.aliases().forEach(alias -> document(id, alias, docs));
            }
        }
        if (replace) {
            writer.updateDocuments(new Term(DENIAL, id), docs);
        } else {
            writer.addDocuments(docs);
        }
        return docs.size();
    }

    static void document(String denialId, String name, List<Document> docs) {
        NormalizedName n = NameNormalizer.normalize(name);
        if (n.isEmpty()) {
            return; // a name of legal-form words only can never match
        }
        Document doc = new Document();
        doc.add(new StringField(DENIAL, denialId, Field.Store.YES));
        Set<String> keys = new LinkedHashSet<>();
        Set<String> texts = new LinkedHashSet<>();
        for (Token t : n.tokens()) {
            texts.addAll(t.texts()); // a compound's written word too: a typo inside it is found by edit distance
        }
        keys.addAll(n.allKeys());
        keys.forEach(k -> doc.add(new StringField(KEY, k, Field.Store.NO)));
        texts.forEach(t -> doc.add(new StringField(TEXT, t, Field.Store.NO)));
        doc.add(new StringField(LENGTH, Integer.toString(n.tokens().size()), Field.Store.NO));
        docs.add(doc);
    }

    // ------------------------------------------------------------------ queries

    /**
     * Ids of at most {@code limit} denials with a name that shares an index key with {@code name} or has a
     * token within the edit budget of one of its tokens, best first: ranked by the {@linkplain TokenRarity
     * rarity}-weighted sum of the query words they pair with (see {@link #query}). Visibility is NOT applied
     * here: the caller checks every id with {@code DenialVisibility.PREDICATE}.
     */
    private static final Sort NEWEST_FIRST_AMONG_EQUALS =
            new Sort(SortField.FIELD_SCORE, new SortField(null, SortField.Type.DOC, true));

    public List<UUID> candidates(NormalizedName name, int limit) {
        if (name.isEmpty() || limit <= 0) {
            return List.of();
        }
        IndexSearcher searcher = acquire();
        try {
            Query query = query(name, rarity(searcher, List.of(name)));
            LinkedHashSet<UUID> ids = new LinkedHashSet<>();
            StoredFields stored = searcher.storedFields();
            Set<String> fields = Set.of(DENIAL);
            int want = limit * 3; // a denial has several names; over-fetch documents, then cut denials
            // equal scores: the most recently indexed name first, so that a new denial is never crowded out of
            // the candidates by many older ones of the same name
            ScoreDoc[] hits = searcher.search(query, want, NEWEST_FIRST_AMONG_EQUALS).scoreDocs;
            for (ScoreDoc hit : hits) {
                ids.add(UUID.fromString(stored.document(hit.doc, fields).get(DENIAL)));
                if (ids.size() == limit) {
                    break;
                }
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /**
     * The candidate query, ranked as the scorer weighs evidence (ADR 0008): one constant-score clause per query
     * token (any of its exact keys, or its text within the edit budget: a fuzzy hit counts as much as an exact
     * one) worth the token's {@linkplain TokenRarity#weight rarity weight}, so a name sharing one rare word
     * outranks any number sharing one common word, whatever BM25 would say of term frequencies and lengths; the
     * joined form is worth all the words together. Among names of equal evidence, shorter ones (fewer unpaired
     * words for the scorer to penalize) come first by a bonus far smaller than any word's weight.
     */
    static Query query(NormalizedName name, TokenRarity rarity) {
        BooleanQuery.Builder evidence = new BooleanQuery.Builder();
        double total = 0;
        for (Token t : name.tokens()) {
            BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
            for (String k : t.indexKeys()) {
                alternatives.add(new TermQuery(new Term(KEY, k)), BooleanClause.Occur.SHOULD);
            }
            for (String text : t.texts()) {
                int budget = t.numeric() ? 0 : NameMatcher.editBudget(text.length());
                if (budget > 0) {
                    alternatives.add(new FuzzyQuery(new Term(TEXT, text), budget, 0, FUZZY_EXPANSIONS, true),
                            BooleanClause.Occur.SHOULD);
                }
            }
            double w = rarity.weight(t);
            total += w;
            evidence.add(new BoostQuery(new ConstantScoreQuery(alternatives.build()), (float) w),
                    BooleanClause.Occur.SHOULD);
        }
        for (String k : name.nameKeys()) {
            evidence.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(KEY, k))), (float) total),
                    BooleanClause.Occur.SHOULD);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(evidence.build(), BooleanClause.Occur.MUST);
        for (int n = 1; n < SHORT_NAME_BONUS_UP_TO; n++) {
            b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(LENGTH, Integer.toString(n)))),
                    SHORT_NAME_BONUS * (SHORT_NAME_BONUS_UP_TO - n)), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** The rarity of every word of these names, from how many indexed names share its {@link Token#rarityKey()}. */
    public TokenRarity rarity(Collection<NormalizedName> names) {
        IndexSearcher searcher = acquire();
        try {
            return rarity(searcher, names);
        } finally {
            release(searcher);
        }
    }

    static TokenRarity rarity(IndexSearcher searcher, Collection<NormalizedName> names) {
        try {
            var reader = searcher.getIndexReader();
            Map<String, Integer> counts = new HashMap<>();
            for (NormalizedName n : names) {
                for (Token t : n.tokens()) {
                    String key = t.rarityKey();
                    if (!counts.containsKey(key)) {
                        counts.put(key, reader.docFreq(new Term(KEY, key)));
                    }
                }
            }
            return TokenRarity.of(counts, reader.numDocs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In how many indexed names the key occurs (for rarity weighting). */
    public int documentFrequency(String key) {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().docFreq(new Term(KEY, key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** How many names (party names and aliases) are indexed. */
    public int totalNames() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

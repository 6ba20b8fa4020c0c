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
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.ecx.denial.Denial;
import org.ecx.denial.DenialRequest;
import org.ecx.denial.DenialSnapshot;
import org.ecx.denial.DenialWritten;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.ecx.screening.NameNormalizer.Token;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The screening index (ADR 0008): an in-process Apache Lucene index, one document per party name or alias of
 * each denial's current version, with the exact {@link Token#indexKeys()} and {@link NormalizedName#nameKeys()}
 * of its names, the symmetric-delete neighbourhoods of its words within {@link NameMatcher#editBudget} (see
 * {@link #deletionKeys}), and the normalized name itself in doc values, so that candidates are scored by the
 * matcher inside the index before any cut.
 *
 * <p>The durable source is {@code screening_entry}, written by {@link #reindex} inside the denial write's
 * transaction. The index is rebuilt from it at startup and {@linkplain #catchUp() catches up} before every
 * screening: it reads the rows whose writing transaction was not visible in the snapshot of its previous
 * catch-up, so a screening never misses a denial committed before it started, whatever order the writers
 * committed in, and several ECX instances each catch up on their own.
 *
 * <p>The index only proposes denial ids with the matcher's score of their best name (see {@link #candidates});
 * the caller checks every id through
 * {@code DenialVisibility.PREDICATE} before anything of the denial is read, so an invisible denial is never
 * considered.
 */
@ApplicationScoped
public class ScreeningIndex {

    private static final Logger LOG = Logger.getLogger(ScreeningIndex.class);
    private static final String DENIAL = "d";
    private static final String KEY = "k";
    /** The normalized name ({@link #encode}), in binary doc values: what the matcher reads of a candidate. */
    private static final String NAME = "m";
    /** Ranking features ({@link FeatureField}): {@link #SHORT}, {@link #SHORT_NAME_BONUS_UP_TO} less the number of tokens. */
    private static final String FEATURES = "f";
    private static final String SHORT = "short";
    /** Names of fewer tokens than this get a ranking bonus of {@link #SHORT_NAME_BONUS} per token fewer. */
    private static final int SHORT_NAME_BONUS_UP_TO = 8;
    /** Far below {@link TokenRarity#FLOOR}: it only orders names of equal evidence. */
    private static final float SHORT_NAME_BONUS = 0.001f;
    private static final int REBUILD_BATCH = 5_000;
    /** The key of a whole name written without spaces, for every name ({@link NormalizedName#nameKeys()} has it from two words). */
    private static final String JOINED = "j:";
    /**
     * The texts of a name's words within an edit budget ({@link #words}): a name is found by edit distance through
     * the exact texts of the words near a query word, which the {@linkplain #VOCABULARY vocabulary} lists.
     */
    private static final String WORD = "w";
    /**
     * A vocabulary document (one per distinct {@link #WORD} text in the index, never deleted): the word as a term
     * and in doc values, and its symmetric-delete keys in {@link #VOCABULARY_KEY}. No name document has these
     * fields and no vocabulary document has the name fields, so a name query never finds one.
     */
    private static final String VOCABULARY = "v";
    private static final String VOCABULARY_KEY = "vk";
    /** What a vocabulary word two edits away ({@link #neighbours}) is worth in the ranking. */
    private static final double TWO_EDITS = NameMatcher.ONE_EDIT - NameMatcher.EDIT_COST;
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
        // one JDBC statement on the transaction's connection, as the feed and the audit log append: a Hibernate
        // native query flushed the whole persistence context first and ran its query machinery on every denial
        // write (docs/benchmarks.md, issue 10). The denial row exists: a create inserts it with one statement before
        // it fires DenialWritten, an amendment changes a row that is there.
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO screening_entry (denial_id, parties)"
                    + " VALUES (?, cast(? as jsonb)) ON CONFLICT (denial_id) DO UPDATE SET parties = excluded.parties,"
                    + " xid = pg_current_xact_id()")) {
                ps.setObject(1, denial.id);
                ps.setString(2, value);
                ps.executeUpdate();
            }
        });
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
            // the words given a vocabulary document so far (dropped after the rebuild; a catch-up asks the index)
            Set<String> vocabulary = ConcurrentHashMap.newKeySet();
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
                        return add((UUID) row[0], (String) row[1], false, vocabulary::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).sum();
                after = (UUID) rows.get(rows.size() - 1)[0];
            }
            writer.commit();
            searchers = new SearcherManager(writer, UNCACHED);
            snapshot = start;
            snapshotTakenAt = takenAt;
            LOG.infof("Screening index: %d names indexed in %d ms (%d segments)", names,
                    (System.nanoTime() - takenAt) / 1_000_000, segments());
            merged = mergeToOneSegment(writer, searchers);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            catchUpLock.unlock();
        }
    }

    /**
     * Searchers without Lucene's query cache: every screened name is a different query, so the cache only wraps
     * each clause to count its uses and, for the few keys seen often, builds a bitset over the whole segment (about
     * 1 % of a screening's CPU samples in the sixth round's profile, and up to 32 MiB of heap).
     */
    private static final SearcherFactory UNCACHED = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            return searcher;
        }
    };

    /**
     * Merges the rebuilt index into one segment in the background, then serves from it: until then screenings
     * search the segments the rebuild left. Every term of a query (about 200 for three words: exact, phonetic,
     * deletion and half-word keys) and every document-frequency lookup is a terms-dictionary seek in every
     * segment, so their cost grows with the number of segments (docs/benchmarks.md, sixth round). In the
     * background so that the rebuild's time is not lengthened by it; a catch-up meanwhile adds its own small
     * segments as before, which the merge policy merges as they accumulate.
     */
    private static CompletableFuture<Void> mergeToOneSegment(IndexWriter writer, SearcherManager searchers) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread merging = new Thread(() -> {
            long t = System.nanoTime();
            try {
                writer.forceMerge(1);
                searchers.maybeRefreshBlocking();
                LOG.infof("Screening index: merged into one segment in %d ms", (System.nanoTime() - t) / 1_000_000);
            } catch (AlreadyClosedException e) {
                LOG.debug("Screening index: a rebuild or shutdown closed the index before its merge completed");
            } catch (IOException | RuntimeException e) {
                LOG.warn("Screening index: the merge into one segment failed; the index stays as rebuilt", e);
            } finally {
                done.complete(null);
            }
        }, "screening-index-merge");
        merging.setDaemon(true);
        merging.start();
        return done;
    }

    /** Completes when the merge after the last rebuild has completed (or failed): the benchmark waits on it. */
    CompletableFuture<Void> merged() {
        return merged;
    }

    private volatile CompletableFuture<Void> merged = CompletableFuture.completedFuture(null);

    /** How many segments the current searcher reads. */
    int segments() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            release(searcher);
        }
    }

    private void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.rollback(); // the index is thrown away: no commit, and a running merge is aborted, not awaited
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
            // one statement, one round trip: pg_current_snapshot() is the statement's own snapshot, so the rows
            // read are exactly those it shows committed, and the next catch-up reads what it did not show (one
            // row with a null denial when there is nothing new)
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT cast(now.s as text), e.denial_id, cast(e.parties as text)"
                    + " FROM pg_current_snapshot() AS now(s) LEFT JOIN screening_entry e"
                    + " ON e.xid >= pg_snapshot_xmin(cast(?1 as pg_snapshot))"
                    + " AND NOT pg_visible_in_snapshot(e.xid, cast(?1 as pg_snapshot))")
                    .setParameter(1, snapshot).getResultList();
            String next = (String) rows.get(0)[0];
            boolean added = false;
            IndexSearcher current = acquire();
            try {
                IndexReader reader = current.getIndexReader();
                Set<String> vocabulary = new HashSet<>(); // words given a vocabulary document by this catch-up
                Predicate<String> newWord = w -> {
                    try {
                        return !vocabulary.contains(w) && reader.docFreq(new Term(VOCABULARY, w)) == 0
                                && vocabulary.add(w);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                };
                for (Object[] row : rows) {
                    if (row[1] != null) {
                        add((UUID) row[1], (String) row[2], true, newWord);
                        added = true;
                    }
                }
            } finally {
                release(current);
            }
            if (added) {
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

    /**
     * Indexes (or, with {@code replace}, re-indexes) the names of one denial, with a vocabulary document for each
     * of their words that {@code newWord} says the index lacks; returns how many names.
     */
    private int add(UUID denialId, String partiesJson, boolean replace, Predicate<String> newWord) throws IOException {
        List<EntryParty> parties = json.readValue(partiesJson, PARTIES);
        List<Document> docs = new ArrayList<>();
        String id = denialId.toString();
        int names = 0;
        for (EntryParty party : parties) {
            names += document(id, party.name(), docs, newWord);
            if (party.aliases() != null) {
                for (String alias : party.aliases()) {
                    names += document(id, alias, docs, newWord);
                }
            }
        }
        if (replace) {
            // deletes the denial's name documents only: vocabulary documents have no denial
            writer.updateDocuments(new Term(DENIAL, id), docs);
        } else {
            writer.addDocuments(docs);
        }
        return names;
    }

    /**
     * Adds the document of one name of a denial (none for a name of legal forms only) and, for each of its
     * {@linkplain #words words} that {@code newWord} accepts (a word the index does not hold yet), a vocabulary
     * document; returns the number of names added (0 or 1).
     */
    static int document(String denialId, String name, List<Document> docs, Predicate<String> newWord) {
        NormalizedName n = NameNormalizer.normalize(name);
        if (n.isEmpty()) {
            return 0; // a name of legal-form words only can never match
        }
        Document doc = new Document();
        doc.add(new StringField(DENIAL, denialId, Field.Store.NO));
        doc.add(new BinaryDocValuesField(DENIAL, new BytesRef(denialId)));
        doc.add(new BinaryDocValuesField(NAME, encode(n)));
        keys(n).forEach(k -> doc.add(new StringField(KEY, k, Field.Store.NO)));
        Set<String> words = words(n);
        words.forEach(w -> doc.add(new StringField(WORD, w, Field.Store.NO)));
        if (n.tokens().size() < SHORT_NAME_BONUS_UP_TO) {
            doc.add(new FeatureField(FEATURES, SHORT, SHORT_NAME_BONUS_UP_TO - n.tokens().size()));
        }
        docs.add(doc);
        for (String w : words) {
            if (newWord.test(w)) {
                Document word = new Document();
                word.add(new StringField(VOCABULARY, w, Field.Store.NO));
                word.add(new BinaryDocValuesField(VOCABULARY, new BytesRef(w)));
                deletionKeys(w).forEach(k -> word.add(new StringField(VOCABULARY_KEY, k, Field.Store.NO)));
                docs.add(word);
            }
        }
        return 1;
    }

    /**
     * The texts the scorer compares by edit distance ({@link Token#texts()}: a word, and for a part of a compound
     * the word as written) that have an edit budget: what a name is found under by edit distance.
     */
    static Set<String> words(NormalizedName n) {
        Set<String> words = new LinkedHashSet<>();
        for (Token t : n.tokens()) {
            if (!t.numeric()) {
                t.texts().stream().filter(text -> NameMatcher.editBudget(text.length()) >= 1).forEach(words::add);
            }
        }
        return words;
    }

    /** Every exact key under which an indexed name is found: its words' keys and its joined form. */
    static Set<String> keys(NormalizedName n) {
        Set<String> keys = new LinkedHashSet<>(n.allKeys());
        keys.add(JOINED + n.joined()); // one-word names too: "Sunrise" is found as the whole of "Sun Rise"
        return keys;
    }

    /**
     * The deletion keys of a vocabulary word (ADR 0008, seventh amendment: on the word's vocabulary document, not
     * on every name holding it). Within a budget of one edit ({@link NameMatcher#editBudget}): the
     * symmetric-delete neighbourhood (SymSpell) of the word, {@code e:} the word and every string left by
     * deleting one letter; two words one edit apart (Damerau: a swap is one deletion on each side) always share
     * one. With a budget of two (8 letters and more), also the one-deletion neighbourhoods of its two halves
     * ({@code h1:}, {@code h2:}, split at the middle): two edits leave one half within one edit of the
     * matching part of the other word, so {@link #halfKeys} finds it with a split point within two letters
     * of the middle — about 2 × (length + 2) keys instead of the 37 to 67 of a two-deletion neighbourhood.
     * Words under 3 letters have none.
     */
    static Set<String> deletionKeys(String word) {
        Set<String> keys = new LinkedHashSet<>();
        int budget = NameMatcher.editBudget(word.length());
        if (budget >= 1) {
            neighbourhood("e:", word, keys);
        }
        if (budget >= 2) {
            int middle = word.length() / 2;
            neighbourhood("h1:", word.substring(0, middle), keys);
            neighbourhood("h2:", word.substring(middle), keys);
        }
        return keys;
    }

    /** The {@code e:} keys under which a query token finds every vocabulary word one edit away. */
    static Set<String> queryKeys(Token t) {
        Set<String> keys = new LinkedHashSet<>();
        for (String text : t.texts()) {
            if (!t.numeric() && NameMatcher.editBudget(text.length()) >= 1) {
                neighbourhood("e:", text, keys);
            }
        }
        return keys;
    }

    /**
     * With a budget of two, the {@code h1:}/{@code h2:} keys under which a query token finds every vocabulary word
     * two edits away: the halves' neighbourhoods for every split point that the middle of an indexed word of up
     * to two letters more or fewer can align with (two edits shift it by at most two letters).
     */
    static Set<String> halfKeys(Token t) {
        Set<String> keys = new LinkedHashSet<>();
        for (String text : t.texts()) {
            if (t.numeric() || NameMatcher.editBudget(text.length()) < 2) {
                continue;
            }
            int length = text.length();
            int from = Math.max(1, (length - 2) / 2 - 2);
            int to = Math.min(length - 1, (length + 2) / 2 + 2);
            for (int split = from; split <= to; split++) {
                neighbourhood("h1:", text.substring(0, split), keys);
                neighbourhood("h2:", text.substring(split), keys);
            }
        }
        return keys;
    }

    /**
     * The vocabulary words that the scorer may pair with {@code t} by edit distance: every indexed word whose
     * text lies within {@link NameMatcher#editBudget} (of the shorter) edits of one of the token's
     * {@linkplain Token#texts() texts}, by that number of edits (0 for a compound's written word found whole).
     * The vocabulary documents sharing a deletion key with the token are read (a few hundred at most) and each
     * is checked by the scorer's own distance, so the words that only share a key are dropped here instead of
     * their names being walked (ADR 0008, seventh amendment). Complete: two words within the budget share a key
     * ({@link #deletionKeys}).
     */
    static Map<Integer, Set<String>> neighbours(IndexReader reader, Token t) throws IOException {
        Map<Integer, Set<String>> out = new java.util.TreeMap<>();
        if (t.numeric()) {
            return out;
        }
        List<String> texts = t.texts().stream().filter(x -> NameMatcher.editBudget(x.length()) >= 1).toList();
        if (texts.isEmpty()) {
            return out;
        }
        List<BytesRef> keys = new ArrayList<>();
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>(queryKeys(t)); // seeks in term order
        sorted.addAll(halfKeys(t));
        sorted.forEach(k -> keys.add(new BytesRef(k)));
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(VOCABULARY_KEY);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            int[] docs = new int[64];
            int n = 0;
            for (BytesRef key : keys) {
                if (!te.seekExact(key)) {
                    continue;
                }
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    if (n == docs.length) {
                        docs = java.util.Arrays.copyOf(docs, n * 2);
                    }
                    docs[n++] = d;
                }
            }
            java.util.Arrays.sort(docs, 0, n);
            BinaryDocValues words = DocValues.getBinary(leaf.reader(), VOCABULARY);
            for (int i = 0; i < n; i++) {
                if (i > 0 && docs[i] == docs[i - 1] || !words.advanceExact(docs[i])) {
                    continue;
                }
                String word = words.binaryValue().utf8ToString();
                int edits = edits(texts, word);
                if (edits >= 0 && !word.equals(t.text())) { // the word itself is the exact key
                    out.computeIfAbsent(edits, k -> new LinkedHashSet<>()).add(word);
                }
            }
        }
        return out;
    }

    /** The fewest edits between {@code word} and one of {@code texts} within the budget of the shorter, or -1. */
    private static int edits(List<String> texts, String word) {
        int best = -1;
        for (String text : texts) {
            int budget = NameMatcher.editBudget(Math.min(text.length(), word.length()));
            if (budget > 0 && Math.abs(text.length() - word.length()) <= budget) {
                int edits = NameMatcher.damerau(text, word, budget);
                if (edits <= budget && (best < 0 || edits < best)) {
                    best = edits;
                }
            }
        }
        return best;
    }

    /** {@code prefix} + the word and every string left by deleting one letter of it. */
    private static void neighbourhood(String prefix, String word, Set<String> keys) {
        keys.add(prefix + word);
        NameNormalizer.deletions(word).forEach(d -> keys.add(prefix + d));
    }

    // ------------------------------------------------------------------ the normalized name, in doc values

    private static final char FIELD_END = '\u001f';
    private static final char TOKEN_END = '\u001e';

    /**
     * The normalized name as {@link NameMatcher} reads it (the token texts, phonetic forms, skeletons, flags and
     * following words, then the original), so that candidates are scored from the index without normalizing
     * their names again: a token count, then six fields per token, then the original as written.
     */
    static BytesRef encode(NormalizedName n) {
        StringBuilder sb = new StringBuilder(64).append(n.tokens().size()).append(TOKEN_END);
        for (Token t : n.tokens()) {
            sb.append(t.text()).append(FIELD_END).append(t.phonetic()).append(FIELD_END).append(t.skeleton())
                    .append(FIELD_END).append(t.generic() ? '1' : '0').append(t.abjad() ? '1' : '0')
                    .append(FIELD_END).append(t.next()).append(FIELD_END).append(t.written()).append(TOKEN_END);
        }
        return new BytesRef(sb.append(n.original() == null ? "" : n.original()));
    }

    static NormalizedName decode(BytesRef bytes) {
        String s = bytes.utf8ToString();
        int at = s.indexOf(TOKEN_END);
        int count = Integer.parseInt(s.substring(0, at));
        List<Token> tokens = new ArrayList<>(count);
        String[] f = new String[6];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < 6; k++) {
                int from = at + 1;
                at = s.indexOf(k == 5 ? TOKEN_END : FIELD_END, from);
                f[k] = s.substring(from, at);
            }
            tokens.add(new Token(f[0], f[1], f[2], f[3].charAt(0) == '1', f[3].charAt(1) == '1', f[4], f[5]));
        }
        return new NormalizedName(s.substring(at + 1), List.copyOf(tokens));
    }

    // ------------------------------------------------------------------ queries

    /** A denial proposed for a screened name: the best score of its indexed names against that name. */
    public record Candidate(UUID denial, double score) {
    }

    /** An indexed name among the hits of a query. */
    record Hit(int doc, String denial, NormalizedName name) {
    }

    /** A denial id with the best score of its names, as the static search returns it (ids are strings there). */
    record Scored(String denial, double score, int doc) {
    }

    private static final Sort NEWEST_FIRST_AMONG_EQUALS =
            new Sort(SortField.FIELD_SCORE, new SortField(null, SortField.Type.DOC, true));

    /**
     * The denials with a name that {@link NameMatcher} puts in a band against {@code name} at {@code threshold}
     * when its score is raised by {@code adjustment} (an agreeing country), best score first, at most
     * {@code limit}: the index finds the names that share an exact key or a deletion key with a word of
     * {@code name} (see {@link #query}; words too common to reach a band alone do not collect), takes the
     * {@code scored} best by rarity-weighted evidence, scores each of them with the matcher from the tokens held
     * in the index (with the index's rarity), and cuts only then — so what is kept is decided by the scorer, not
     * by a ranking. A caller's view of a denial holds at most the names indexed, so it can only score lower.
     * Visibility is NOT applied here: the caller checks every id with {@code DenialVisibility.PREDICATE} and
     * scores its own view.
     */
    public List<Candidate> candidates(NormalizedName name, double threshold, double adjustment, int limit,
            int scored) {
        if (name.isEmpty() || limit <= 0) {
            return List.of();
        }
        IndexSearcher searcher = acquire();
        try {
            List<Candidate> out = new ArrayList<>();
            for (Scored s : search(searcher, name, threshold, adjustment, limit, scored, frequencies(searcher))) {
                out.add(new Candidate(UUID.fromString(s.denial()), s.score()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /**
     * Every denial that shares a key with {@code name} (at most {@code max} names), with the best matcher score
     * of its names: the complete blocked set against which the benchmark measures what {@link #candidates}
     * loses.
     */
    public List<Candidate> blocked(NormalizedName name, int max) {
        return candidates(name, 0, 0, Integer.MAX_VALUE, max); // at threshold 0 every positive score is a MATCH
    }

    /** The lowest name score that reaches {@code threshold} when raised by {@code adjustment}, less a rounding step. */
    static double lowestScore(double threshold, double adjustment) {
        return threshold - adjustment - 0.001;
    }

    static List<Scored> search(IndexSearcher searcher, NormalizedName name, double threshold, double adjustment,
            int limit, int scored, Map<String, Integer> frequencies) throws IOException {
        Query query = query(searcher.getIndexReader(), name, rarity(searcher, List.of(name), frequencies),
                lowestScore(threshold, adjustment));
        List<Hit> hits = hits(searcher, query, scored);
        List<NormalizedName> names = new ArrayList<>(hits.size() + 1);
        names.add(name);
        hits.forEach(h -> names.add(h.name()));
        TokenRarity rarity = rarity(searcher, names, frequencies);
        Map<String, Scored> best = new HashMap<>();
        for (Hit h : hits) {
            NameMatcher.Result r = NameMatcher.match(name, h.name(), rarity);
            double score = r.score();
            // only a name the service could report: in a band with the most favourable country adjustment
            if (r.bandOf(NameMatcher.round(Math.min(1, score + adjustment)), threshold) != null) {
                best.merge(h.denial(), new Scored(h.denial(), score, h.doc()),
                        (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        // equal scores: the most recently indexed name first
        return best.values().stream().sorted(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(Comparator.comparingInt(Scored::doc).reversed())).limit(limit).toList();
    }

    /**
     * The {@code n} best names by {@link #query} evidence, best first, with their denial ids and normalized
     * names read from doc values (in doc order, leaf by leaf). Lucene's top-n collection prunes the postings of common words
     * once n names with rarer evidence are held; when all n tie, they are collected again newest first, so that
     * a new denial is never crowded out by many older ones of the same name.
     */
    static List<Hit> hits(IndexSearcher searcher, Query query, int n) throws IOException {
        // the n best exactly as with Lucene's default, but pruning (skipping names that cannot enter the n best)
        // starts as soon as n are held instead of after 1,000 hits counted: no total hit count is used
        int capped = Math.min(n, Math.max(1, searcher.getIndexReader().maxDoc())); // as IndexSearcher.search caps it
        ScoreDoc[] docs = searcher.search(query, new TopScoreDocCollectorManager(capped, null, capped)).scoreDocs;
        if (docs.length == n && docs[n - 1].score == docs[0].score) {
            docs = searcher.search(query, n, NEWEST_FIRST_AMONG_EQUALS).scoreDocs;
        }
        Integer[] byDoc = new Integer[docs.length];
        for (int i = 0; i < byDoc.length; i++) {
            byDoc[i] = i;
        }
        ScoreDoc[] ranked = docs;
        java.util.Arrays.sort(byDoc, Comparator.comparingInt(i -> ranked[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Hit[] out = new Hit[docs.length];
        int leaf = -1;
        BinaryDocValues ids = null;
        BinaryDocValues names = null;
        for (int i : byDoc) {
            ScoreDoc d = docs[i];
            int l = ReaderUtil.subIndex(d.doc, leaves);
            if (l != leaf) {
                leaf = l;
                ids = DocValues.getBinary(leaves.get(l).reader(), DENIAL);
                names = DocValues.getBinary(leaves.get(l).reader(), NAME);
            }
            int local = d.doc - leaves.get(l).docBase;
            if (!ids.advanceExact(local) || !names.advanceExact(local)) {
                throw new IllegalStateException("screening index: a document without its denial or name");
            }
            out[i] = new Hit(d.doc, ids.binaryValue().utf8ToString(), decode(names.binaryValue()));
        }
        return List.of(out);
    }

    /** {@link #query(IndexReader, NormalizedName, TokenRarity, double)} with every word collecting candidates. */
    static Query query(IndexReader reader, NormalizedName name, TokenRarity rarity) throws IOException {
        return query(reader, name, rarity, 0);
    }

    /**
     * The candidate query, ranked as the scorer weighs evidence (ADR 0008): one clause per query token, the best
     * of its kinds of keys ({@link #byKind}: the exact word, its phonetic form, a reading, a deletion key), each
     * worth the token's {@linkplain TokenRarity#weight rarity weight} times the scorer's similarity for that kind
     * of match, so a name sharing one rare word
     * outranks any number sharing one common word, whatever BM25 would say of term frequencies and lengths; the
     * joined form is worth all the words together. Among names of equal evidence, shorter ones (fewer unpaired
     * words for the scorer to penalize) come first by a bonus far smaller than any word's weight. Only term
     * lookups: no Levenshtein automaton is built. The words within the edit budget of a query word are looked up in
     * the vocabulary first ({@link #neighbours}), and a name is found under their exact texts ({@link #WORD}):
     * one edit is worth {@link NameMatcher#ONE_EDIT}, two edits {@link #TWO_EDITS}.
     *
     * <p>Which words collect candidates (ADR 0008, fourth and seventh amendments): a name that pairs with none but
     * the most common words of the query cannot be in a band when their {@linkplain Unit#bound weight bounds} add
     * up to less paired evidence than the scorer needs, or to less than the weight the query's other words leave
     * unpaired (the query then less than half covered, capped under the threshold) and less than a
     * {@code POSSIBLE} needs ({@link NameMatcher#reachable}, {@link #commonWords}). So those words' keys are not
     * walked to collect names: the names must share a key of a rarer word (or the joined form), and the common
     * words only add to the ranking of the names so collected, through term postings advanced to those names alone.
     * {@code lowestMatchScore} 0: every word collects.
     */
    static Query query(IndexReader reader, NormalizedName name, TokenRarity rarity, double lowestMatchScore)
            throws IOException {
        List<Unit> units = units(name, rarity);
        boolean[] common = commonWords(units, name.tokens().size(), lowestMatchScore);
        BooleanQuery.Builder collecting = new BooleanQuery.Builder();
        BooleanQuery.Builder ranking = new BooleanQuery.Builder();
        double total = 0;
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            total += u.token() == null ? 0 : u.weight();
            // two adjacent words joined: worth only what the joined word brings beyond the two words, which a
            // name holding both also matches (the scorer pairs either the words or the joined word, never both)
            double worth = u.token() != null ? u.weight()
                    : Math.max(0, u.weight() - units.get(i - name.tokens().size()).weight()
                            - units.get(i - name.tokens().size() + 1).weight());
            Map<Double, Set<String>> groups = byKind(u);
            // the vocabulary's words within the edit budget, by what the scorer makes of their edits
            Map<Double, Set<String>> near = new java.util.TreeMap<>(Comparator.reverseOrder());
            if (u.token() != null) {
                neighbours(reader, u.token()).forEach((edits, words) -> near.computeIfAbsent(
                        edits <= 1 ? NameMatcher.ONE_EDIT : TWO_EDITS, k -> new LinkedHashSet<>()).addAll(words));
            }
            List<Query> kinds = new ArrayList<>();
            if (common[i]) {
                // term by term, so that only the postings of the collected names are visited
                groups.forEach((similarity, keys) -> kinds.add(new BoostQuery(new ConstantScoreQuery(anyTerm(KEY, keys)),
                        (float) (worth * similarity))));
                near.forEach((similarity, words) -> kinds.add(new BoostQuery(
                        new ConstantScoreQuery(anyTerm(WORD, words)), (float) (worth * similarity))));
                ranking.add(kinds.size() == 1 ? kinds.get(0) : new DisjunctionMaxQuery(kinds, 0),
                        BooleanClause.Occur.SHOULD);
                continue;
            }
            groups.forEach((similarity, keys) -> kinds.add(new BoostQuery(new ConstantScoreQuery(terms(KEY, keys)),
                    (float) (worth * similarity))));
            near.forEach((similarity, words) -> kinds.add(new BoostQuery(new ConstantScoreQuery(terms(WORD, words)),
                    (float) (worth * similarity))));
            collecting.add(kinds.size() == 1 ? kinds.get(0) : new DisjunctionMaxQuery(kinds, 0),
                    BooleanClause.Occur.SHOULD);
        }
        // the name written as one word (the scorer's joined pair: score 1 whatever the words' rarity)
        collecting.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(KEY, JOINED + name.joined()))),
                (float) total), BooleanClause.Occur.SHOULD);
        // one feature posting list with impacts, not seven term clauses: 7 % of a screening's samples at 200 k
        return ranking.add(collecting.build(), BooleanClause.Occur.MUST)
                .add(FeatureField.newLinearQuery(FEATURES, SHORT, SHORT_NAME_BONUS), BooleanClause.Occur.SHOULD)
                .build();
    }

    /**
     * A unit's keys grouped by what a word found through them is worth against the word itself: the matcher's
     * token similarity for that kind of key ({@link NameMatcher#tokenSimilarity}), so that the ranking orders
     * names as the scorer's evidence does. The exact word ({@code t:} its text) 1; the phonetic form
     * {@link NameMatcher#PHONETIC}; the word without its article or joined with the next {@link NameMatcher#CORE};
     * the Korean key {@link NameMatcher#KOREAN}; a skeleton or second reading {@link NameMatcher#SKELETON_LATIN}
     * ({@link NameMatcher#SKELETON_ABJAD} for a word in Arabic script); a short word's deletion key ({@code d:})
     * {@link NameMatcher#ONE_EDIT}. (Words within the edit budget are looked up apart: {@link #neighbours}.)
     * Before the fifth round every key counted as the exact word: at 1 M names an accepted name then tied with
     * hundreds of names that only shared a deletion key or a reading with a query word, and lost the tie
     * (docs/benchmarks.md, fifth round).
     */
    static Map<Double, Set<String>> byKind(Unit u) {
        Map<Double, Set<String>> groups = new java.util.TreeMap<>(Comparator.reverseOrder());
        for (String key : u.keys()) {
            double similarity = switch (key.charAt(0)) {
                case 't' -> u.token() == null || key.equals("t:" + u.token().text()) ? 1 : NameMatcher.CORE;
                case 'p' -> NameMatcher.PHONETIC;
                case 'k' -> NameMatcher.KOREAN;
                case 's' -> u.token() != null && u.token().abjad() ? NameMatcher.SKELETON_ABJAD
                        : NameMatcher.SKELETON_LATIN;
                default -> NameMatcher.ONE_EDIT; // d:
            };
            groups.computeIfAbsent(similarity, k -> new LinkedHashSet<>()).add(key);
        }
        return groups;
    }

    /**
     * What the scorer can pair a query word with, and the most evidence that can bring: a token (its keys; its
     * weight, or 1 for a part of a compound, which the matcher may compare as the written word whole, a word
     * whose rarity is not looked up), or two adjacent tokens joined ({@code Sun Rise}/{@code Sunrise}: the
     * joined keys, the joined word's weight). A pair's evidence is a sum over disjoint units of at most their
     * bounds.
     */
    record Unit(Token token, Set<String> keys, double weight, double bound) {
    }

    static List<Unit> units(NormalizedName name, TokenRarity rarity) {
        List<Token> tokens = name.tokens();
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Set<String> keys = new LinkedHashSet<>(t.indexKeys());
            double w = rarity.weight(t);
            units.add(new Unit(t, keys, w, t.written().isEmpty() ? w : 1));
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token a = tokens.get(i);
            Token b = tokens.get(i + 1);
            Token joined = NameNormalizer.token(a.text() + b.text(), a.abjad() || b.abjad());
            double w = rarity.weight(joined);
            Set<String> keys = new LinkedHashSet<>();
            keys.add("t:" + joined.text());
            keys.add("p:" + a.phonetic() + NameNormalizer.phonetic(b.text()));
            if (a.abjad()) {
                // two Arabic-script words written as one Latin word: the key the first word carries for it
                keys.add("s:" + NameNormalizer.joinedSkeleton(a, b.text()));
            }
            // every name the scorer pairs with the two joined is found through these keys, so the two words are
            // bounded by their own weights (ADR 0008, seventh amendment; before, each word also carried the
            // joined word's bound, which kept nearly every word of a multi-word query collecting)
            units.add(new Unit(null, keys, w, w));
        }
        return units;
    }

    /**
     * The units that need not collect candidates (the first {@code tokens} units are the query's tokens, the rest
     * two adjacent tokens joined, as {@link #units} lists them): the lowest bounds, as many as a name pairing only
     * them could not be in a band ({@link NameMatcher#reachable}) — their bounds sum to the most paired weight such
     * a name can have; the query tokens that collect (and whose joined pairs collect too) are unpaired in it and
     * weigh at least their {@linkplain #unpaired unpaired weight}. None when {@code lowestMatchScore} is 0.
     */
    static boolean[] commonWords(List<Unit> units, int tokens, double lowestMatchScore) {
        Integer[] order = new Integer[units.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> units.get(i).bound()));
        boolean[] common = new boolean[units.size()];
        double paired = 0;
        for (int i : order) {
            common[i] = true;
            double unpaired = 0;
            for (int t = 0; t < tokens; t++) {
                // a token next to a common joined pair may be paired through it (the scorer joins the two when the
                // name has them as one word, found only through the joined pair's keys: Sun Rise/Sunrise)
                boolean joinedCommon = t > 0 && common[tokens + t - 1] || t + 1 < tokens && common[tokens + t];
                if (!common[t] && !joinedCommon) {
                    unpaired += unpaired(units.get(t));
                }
            }
            if (NameMatcher.reachable(paired + units.get(i).bound(), unpaired, lowestMatchScore)) {
                common[i] = false;
                break;
            }
            paired += units.get(i).bound();
        }
        return common;
    }

    /** What a query token left unpaired weighs in the scorer's coverage: its weight, at least the floor if distinctive. */
    static double unpaired(Unit u) {
        return u.token().generic() ? u.weight() : Math.max(u.weight(), NameMatcher.MISSING_FLOOR);
    }

    /** Any of these terms, as a disjunction of term postings (each advanced only to the documents asked for). */
    private static Query anyTerm(String field, Set<String> keys) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        keys.forEach(k -> any.add(new TermQuery(new Term(field, k)), BooleanClause.Occur.SHOULD));
        return any.build();
    }

    private static Query terms(String field, Set<String> keys) {
        return new TermInSetQuery(field, keys.stream().map(BytesRef::new).toList());
    }

    /** The rarity of every word of these names, from how many indexed names share its {@link Token#rarityKey()}. */
    public TokenRarity rarity(Collection<NormalizedName> names) {
        IndexSearcher searcher = acquire();
        try {
            return rarity(searcher, names, frequencies(searcher));
        } finally {
            release(searcher);
        }
    }

    /**
     * Document frequencies of rarity keys for the current reader, remembered until the reader changes (a
     * catch-up that indexed something) or {@link #FREQUENCIES_KEPT} keys are held. A miss is a terms-dictionary
     * seek in every segment: with 200,000 keys the cache was emptied several times per benchmark at 1 M names and
     * the misses were 14 % of a screening's CPU samples (benchmarks.md, fifth round); a million short keys take
     * about 100 MiB of heap at most.
     */
    private Map<String, Integer> frequencies(IndexSearcher searcher) {
        Frequencies f = frequencies;
        if (f == null || f.reader() != searcher.getIndexReader() || f.counts().size() > FREQUENCIES_KEPT) {
            f = new Frequencies(searcher.getIndexReader(), new ConcurrentHashMap<>());
            frequencies = f;
        }
        return f.counts();
    }

    private record Frequencies(IndexReader reader, Map<String, Integer> counts) {
    }

    private static final int FREQUENCIES_KEPT = 1_000_000;
    private volatile Frequencies frequencies;

    static TokenRarity rarity(IndexSearcher searcher, Collection<NormalizedName> names,
            Map<String, Integer> frequencies) {
        try {
            var reader = searcher.getIndexReader();
            Map<String, Integer> counts = new HashMap<>();
            for (NormalizedName n : names) {
                for (Token t : n.tokens()) {
                    count(t.rarityKey(), counts, frequencies, reader);
                    if (!t.next().isEmpty()) {
                        // the word the matcher builds when it joins this token and the next (Sun Rise/Sunrise): its
                        // rarity must not depend on which other names happen to be looked up with this one
                        count("p:" + NameNormalizer.phonetic(t.text() + t.next()), counts, frequencies, reader);
                    }
                }
            }
            return TokenRarity.of(counts, names(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void count(String key, Map<String, Integer> counts, Map<String, Integer> frequencies,
            IndexReader reader) throws IOException {
        if (!counts.containsKey(key)) {
            Integer df = frequencies.get(key);
            if (df == null) {
                df = reader.docFreq(new Term(KEY, key));
                frequencies.put(key, df);
            }
            counts.put(key, df);
        }
    }

    /**
     * The normalized names the index holds for these denials, by the name as written: what the service scores a
     * caller's view with instead of normalizing its names again (names and aliases are never redacted). A name
     * the index does not hold (written after its last catch-up, or with no distinctive word) is absent: the
     * caller normalizes it.
     */
    public Map<String, NormalizedName> indexedNames(Collection<UUID> denials) {
        if (denials.isEmpty()) {
            return Map.of();
        }
        IndexSearcher searcher = acquire();
        try {
            Map<String, NormalizedName> names = new HashMap<>();
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                java.util.TreeSet<Integer> docs = new java.util.TreeSet<>();
                var live = leaf.reader().getLiveDocs();
                for (UUID id : denials) {
                    var postings = leaf.reader().postings(new Term(DENIAL, id.toString()));
                    if (postings == null) {
                        continue;
                    }
                    for (int d = postings.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                            d = postings.nextDoc()) {
                        if (live == null || live.get(d)) {
                            docs.add(d);
                        }
                    }
                }
                if (docs.isEmpty()) {
                    continue;
                }
                BinaryDocValues values = DocValues.getBinary(leaf.reader(), NAME);
                for (int d : docs) {
                    if (values.advanceExact(d)) {
                        NormalizedName n = decode(values.binaryValue());
                        names.put(n.original(), n);
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Runs {@code work} on the current searcher with its document-frequency cache (the benchmark's loss diagnosis). */
    <T> T inspect(java.util.function.BiFunction<IndexSearcher, Map<String, Integer>, T> work) {
        IndexSearcher searcher = acquire();
        try {
            return work.apply(searcher, frequencies(searcher));
        } finally {
            release(searcher);
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
            return names(searcher.getIndexReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** The names a reader holds: its live documents less the vocabulary's (which are never deleted). */
    static int names(IndexReader reader) throws IOException {
        return reader.numDocs() - reader.getDocCount(VOCABULARY);
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

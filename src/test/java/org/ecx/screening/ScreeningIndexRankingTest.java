package org.ecx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.junit.jupiter.api.Test;

/**
 * Candidate generation of {@link ScreeningIndex}: the ranking of {@link ScreeningIndex#query} (evidence weighted
 * by word rarity, as the scorer weighs it), the deletion keys that stand for the edit budget, and the matcher's
 * scoring inside the index before the cut. Plain Lucene in memory, invented names.
 */
class ScreeningIndexRankingTest {

    private static final String[] SYLLABLES = {"ba", "ko", "du", "mi", "te", "ru", "po", "sa", "gi", "lo"};

    /** An in-memory index of 1,500 names of a common word with an invented second word each, plus the ones given. */
    private static <T> T withIndex(Search<T> search, String... others) throws Exception {
        List<Document> docs = new ArrayList<>();
        java.util.Set<String> vocabulary = new java.util.HashSet<>();
        for (int i = 0; i < 1500; i++) {
            String w = SYLLABLES[i % 10] + SYLLABLES[i / 10 % 10] + SYLLABLES[i / 100 % 10] + "x";
            ScreeningIndex.document("common-" + i, "Castellan " + w, docs, vocabulary::add);
        }
        for (String other : others) {
            ScreeningIndex.document(other, other, docs, vocabulary::add);
        }
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            writer.addDocuments(docs);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                return search.in(new IndexSearcher(reader));
            }
        }
    }

    private interface Search<T> {
        T in(IndexSearcher searcher) throws Exception;
    }

    /** The denial ids of the five best names by query evidence alone (no matcher). */
    private static List<String> rank(String query, String... others) throws Exception {
        return withIndex(searcher -> {
            NormalizedName q = NameNormalizer.normalize(query);
            return ScreeningIndex.hits(searcher, ScreeningIndex.query(searcher.getIndexReader(), q,
                    ScreeningIndex.rarity(searcher, List.of(q),
                    new HashMap<>())), 5).stream().map(ScreeningIndex.Hit::denial).toList();
        }, others);
    }

    /** The denial ids the index keeps for {@code query} at threshold 0.8 (in a band with a country's help), scoring 300. */
    private static List<String> kept(String query, String... others) throws Exception {
        return withIndex(searcher -> ScreeningIndex.search(searcher, NameNormalizer.normalize(query), 0.8,
                ScreeningService.COUNTRY_ADJUSTMENT, 50, 300, new HashMap<>()).stream().map(ScreeningIndex.Scored::denial).toList(), others);
    }

    @Test
    void aNameSharingOneRareWordRanksAboveManySharingOnlyACommonWord() throws Exception {
        assertThat(rank("Velmora Castellan", "Velmora Dunhaven")).first().isEqualTo("Velmora Dunhaven");
    }

    @Test
    void aWordWithinTheEditBudgetCountsAlmostAsMuchAsTheExactWord() throws Exception {
        assertThat(rank("Velmorra Castellan", "Velmora Dunhaven")).first().isEqualTo("Velmora Dunhaven");
    }

    @Test
    void amongNamesOfEqualEvidenceTheOneWithFewerUnpairedWordsComesFirst() throws Exception {
        assertThat(rank("Velmora Dunhaven", "Velmora Dunhaven Orsk Plenty Tarrow", "Velmora Dunhaven"))
                .startsWith("Velmora Dunhaven", "Velmora Dunhaven Orsk Plenty Tarrow");
    }

    @Test
    void anExactWordRanksAboveManyWordsThatOnlyShareADeletionKeyWithIt() throws Exception {
        // the pattern that lost accepted pairs at 1 M names: words two edits from a query word share one of its
        // deletion keys (Velmrca and Velmora both give velmra) but the scorer pairs none of them; when every key
        // counted as the word itself they tied with the accepted name, which then lost the tie at the cut
        List<String> others = new ArrayList<>();
        others.add("Dunhaven Velmora"); // reordered: no joined form in common with the query
        for (char c : "bcdfgjkpqstvxz".toCharArray()) {
            others.add("Dunhaven Velmr" + c + "a");
            others.add("Dunhaven Velmra" + c);
        }
        List<String> kept = withIndex(searcher -> ScreeningIndex.search(searcher,
                NameNormalizer.normalize("Velmora Dunhaven"), 0.8, ScreeningService.COUNTRY_ADJUSTMENT, 50, 10,
                new HashMap<>()).stream().map(ScreeningIndex.Scored::denial).toList(), others.toArray(String[]::new));
        assertThat(kept).containsExactly("Dunhaven Velmora");
    }

    @Test
    void twoAdjacentQueryWordsAreNotCountedBothAsWordsAndAsTheirJoinedForm() throws Exception {
        // the pattern of every pair still lost at 1 M names: an accepted partial name (the common word missing)
        // against names holding the query's two adjacent words Dunhaven Castellan, which also carry the key of
        // the two written as one; counted as both words AND the rare joined word, they outranked it
        List<String> others = new ArrayList<>();
        others.add("Dunhaven Velmora");
        for (int i = 0; i < 12; i++) {
            others.add("Dunhaven Castellan " + SYLLABLES[i % 10] + SYLLABLES[i / 10] + "zt");
            // Velmora as common as the joined word: the words and the joined form weigh alike
            others.add("Velmora Tarrox " + SYLLABLES[i % 10] + SYLLABLES[i / 10] + "qv");
        }
        List<String> kept = withIndex(searcher -> ScreeningIndex.search(searcher,
                NameNormalizer.normalize("Velmora Dunhaven Castellan"), 0.8, ScreeningService.COUNTRY_ADJUSTMENT, 50,
                10, new HashMap<>()).stream().map(ScreeningIndex.Scored::denial).toList(), others.toArray(String[]::new));
        assertThat(kept).contains("Dunhaven Velmora");
    }

    @Test
    void aKeyIsWorthTheScorersSimilarityForThatKindOfMatch() {
        NormalizedName q = NameNormalizer.normalize("Velmora");
        ScreeningIndex.Unit unit = ScreeningIndex.units(q, TokenRarity.UNKNOWN).get(0);
        java.util.Map<Double, java.util.Set<String>> kinds = ScreeningIndex.byKind(unit);
        assertThat(kinds.keySet()).first().isEqualTo(1.0);
        assertThat(kinds.get(1.0)).containsExactly("t:velmora");
        assertThat(kinds.get(NameMatcher.PHONETIC)).allMatch(k -> k.startsWith("p:"));
        assertThat(kinds.get(NameMatcher.ONE_EDIT)).isNull(); // words within the budget are looked up apart
    }

    @Test
    void theVocabularyGivesTheWordsWithinTheEditBudgetByTheirEditsAndDropsThoseThatOnlyShareAKey() throws Exception {
        // Velmrca shares the deletion key velmra with Velmora but is two edits from it: beyond a 7-letter budget
        java.util.Map<Integer, java.util.Set<String>> near = withIndex(searcher -> ScreeningIndex.neighbours(
                searcher.getIndexReader(), NameNormalizer.normalize("Velmora").tokens().get(0)),
                "Velmra Dunhaven", "Velmorra Dunhaven", "Velmrca Dunhaven", "Vlemora Dunhaven", "Velmora Dunhaven",
                "Brandelmoor", "Brindelmour");
        assertThat(near).containsOnlyKeys(1);
        assertThat(near.get(1)).containsExactlyInAnyOrder("velmra", "velmorra", "vlemora");
        java.util.Map<Integer, java.util.Set<String>> twoEdits = withIndex(searcher -> ScreeningIndex.neighbours(
                searcher.getIndexReader(), NameNormalizer.normalize("Brandelmoor").tokens().get(0)),
                "Brandelmoor", "Brindelmour");
        assertThat(twoEdits).containsOnlyKeys(2);
        assertThat(twoEdits.get(2)).containsExactly("brindelmour");
    }

    @Test
    void vocabularyDocumentsAreNeitherNamesNorEverFoundByANameQuery() throws Exception {
        withIndex(searcher -> {
            // 1,500 common names and two more; the vocabulary holds a document per distinct word on top
            assertThat(searcher.getIndexReader().numDocs()).isGreaterThan(1502);
            assertThat(ScreeningIndex.names(searcher.getIndexReader())).isEqualTo(1502);
            NormalizedName q = NameNormalizer.normalize("Velmora Dunhavem");
            assertThat(ScreeningIndex.hits(searcher, ScreeningIndex.query(searcher.getIndexReader(), q,
                    TokenRarity.UNKNOWN), 5000)).extracting(ScreeningIndex.Hit::denial)
                    .containsExactly("Velmora Dunhaven");
            return null;
        }, "Velmora Dunhaven", "Quorvend");
    }

    @Test
    void deletionKeysFindAWordOneEditAwayWhateverTheEdit() throws Exception {
        // a letter dropped, added, replaced, two letters swapped: no word shares an exact key with the query
        assertThat(rank("Quorvend", "Quorvnd", "Quorvendo", "Quarvend", "Qourvend"))
                .contains("Quorvnd", "Quorvendo", "Quarvend", "Qourvend");
    }

    @Test
    void deletionKeysFindTwoEditsInALongWordButNotInAShortOne() throws Exception {
        // one letter replaced in each half; a letter dropped in the first half and one replaced in the second
        assertThat(rank("Brandelmoor", "Brindelmour", "Bandelmour")).contains("Brindelmour", "Bandelmour");
        // two letters replaced, no shared phonetic form or skeleton: beyond the budget of a 7-letter word
        assertThat(rank("Vostrak", "Vostbik")).doesNotContain("Vostbik");
    }

    @Test
    void deletionKeysOfAVocabularyWordAndTheWordsOfAName() {
        assertThat(ScreeningIndex.deletionKeys("abcd")).containsExactlyInAnyOrder("e:abcd", "e:bcd", "e:acd", "e:abd",
                "e:abc");
        assertThat(ScreeningIndex.deletionKeys("xy")).isEmpty();
        // a word with an edit budget is looked up by edit distance; a number or a 2-letter word is not
        assertThat(ScreeningIndex.words(NameNormalizer.normalize("Xy Quorvend 12345"))).containsExactly("quorvend");
    }

    @Test
    void theNormalizedNameReadFromTheIndexIsTheOneTheNormalizerBuilt() {
        for (String name : List.of("Velmora-Dunhaven Trading LLC", "Sun Rise Quorvend 7", "عبد الله القرني", "Ромашка")) {
            NormalizedName n = NameNormalizer.normalize(name);
            assertThat(ScreeningIndex.decode(ScreeningIndex.encode(n))).isEqualTo(n);
        }
    }

    @Test
    void theIndexKeepsOnlyNamesTheMatcherPutsInABandBestFirst() throws Exception {
        List<String> kept = kept("Velmora Dunhaven", "Velmora Dunhaven", "Velmora Dunhavem Orsk",
                "Velmora Prask Tindle Morrow");
        assertThat(kept).startsWith("Velmora Dunhaven").contains("Velmora Dunhavem Orsk")
                .doesNotContain("Velmora Prask Tindle Morrow").noneMatch(id -> id.startsWith("common-"));
    }

    @Test
    void aMatchAmongManyNamesOfACommonWordIsKeptWhateverTheirNumber() throws Exception {
        assertThat(kept("Castellan Velmorra", "Castellan Velmora")).containsExactly("Castellan Velmora");
    }

    /** The denial ids of every name the query collects when it needs {@code evidence} (no matcher, no cut). */
    private static List<String> collected(String query, double lowestScore, String... others) throws Exception {
        return withIndex(searcher -> {
            NormalizedName q = NameNormalizer.normalize(query);
            return ScreeningIndex.hits(searcher, ScreeningIndex.query(searcher.getIndexReader(), q,
                    ScreeningIndex.rarity(searcher, List.of(q),
                    new HashMap<>()), lowestScore), 5000).stream().map(ScreeningIndex.Hit::denial).toList();
        }, others);
    }

    /** Units of invented distinctive words of these weights, then their joined pairs of weight {@code joined}. */
    private static List<ScreeningIndex.Unit> units(double joined, double... weights) {
        List<ScreeningIndex.Unit> units = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            units.add(new ScreeningIndex.Unit(NameNormalizer.token("velmor" + (char) ('a' + i), false),
                    java.util.Set.of(), weights[i], weights[i]));
        }
        for (int i = 0; i + 1 < weights.length; i++) {
            units.add(new ScreeningIndex.Unit(null, java.util.Set.of(), joined, joined));
        }
        return units;
    }

    @Test
    void theMostCommonWordsDoNotCollectWhileANamePairingOnlyThemCouldNotReachABand() {
        double lowest = ScreeningIndex.lowestScore(0.8, ScreeningService.COUNTRY_ADJUSTMENT);
        // 0.1 and 0.3 pair 0.4 at most: under the evidence any band needs
        assertThat(ScreeningIndex.commonWords(units(1.0, 0.1, 1.0, 0.3), 3, lowest))
                .startsWith(true, false, true);
        // 0.3 and 0.35 pair 0.65, enough evidence for a MATCH, but the rare word left unpaired weighs 1: the query
        // is less than half covered, capped under the threshold, and 0.65 is too little for a POSSIBLE
        assertThat(ScreeningIndex.commonWords(units(1.0, 0.3, 0.35, 1.0), 3, lowest))
                .startsWith(true, true, false);
        // two common words alone: a name of both covers the query and may MATCH, so the rarer one collects
        assertThat(ScreeningIndex.commonWords(units(1.0, 0.4, 0.3), 2, lowest)).startsWith(false, true);
        // at a threshold the capped score reaches, the coverage does not help: the evidence rule alone
        assertThat(ScreeningIndex.commonWords(units(1.0, 0.3, 0.35, 1.0), 3,
                ScreeningIndex.lowestScore(0.7, ScreeningService.COUNTRY_ADJUSTMENT))).startsWith(true, false, false);
        // a common joined pair next to a word: that word may be paired through it, so it does not count as unpaired
        assertThat(ScreeningIndex.commonWords(units(0.1, 0.3, 0.35, 1.0), 3, lowest)[4]).isTrue();
        assertThat(ScreeningIndex.commonWords(units(0.1, 0.1, 0.1), 2, 0)).containsExactly(false, false, false);
    }

    @Test
    void everyLiftToAMatchNeedsAtLeastTheEvidenceOfAPossibleAsTheIndexBoundAssumes() {
        // NameMatcher.reachable, on which the index leaves common words out of the collecting clauses, counts on it
        assertThat(NameMatcher.ALIAS_EVIDENCE).isGreaterThanOrEqualTo(NameMatcher.POSSIBLE_EVIDENCE);
        assertThat(NameMatcher.PARTIAL_EVIDENCE).isGreaterThanOrEqualTo(NameMatcher.POSSIBLE_EVIDENCE);
        double lowest = ScreeningIndex.lowestScore(0.8, ScreeningService.COUNTRY_ADJUSTMENT);
        assertThat(NameMatcher.reachable(0.79, 1.0, lowest)).isFalse(); // less than half covered, too little for POSSIBLE
        assertThat(NameMatcher.reachable(0.79, 0.5, lowest)).isTrue();
        assertThat(NameMatcher.reachable(0.8, 5.0, lowest)).isTrue();
        assertThat(NameMatcher.reachable(0.59, 0, lowest)).isFalse();
        assertThat(NameMatcher.reachable(0.1, 5.0, 0)).isTrue();
    }

    @Test
    void theBoundOfACommonWordAgreesWithTheScorer() throws Exception {
        // a name pairing the two common words of a three-word query, lacking its rare word, is in no band
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            others.add("Dunhaven " + SYLLABLES[i % 10] + SYLLABLES[i / 10 % 10] + "ruv");
        }
        withIndex(searcher -> {
            NormalizedName q = NameNormalizer.normalize("Castellan Dunhaven Quorvend");
            NormalizedName partial = NameNormalizer.normalize("Castellan Dunhaven");
            TokenRarity rarity = ScreeningIndex.rarity(searcher, List.of(q, partial), new HashMap<>());
            List<ScreeningIndex.Unit> units = ScreeningIndex.units(q, rarity);
            boolean[] common = ScreeningIndex.commonWords(units, 3,
                    ScreeningIndex.lowestScore(0.8, ScreeningService.COUNTRY_ADJUSTMENT));
            assertThat(common).startsWith(true, true, false);
            NameMatcher.Result r = NameMatcher.match(q, partial, rarity);
            assertThat(r.bandOf(NameMatcher.round(r.score() + ScreeningService.COUNTRY_ADJUSTMENT), 0.8)).isNull();
            return null;
        }, others.toArray(String[]::new));
    }

    @Test
    void aNameSharingOnlyACommonWordIsNotCollectedBecauseItCouldNotReachABand() throws Exception {
        double lowest = ScreeningIndex.lowestScore(0.8, ScreeningService.COUNTRY_ADJUSTMENT);
        assertThat(collected("Castellan", 0, "Velmora Dunhaven")).anyMatch(id -> id.startsWith("common-"));
        assertThat(collected("Castellan", lowest, "Velmora Dunhaven")).noneMatch(id -> id.startsWith("common-"));
        // with a rare second word the common one does not collect either: a name of it alone covers too little
        assertThat(collected("Castellan Velmora", lowest, "Velmora Dunhaven")).containsExactly("Velmora Dunhaven");
        // what makes this safe: the scorer puts such a pair in no band, even at the lowest threshold that
        // still needs the evidence
        withIndex(searcher -> {
            NormalizedName q = NameNormalizer.normalize("Castellan");
            NormalizedName common = NameNormalizer.normalize("Castellan Bakodux");
            NameMatcher.Result r = NameMatcher.match(q, common, ScreeningIndex.rarity(searcher, List.of(q, common),
                    new HashMap<>()));
            assertThat(NameMatcher.reachable(r.evidence(), 0, lowest)).isFalse(); // too little evidence, however covered
            assertThat(r.bandOf(r.score() + ScreeningService.COUNTRY_ADJUSTMENT, 0.56)).isNull();
            return null;
        });
    }

    @Test
    void aWordReachableOnlyThroughARareWordsDeletionKeysIsStillFoundBesideACommonWord() throws Exception {
        // two edits in the rare word (half-word keys) and one in the common one: only the rare word collects
        assertThat(kept("Castellan Brandelmoor", "Castelan Brindelmour")).containsExactly("Castelan Brindelmour");
    }

    @Test
    void aNameWrittenAsOneWordIsKeptWhileNamesSharingOnlyItsCommonWordsApartAreNot() throws Exception {
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            others.add("Sun Rise " + SYLLABLES[i % 10] + SYLLABLES[i / 10 % 10] + SYLLABLES[i / 100 % 10] + "q");
        }
        others.add("Sunrise");
        assertThat(kept("Sun Rise", others.toArray(String[]::new))).containsExactly("Sunrise");
    }

    @Test
    void twoWordsJoinedAreAUnitOfTheirOwnBoundedByTheRarityOfTheJoinedWord() {
        NormalizedName q = NameNormalizer.normalize("Sun Rise");
        java.util.Map<String, Integer> df = new HashMap<>();
        df.put(q.tokens().get(0).rarityKey(), 3000);
        df.put(q.tokens().get(1).rarityKey(), 3000);
        df.put(NameNormalizer.token("sunrise", false).rarityKey(), 1);
        TokenRarity rarity = TokenRarity.of(df, 30_000);
        assertThat(rarity.weight(q.tokens().get(0))).isLessThan(0.3);
        List<ScreeningIndex.Unit> units = ScreeningIndex.units(q, rarity);
        // sun, rise, then the two joined: each word is bounded by its own weight, the rare joined word collects
        assertThat(units.get(0).bound()).isLessThan(0.3);
        assertThat(units.get(2).bound()).isEqualTo(1.0);
        assertThat(units.get(2).keys()).contains("t:sunrise");
        assertThat(ScreeningIndex.commonWords(units, 2, ScreeningIndex.lowestScore(0.8,
                ScreeningService.COUNTRY_ADJUSTMENT))).containsExactly(true, true, false);
    }
}

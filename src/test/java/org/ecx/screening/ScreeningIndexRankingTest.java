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
        for (int i = 0; i < 1500; i++) {
            String w = SYLLABLES[i % 10] + SYLLABLES[i / 10 % 10] + SYLLABLES[i / 100 % 10] + "x";
            ScreeningIndex.document("common-" + i, "Castellan " + w, docs);
        }
        for (String other : others) {
            ScreeningIndex.document(other, other, docs);
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
            return ScreeningIndex.hits(searcher, ScreeningIndex.query(q, ScreeningIndex.rarity(searcher, List.of(q),
                    new HashMap<>())), 5).stream().map(ScreeningIndex.Hit::denial).toList();
        }, others);
    }

    /** The denial ids the index keeps for {@code query}: matcher score at or above {@code floor}, scoring 300. */
    private static List<String> kept(String query, double floor, String... others) throws Exception {
        return withIndex(searcher -> ScreeningIndex.search(searcher, NameNormalizer.normalize(query), floor,
                NameMatcher.evidenceNeeded(0.749), 50, 300, new HashMap<>()).stream().map(ScreeningIndex.Scored::denial).toList(), others);
    }

    @Test
    void aNameSharingOneRareWordRanksAboveManySharingOnlyACommonWord() throws Exception {
        assertThat(rank("Velmora Castellan", "Velmora Dunhaven")).first().isEqualTo("Velmora Dunhaven");
    }

    @Test
    void aWordWithinTheEditBudgetCountsAsMuchAsTheExactWord() throws Exception {
        assertThat(rank("Velmorra Castellan", "Velmora Dunhaven")).first().isEqualTo("Velmora Dunhaven");
    }

    @Test
    void amongNamesOfEqualEvidenceTheOneWithFewerUnpairedWordsComesFirst() throws Exception {
        assertThat(rank("Velmora Dunhaven", "Velmora Dunhaven Orsk Plenty Tarrow", "Velmora Dunhaven"))
                .startsWith("Velmora Dunhaven", "Velmora Dunhaven Orsk Plenty Tarrow");
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
    void deletionKeysOfAToken() {
        NameNormalizer.Token t = NameNormalizer.normalize("Abcd").tokens().get(0);
        assertThat(ScreeningIndex.deletionKeys(t)).containsExactlyInAnyOrder("e:abcd", "e:bcd", "e:acd", "e:abd",
                "e:abc");
        assertThat(ScreeningIndex.deletionKeys(NameNormalizer.normalize("Xy Quorvend").tokens().get(0))).isEmpty();
        assertThat(ScreeningIndex.deletionKeys(NameNormalizer.normalize("Quorvend 12345").tokens().get(1))).isEmpty();
    }

    @Test
    void theNormalizedNameReadFromTheIndexIsTheOneTheNormalizerBuilt() {
        for (String name : List.of("Velmora-Dunhaven Trading LLC", "Sun Rise Quorvend 7", "عبد الله القرني", "Ромашка")) {
            NormalizedName n = NameNormalizer.normalize(name);
            assertThat(ScreeningIndex.decode(ScreeningIndex.encode(n))).isEqualTo(n);
        }
    }

    @Test
    void theIndexKeepsOnlyNamesTheMatcherScoresAtOrAboveTheFloorBestFirst() throws Exception {
        List<String> kept = kept("Velmora Dunhaven", 0.55, "Velmora Dunhaven", "Velmora Dunhavem Orsk",
                "Velmora Prask Tindle Morrow");
        assertThat(kept).startsWith("Velmora Dunhaven").contains("Velmora Dunhavem Orsk")
                .doesNotContain("Velmora Prask Tindle Morrow").noneMatch(id -> id.startsWith("common-"));
    }

    @Test
    void aMatchAmongManyNamesOfACommonWordIsKeptWhateverTheirNumber() throws Exception {
        assertThat(kept("Castellan Velmorra", 0.55, "Castellan Velmora")).containsExactly("Castellan Velmora");
    }
}

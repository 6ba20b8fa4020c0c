package org.ecx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.junit.jupiter.api.Test;

/**
 * The candidate ranking of {@link ScreeningIndex#query}: evidence weighted by word rarity, as the scorer
 * weighs it, so that a real match is among the few candidates kept however many names share a common word.
 * Plain Lucene in memory, invented names.
 */
class ScreeningIndexRankingTest {

    private static final String[] SYLLABLES = {"ba", "ko", "du", "mi", "te", "ru", "po", "sa", "gi", "lo"};

    /** 1,500 names of a common word with an invented second word each, plus the ones given. */
    private static List<String> rank(String query, String... others) throws Exception {
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
                IndexSearcher searcher = new IndexSearcher(reader);
                NormalizedName q = NameNormalizer.normalize(query);
                List<String> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(ScreeningIndex.query(q, ScreeningIndex.rarity(searcher,
                        List.of(q))), 5).scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc).get("d"));
                }
                return ids;
            }
        }
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
}

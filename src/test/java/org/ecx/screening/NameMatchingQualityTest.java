package org.ecx.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.junit.jupiter.api.Test;

/**
 * Matching quality on names this test generates itself ({@link SyntheticNames}, fixed seed): every kind of
 * variant of a listed name must be found as the best match at the default threshold, and names not on the
 * list (fresh decoys, and near misses sharing all but one word) must stay below it. Plain JUnit: it scores
 * with the same {@link NameMatcher} the service uses, without a database.
 */
class NameMatchingQualityTest {

    static final double THRESHOLD = 0.8;
    static final int LISTED = 400;

    record Outcome(int queries, int found) {
        double recall() {
            return (double) found / queries;
        }
    }

    @Test
    void variantsOfListedNamesAreFoundAndUnlistedNamesAreNot() {
        SyntheticNames gen = new SyntheticNames(20261123L);
        List<SyntheticNames.Name> listed = new ArrayList<>();
        List<NormalizedName> index = new ArrayList<>();
        Set<String> words = new HashSet<>();
        while (listed.size() < LISTED) {
            SyntheticNames.Name n = gen.name();
            if (words.add(distinctive(n))) { // two listed names never share all their distinctive words
                listed.add(n);
                index.add(NameNormalizer.normalize(n.latin()));
            }
        }

        Map<String, Function<SyntheticNames.Name, String>> variants = new LinkedHashMap<>();
        variants.put("legal form changed", gen::otherLegalForm);
        variants.put("reordered, upper case, punctuation", gen::reordered);
        variants.put("diacritics and hyphens", gen::diacritics);
        variants.put("one typo", gen::typo);
        variants.put("Cyrillic script", SyntheticNames.Name::cyrillic);
        variants.put("Arabic script", SyntheticNames.Name::arabic);
        variants.put("other romanization", SyntheticNames.Name::alternative);

        Map<String, Outcome> recall = new LinkedHashMap<>();
        int allQueries = 0;
        int allFound = 0;
        for (Map.Entry<String, Function<SyntheticNames.Name, String>> v : variants.entrySet()) {
            int found = 0;
            int queries = 0;
            for (int i = 0; i < LISTED; i++) {
                String query = v.getValue().apply(listed.get(i));
                if (query == null) {
                    continue; // variant not applicable (a typo needs a word of 6 letters or more)
                }
                queries++;
                if (best(NameNormalizer.normalize(query), index) == i) {
                    found++;
                } else if (Boolean.getBoolean("quality.verbose")) {
                    System.out.println("MISS " + v.getKey() + ": " + query + " / " + listed.get(i).latin());
                }
            }
            recall.put(v.getKey(), new Outcome(queries, found));
            allQueries += queries;
            allFound += found;
        }

        int decoys = 0;
        int falsePositives = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            SyntheticNames.Name decoy = gen.decoy();
            if (words.contains(distinctive(decoy))) {
                continue; // the same words as a listed name: not a decoy
            }
            String query = decoy.latin();
            decoys++;
            int hit = best(NameNormalizer.normalize(query), index);
            if (hit >= 0) {
                falsePositives++;
                examples.add(query + " ~ " + listed.get(hit).latin());
            }
        }
        // near misses: a listed name with one distinctive word replaced. Of a two-word name one word is left: never
        // a match. Of a longer name two or more distinctive words are left, and since issue 9 (third round) that
        // is a MATCH when the shared words are rare enough: on the real lists (RealListEvaluation, tuning half),
        // aliases that share two or more distinctive words with the listed name and differ in another are the
        // same party far more often than decoys are (docs/screening.md §6), and the lead decided that the
        // real-list evaluation is the judge. Here, without word counts, every word weighs the same, so those are
        // counted and printed, not asserted.
        int nearMisses = 0;
        int nearMissMatches = 0;
        int longNearMisses = 0;
        int longNearMissMatches = 0;
        for (SyntheticNames.Name n : listed) {
            String query = gen.nearMiss(n);
            if (query == null) {
                continue;
            }
            boolean hit = best(NameNormalizer.normalize(query), index) >= 0;
            if (n.words().size() == 2) {
                nearMisses++;
                nearMissMatches += hit ? 1 : 0;
                if (hit) {
                    examples.add(query + " ~ " + n.latin());
                }
            } else {
                longNearMisses++;
                longNearMissMatches += hit ? 1 : 0;
            }
        }
        System.out.printf("near misses of longer names (two or more words left) matched: %d of %d%n",
                longNearMissMatches, longNearMisses);
        double overall = (double) allFound / allQueries;
        double fpRate = (double) falsePositives / decoys;
        double nearMissRate = (double) nearMissMatches / Math.max(1, nearMisses);
        System.out.printf("matching quality: recall %.3f over %d queries %s; false positives %d of %d (%.3f) %s%n",
                overall, allQueries, recall, falsePositives + nearMissMatches, decoys + nearMisses, fpRate,
                examples.subList(0, Math.min(Boolean.getBoolean("quality.verbose") ? 100 : 5, examples.size())));

        // Lowered from 0.97 overall / 0.9 per variant when the matcher was rebuilt for real listed names
        // (docs/screening.md, "Quality"): edits are now forgiven on the written text only, within the budget the
        // candidate index looks up (not on the phonetic form), and Arabic skeletons are read from the Arabic
        // letters. This generator's Arabic renders ts/ch as two letters (تس, تش) and its other romanization
        // writes y as j (Jade/Yade): patterns real lists do not show, on which recall fell to about 0.8 and
        // 0.86. The real-list evaluation is what the thresholds are tuned on.
        assertThat(overall).as("overall recall %s", recall).isGreaterThanOrEqualTo(0.93);
        recall.forEach((kind, o) -> assertThat(o.recall()).as("recall for %s", kind).isGreaterThanOrEqualTo(0.75));
        assertThat(fpRate).as("false-positive rate of fresh names, e.g. %s", examples).isLessThanOrEqualTo(0.02);
        assertThat(nearMisses).isGreaterThan(50);
        assertThat(nearMissRate).as("two-word names with one word replaced, e.g. %s", examples)
                .isLessThanOrEqualTo(0.02);
    }

    private static String distinctive(SyntheticNames.Name n) {
        return n.words().stream().map(SyntheticNames.Word::latin).sorted().toList().toString();
    }

    /** The index of the best listed name at or above the threshold, or -1. */
    private static int best(NormalizedName query, List<NormalizedName> index) {
        int best = -1;
        double bestScore = THRESHOLD;
        for (int i = 0; i < index.size(); i++) {
            double s = NameMatcher.match(query, index.get(i)).score();
            if (s >= bestScore && (best < 0 || s > bestScore)) {
                best = i;
                bestScore = s;
            }
        }
        return best;
    }
}

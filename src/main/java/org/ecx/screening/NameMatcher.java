package org.ecx.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.ecx.screening.NameNormalizer.Token;

/**
 * Scores two normalized names in [0,1] (see docs/screening.md). Tokens are paired one to one, best pairs
 * first, whatever their order; a pair counts when its similarity reaches {@link #TOKEN_MATCH}. The name score
 * is the weighted share of both names covered by pairs (a Dice coefficient over token weights, generic words
 * weighing a fifth), so extra distinctive words on either side lower it. The spaceless concatenations are
 * compared too ({@code Al-Falak Trading} / {@code Alfalak Trading}). A score built on generic words alone is
 * capped below any sensible threshold.
 */
public final class NameMatcher {

    /** Token similarity from which two tokens are taken as the same word. */
    public static final double TOKEN_MATCH = 0.8;
    /** Similarity given to an abjad transliteration whose consonant skeleton equals the other token's. */
    static final double SKELETON_MATCH = 0.9;
    private static final double GENERIC_ONLY_CAP = 0.5;
    private static final double PHONETIC_FACTOR = 0.97;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    private NameMatcher() {
    }

    /** One paired token and how alike the two are. */
    public record TokenPair(String query, String candidate, double similarity) {
    }

    /** The score of a name pair and the token pairs it rests on. */
    public record Result(double score, List<TokenPair> pairs) {
        static final Result NONE = new Result(0, List.of());
    }

    public static Result match(NormalizedName query, NormalizedName candidate) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return Result.NONE;
        }
        List<Token> q = query.tokens();
        List<Token> c = candidate.tokens();
        record Scored(int qi, int ci, double sim) {
        }
        List<Scored> all = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                double sim = tokenSimilarity(q.get(i), c.get(j));
                if (sim >= TOKEN_MATCH) {
                    all.add(new Scored(i, j, sim));
                }
            }
        }
        all.sort(Comparator.comparingDouble(Scored::sim).reversed().thenComparingInt(Scored::qi)
                .thenComparingInt(Scored::ci));
        boolean[] qUsed = new boolean[q.size()];
        boolean[] cUsed = new boolean[c.size()];
        double covered = 0;
        boolean distinctive = false;
        List<TokenPair> pairs = new ArrayList<>();
        for (Scored s : all) {
            if (qUsed[s.qi()] || cUsed[s.ci()]) {
                continue;
            }
            qUsed[s.qi()] = true;
            cUsed[s.ci()] = true;
            Token a = q.get(s.qi());
            Token b = c.get(s.ci());
            covered += s.sim() * (a.weight() + b.weight());
            distinctive |= !a.generic() && !b.generic();
            pairs.add(new TokenPair(a.text(), b.text(), round(s.sim())));
        }
        double total = q.stream().mapToDouble(Token::weight).sum() + c.stream().mapToDouble(Token::weight).sum();
        double score = covered / total;
        double joined = levenshteinSimilarity(query.joined(), candidate.joined());
        if (joined >= 0.95 && joined > score && query.joined().length() >= 6) {
            score = joined;
            distinctive = true;
            if (pairs.isEmpty()) {
                pairs.add(new TokenPair(query.joined(), candidate.joined(), round(joined)));
            }
        }
        if (!distinctive) {
            score = Math.min(score, GENERIC_ONLY_CAP);
        }
        return new Result(Math.max(0, Math.min(1, score)), List.copyOf(pairs));
    }

    /**
     * Similarity of two tokens in [0,1]. Equal text is 1, equal phonetic forms 0.97. Otherwise the tokens
     * must be within an edit budget that grows with their length (none below 5 letters, 1 up to 7, 2 from 8,
     * plus one for an adjacent transposition, which Levenshtein counts as 2): then the mean of Jaro-Winkler and
     * Levenshtein similarity counts. An abjad transliteration whose consonant skeleton equals
     * the other token's scores {@value #SKELETON_MATCH}. Numbers must be equal.
     */
    static double tokenSimilarity(Token a, Token b) {
        if (a.numeric() || b.numeric()) {
            return a.text().equals(b.text()) ? 1 : 0;
        }
        if (a.text().equals(b.text())) {
            return 1;
        }
        double sim = 0;
        if (a.phonetic().equals(b.phonetic())) {
            sim = PHONETIC_FACTOR;
        } else {
            int edits = Math.min(LEVENSHTEIN.apply(a.text(), b.text()), LEVENSHTEIN.apply(a.phonetic(), b.phonetic()));
            int shorter = Math.min(a.text().length(), b.text().length());
            int budget = shorter < 5 ? 0 : shorter < 8 ? 2 : 3; // a transposition counts 2
            if (edits <= budget) {
                double jw = Math.max(JARO_WINKLER.apply(a.text(), b.text()),
                        JARO_WINKLER.apply(a.phonetic(), b.phonetic()));
                // the second edit of a word under 8 letters (the third of a longer one) must be a transposition
                if (edits < (shorter >= 8 ? 3 : 2) || transposed(a.text(), b.text())
                        || transposed(a.phonetic(), b.phonetic())) {
                    double lev = transposed(a.text(), b.text()) ? 1.0 - 1.0 / a.text().length()
                            : Math.max(levenshteinSimilarity(a.text(), b.text()),
                                    levenshteinSimilarity(a.phonetic(), b.phonetic()));
                    sim = Math.min((jw + lev) / 2, PHONETIC_FACTOR);
                }
            }
        }
        if ((a.abjad() || b.abjad()) && a.skeleton().length() >= 2 && a.skeleton().equals(b.skeleton())) {
            sim = Math.max(sim, SKELETON_MATCH);
        }
        return sim;
    }

    /** Whether the two differ only by two adjacent letters swapped. */
    static boolean transposed(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = -1;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                if (first >= 0) {
                    return i == first + 1 && a.charAt(first) == b.charAt(i) && a.charAt(i) == b.charAt(first)
                            && a.substring(i + 1).equals(b.substring(i + 1));
                }
                first = i;
            }
        }
        return false;
    }

    static double levenshteinSimilarity(String a, String b) {
        int max = Math.max(a.length(), b.length());
        if (max == 0) {
            return 0;
        }
        return 1.0 - (double) LEVENSHTEIN.apply(a, b) / max;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

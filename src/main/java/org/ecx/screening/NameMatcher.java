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
 * compared too ({@code Al-Naser Airlines} / {@code Alnaser Airlines}). A score built on generic words alone is
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
        if (joined >= 0.9 && joined > score && query.joined().length() >= 4) {
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

    /** Similarity of two tokens in [0,1]: the best of Jaro-Winkler, Levenshtein and the skeleton rule. */
    static double tokenSimilarity(Token a, Token b) {
        if (a.numeric() || b.numeric()) {
            return a.text().equals(b.text()) ? 1 : 0;
        }
        if (a.text().equals(b.text())) {
            return 1;
        }
        // agreeing only after folding romanization variants is strong, but not identity
        double folded = Math.max(JARO_WINKLER.apply(a.phonetic(), b.phonetic()),
                levenshteinSimilarity(a.phonetic(), b.phonetic()));
        double sim = Math.max(JARO_WINKLER.apply(a.text(), b.text()), PHONETIC_FACTOR * folded);
        if ((a.abjad() || b.abjad()) && a.skeleton().length() >= 2 && a.skeleton().equals(b.skeleton())) {
            sim = Math.max(sim, SKELETON_MATCH);
        }
        // very short words (initials, "al") must agree exactly or nearly so
        if (Math.min(a.text().length(), b.text().length()) <= 2 && sim < 1) {
            return 0;
        }
        return sim;
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

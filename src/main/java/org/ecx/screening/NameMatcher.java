package org.ecx.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.ecx.screening.NameNormalizer.Token;

/**
 * Scores two normalized names in [0,1] and puts the pair in a {@link Band} (see docs/screening.md).
 * <p>
 * Tokens are paired one to one, best pairs first, whatever their order; a pair counts when its similarity
 * reaches {@link #TOKEN_MATCH}. Each word weighs by its rarity ({@link TokenRarity}); a pair weighs as its
 * more common word. The score is the paired evidence over itself plus the unpaired words, counted
 * asymmetrically: the unpaired words of the side that has more of them (the longer name's extra words: a
 * middle name, a father's name) count {@link #EXTRA_PENALTY}, those of the other side (a word each side has and
 * the other lacks) count {@link #MISSING_PENALTY}. So a query fully covered by a listed name, or the reverse,
 * still scores high, and two names sharing one word out of three do not. A score resting only on common or
 * generic words is capped below any sensible threshold.
 * <p>
 * Completeness rule (the candidate index relies on it): a token similarity is positive only for two tokens
 * that share one of their {@link Token#indexKeys()} or whose texts lie within {@link #editBudget(int)} edits
 * (Damerau: an adjacent swap counts one) of each other; words joined on one side and split on the other are
 * found through the joined keys.
 */
public final class NameMatcher {

    /** Token similarity from which two tokens are taken as the same word. */
    public static final double TOKEN_MATCH = 0.8;
    /** Similarity given to equal phonetic forms. */
    static final double PHONETIC = 0.97;
    /** Similarity given to words equal but for a joined article ({@code Alnoor}/{@code Noor}). */
    static final double CORE = 0.95;
    /** Similarity given to an abjad transliteration whose consonant skeleton equals the other token's. */
    static final double SKELETON_ABJAD = 0.92;
    /** Similarity given to two Latin spellings with the same skeleton of three letters or more ({@code Husayn/Hussein}). */
    static final double SKELETON_LATIN = 0.88;
    /** Similarity of one edit; a second edit (8 letters and more) costs as much again. */
    static final double ONE_EDIT = 0.92;
    static final double EDIT_COST = 0.06;

    /** Weight of the unpaired words of the side with more of them. */
    static final double EXTRA_PENALTY = 0.35;
    /** Smallest weight of an unpaired distinctive word. */
    static final double MISSING_FLOOR = 0.4;
    /** Weight of the unpaired words of the other side. */
    static final double MISSING_PENALTY = 1.0;
    /**
     * Largest total penalty of unpaired words once {@link #CAP_WORDS} distinctive written words are paired: an
     * alias keeps two or more words of a long name and adds others, and is driven by the evidence it shares.
     */
    static final double PENALTY_CAP = 0.25;
    /** Similarity of a short-word typo forgiven because the rest of the name matches. */
    static final double SHORT_TYPO = 0.85;
    /** Distinctive written words (a hyphenated word counts once) that must be paired for {@link #PENALTY_CAP}. */
    static final int CAP_WORDS = 3;
    /** Rarity weight from which a paired word counts towards {@link #CAP_WORDS}. */
    static final double CAP_WORD_WEIGHT = 0.5;
    /** Paired evidence needed before a short-word typo is forgiven. */
    static final double SHORT_TYPO_EVIDENCE = 0.6;
    /** Paired evidence (sum of weights) below which a name score is capped: common words alone never match. */
    static final double MIN_EVIDENCE = 0.6;
    private static final double WEAK_CAP = 0.5;

    /** Scores this far below the threshold can still be {@link Band#POSSIBLE}. */
    public static final double POSSIBLE_MARGIN = 0.2;
    /** Paired evidence a {@link Band#POSSIBLE} needs: at least one rare word. */
    static final double POSSIBLE_EVIDENCE = 0.8;

    private static final DamerauLevenshteinDistance DAMERAU_1 = new DamerauLevenshteinDistance(1);
    private static final DamerauLevenshteinDistance DAMERAU_2 = new DamerauLevenshteinDistance(2);

    private NameMatcher() {
    }

    /** How a name pair stands against a threshold. */
    public enum Band {
        /** The score is at or above the threshold. */
        MATCH,
        /**
         * Below the threshold by at most {@link #POSSIBLE_MARGIN}, with rare words paired, and either one name
         * covered by the other (a partial name: words dropped or added) or a name written in an abjad script
         * (a weaker cross-script match). Worth a human look; never an automatic hit.
         */
        POSSIBLE
    }

    /** One paired token and how alike the two are. */
    public record TokenPair(String query, String candidate, double similarity) {
    }

    /**
     * The score of a name pair and what it rests on.
     *
     * @param evidence  sum of the paired words' weights
     * @param covered   every word of one of the two names is paired (a partial name on the other side)
     * @param crossScript either name was written in an abjad script
     */
    public record Result(double score, List<TokenPair> pairs, double evidence, boolean covered, boolean crossScript) {
        static final Result NONE = new Result(0, List.of(), 0, false, false);

        /** The band of this pair at the given threshold, or null when it is neither. */
        public Band band(double threshold) {
            return bandOf(score, threshold);
        }

        /** The band for a score derived from this one (e.g. with a country adjustment), or null. */
        public Band bandOf(double adjustedScore, double threshold) {
            if (score <= 0) {
                return null;
            }
            if (adjustedScore >= threshold) {
                return Band.MATCH;
            }
            if (adjustedScore >= threshold - POSSIBLE_MARGIN && evidence >= POSSIBLE_EVIDENCE
                    && (covered || crossScript)) {
                return Band.POSSIBLE;
            }
            return null;
        }

        /** One sentence for {@code matchedOn}: why the pair is in its band. */
        public String explain(Band band) {
            if (band == null) {
                return "below the threshold";
            }
            if (band == Band.MATCH) {
                return "name score at or above the threshold";
            }
            return covered ? "partial name: every word of one name is in the other, the other has more words"
                    : "cross-script: a transliterated name close to the threshold";
        }
    }

    /**
     * The largest number of edits (insertions, deletions, substitutions, adjacent swaps) forgiven between two
     * words, by the length of the shorter: none under 3 letters, 1 from 3, 2 from 8. A caller looking words up
     * by edit distance may use the budget of the query word's length: the budget never decreases with length.
     */
    public static int editBudget(int length) {
        return length < 3 ? 0 : length < 8 ? 1 : 2;
    }

    public static Result match(NormalizedName query, NormalizedName candidate) {
        return match(query, candidate, TokenRarity.UNKNOWN);
    }

    public static Result match(NormalizedName query, NormalizedName candidate, TokenRarity rarity) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return Result.NONE;
        }
        boolean crossScript = query.abjad() || candidate.abjad();
        if (query.tokens().size() > 1 && query.joined().equals(candidate.joined())) {
            double w = candidate.tokens().stream().mapToDouble(rarity::weight).max().orElse(1);
            return new Result(1, List.of(new TokenPair(query.joined(), candidate.joined(), 1)), w, true, crossScript);
        }
        List<Token> q = joinSplitWords(query.tokens(), candidate.tokens());
        List<Token> c = joinSplitWords(candidate.tokens(), q);
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
        double paired = 0;
        double evidence = 0;
        List<TokenPair> pairs = new ArrayList<>();
        int[] qToC = new int[q.size()];
        java.util.Arrays.fill(qToC, -1);
        for (Scored s : all) {
            if (qUsed[s.qi()] || cUsed[s.ci()]) {
                continue;
            }
            qUsed[s.qi()] = true;
            cUsed[s.ci()] = true;
            Token a = q.get(s.qi());
            Token b = c.get(s.ci());
            double w = Math.min(rarity.weight(a), rarity.weight(b));
            paired += w;
            evidence += s.sim() * w;
            pairs.add(new TokenPair(a.text(), b.text(), round(s.sim())));
            qToC[s.qi()] = s.ci();
        }
        if (pairs.isEmpty()) {
            return Result.NONE;
        }
        int qLeft = unpairedDistinctive(q, qUsed);
        int cLeft = unpairedDistinctive(c, cUsed);
        if (qLeft == 1 && cLeft == 1 && evidence >= SHORT_TYPO_EVIDENCE) {
            // the rest of the name matches: one short word each side, one typo apart (Kim/Kio, Pak/Pa)
            int i = firstUnpairedDistinctive(q, qUsed);
            int j = firstUnpairedDistinctive(c, cUsed);
            if (shortTypo(q.get(i), c.get(j))) {
                qUsed[i] = true;
                cUsed[j] = true;
                double w = Math.min(rarity.weight(q.get(i)), rarity.weight(c.get(j)));
                paired += w;
                evidence += SHORT_TYPO * w;
                pairs.add(new TokenPair(q.get(i).text(), c.get(j).text(), SHORT_TYPO));
                qToC[i] = j;
            }
        }
        double qMiss = 0;
        for (int i = 0; i < q.size(); i++) {
            qMiss += qUsed[i] ? 0 : missing(q.get(i), rarity);
        }
        double cMiss = 0;
        for (int j = 0; j < c.size(); j++) {
            cMiss += cUsed[j] ? 0 : missing(c.get(j), rarity);
        }
        boolean covered = allDistinctivePaired(q, qUsed) || allDistinctivePaired(c, cUsed);
        double penalty = EXTRA_PENALTY * Math.max(qMiss, cMiss) + MISSING_PENALTY * Math.min(qMiss, cMiss);
        if (!covered && pairedWords(q, c, qToC, query.original(), candidate.original(), rarity) >= CAP_WORDS) {
            // an alias: each side has words the other lacks, but enough distinctive words are shared
            penalty = Math.min(PENALTY_CAP, penalty);
        }
        double score = evidence / (paired + penalty);
        if (evidence < MIN_EVIDENCE) {
            score = Math.min(score, WEAK_CAP);
        }
        return new Result(Math.max(0, Math.min(1, score)), List.copyOf(pairs), evidence, covered, crossScript);
    }

    /**
     * The weight of an unpaired word: its rarity, but at least {@link #MISSING_FLOOR} for a distinctive word (an
     * unpaired common given name still speaks against identity).
     */
    private static double missing(Token t, TokenRarity rarity) {
        double w = rarity.weight(t);
        return t.generic() ? w : Math.max(w, MISSING_FLOOR);
    }

    /**
     * How many written words of distinctive weight are paired: two tokens of one hyphenated word
     * ({@code Sok-Hwa}) on either side count once.
     */
    private static int pairedWords(List<Token> q, List<Token> c, int[] qToC, String qRaw, String cRaw,
            TokenRarity rarity) {
        String qLower = plain(qRaw);
        String cLower = plain(cRaw);
        int n = 0;
        boolean groupCounted = false;
        for (int i = 0; i < q.size(); i++) {
            int j = qToC[i];
            if (j < 0) {
                continue;
            }
            boolean sameWord = i > 0 && qToC[i - 1] >= 0 && (hyphenated(qLower, q.get(i - 1), q.get(i))
                    || j > 0 && qToC[i - 1] == j - 1 && hyphenated(cLower, c.get(j - 1), c.get(j)));
            if (!sameWord) {
                groupCounted = false;
            }
            if (!groupCounted && Math.min(rarity.weight(q.get(i)), rarity.weight(c.get(j))) >= CAP_WORD_WEIGHT) {
                n++;
                groupCounted = true;
            }
        }
        return n;
    }

    private static String plain(String raw) {
        return raw == null ? "" : raw.toLowerCase(java.util.Locale.ROOT).replaceAll("['’`ʻʼ]", "");
    }

    private static boolean hyphenated(String raw, Token first, Token second) {
        return raw.contains(first.text() + "-" + second.text());
    }

    private static int unpairedDistinctive(List<Token> tokens, boolean[] used) {
        int n = 0;
        for (int i = 0; i < tokens.size(); i++) {
            n += !used[i] && !tokens.get(i).generic() ? 1 : 0;
        }
        return n;
    }

    private static int firstUnpairedDistinctive(List<Token> tokens, boolean[] used) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i] && !tokens.get(i).generic()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Two words of at most 4 letters one typo apart that {@link #tokenSimilarity} does not forgive on its own:
     * a letter replaced ({@code Gaye/Gayk}), or a 3-letter word that lost a letter ({@code Pak/Pa}, found through
     * the deletion keys of {@link Token#indexKeys()}). Both must be alphabetic.
     */
    static boolean shortTypo(Token a, Token b) {
        if (a.numeric() || b.numeric()) {
            return false;
        }
        int la = a.text().length();
        int lb = b.text().length();
        if (Math.max(la, lb) > 4 || Math.min(la, lb) < 2) {
            return false;
        }
        if (Math.min(la, lb) == 2) {
            return Math.max(la, lb) == 3 && NameNormalizer.deletions(a.text().length() == 3 ? a.text() : b.text())
                    .contains(la == 2 ? a.text() : b.text());
        }
        return damerau(a.text(), b.text(), 1) == 1;
    }

    private static boolean allDistinctivePaired(List<Token> tokens, boolean[] used) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i] && !tokens.get(i).generic()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two adjacent words of {@code tokens} written as one word in {@code other} ({@code Sun Rise}/{@code Sunrise})
     * become that one word.
     */
    private static List<Token> joinSplitWords(List<Token> tokens, List<Token> other) {
        List<Token> out = new ArrayList<>(tokens.size());
        boolean changed = false;
        int i = 0;
        while (i < tokens.size()) {
            if (i + 1 < tokens.size() && writtenAsOne(tokens.get(i), tokens.get(i + 1), other)) {
                out.add(NameNormalizer.token(tokens.get(i).text() + tokens.get(i + 1).text(),
                        tokens.get(i).abjad() || tokens.get(i + 1).abjad()));
                changed = true;
                i += 2;
            } else {
                out.add(tokens.get(i));
                i++;
            }
        }
        return changed ? out : tokens;
    }

    private static boolean writtenAsOne(Token first, Token second, List<Token> other) {
        String joined = first.text() + second.text();
        String joinedPhonetic = first.phonetic() + NameNormalizer.phonetic(second.text());
        for (Token o : other) {
            if (o.text().equals(joined) || o.phonetic().equals(joinedPhonetic)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Similarity of two tokens in [0,1]: equal text 1, equal phonetic forms {@value #PHONETIC}, equal but for
     * a joined article {@value #CORE}, equal consonant skeletons {@value #SKELETON_ABJAD} when either is an abjad
     * transliteration ({@value #SKELETON_LATIN} between two Latin spellings, skeletons of 3 letters or more),
     * texts within {@link #editBudget(int)} edits {@value #ONE_EDIT} minus {@value #EDIT_COST} per edit after
     * the first. Numbers must be equal.
     */
    static double tokenSimilarity(Token a, Token b) {
        if (a.numeric() || b.numeric()) {
            return a.text().equals(b.text()) ? 1 : 0;
        }
        if (a.text().equals(b.text())) {
            return 1;
        }
        if (a.phonetic().equals(b.phonetic())) {
            return PHONETIC;
        }
        double sim = 0;
        if (a.core().equals(b.text()) || b.core().equals(a.text()) || a.core().equals(b.core())) {
            sim = CORE;
        }
        int budget = editBudget(Math.min(a.text().length(), b.text().length()));
        if (budget > 0) {
            int edits = damerau(a.text(), b.text(), budget);
            // under 5 letters only a letter inserted or dropped, or two letters swapped (Lina Kovr, Kvoar), and a
            // 3-letter word keeps its first letter: Kim/Kimm, not Vira/Viga or Kim/Lim
            int shorter = Math.min(a.text().length(), b.text().length());
            boolean shortOk = shorter >= 5 || (a.text().length() != b.text().length() || transposed(a.text(), b.text()))
                    && (shorter > 3 || a.text().charAt(0) == b.text().charAt(0));
            if (edits > 0 && edits <= budget && shortOk) {
                sim = Math.max(sim, ONE_EDIT - EDIT_COST * (edits - 1));
            }
        }
        if (a.skeleton().equals(b.skeleton())) {
            if ((a.abjad() || b.abjad()) && a.skeleton().length() >= 2) {
                sim = Math.max(sim, SKELETON_ABJAD);
            } else if (a.skeleton().length() >= 3 && Math.min(a.text().length(), b.text().length())
                    >= 0.8 * Math.max(a.text().length(), b.text().length())) {
                sim = Math.max(sim, SKELETON_LATIN);
            }
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

    /**
     * Damerau-Levenshtein distance (Commons Text), or {@code limit + 1} when it is larger than {@code limit}
     * (0 < limit <= 2).
     */
    static int damerau(String a, String b, int limit) {
        int d = (limit == 1 ? DAMERAU_1 : DAMERAU_2).apply(a, b);
        return d < 0 ? limit + 1 : d;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

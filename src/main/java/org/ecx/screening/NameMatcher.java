package org.ecx.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.ecx.screening.NameNormalizer.Token;

/**
 * Scores two normalized names in [0,1] and puts the pair in a {@link Band} (see docs/screening.md).
 * <p>
 * Tokens are paired one to one, best pairs first, whatever their order; a pair counts when its similarity
 * reaches {@link #TOKEN_MATCH}. Each word weighs by its rarity ({@link TokenRarity}); a pair weighs as its
 * more common word. The score is a logistic function of the pair's evidence ({@link Features}): how much of
 * each name's rarity weight is paired (the less covered side counts most), how alike the paired words are, how
 * much rare weight and how many distinctive words are paired, and whether each side has words the other lacks.
 * So a query fully covered by a listed name, or the reverse, still scores high when the uncovered words are
 * common, and two names sharing one word out of three do not. A score resting only on common or generic words
 * is capped below any sensible threshold.
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
    /** Two Latin spellings pair on their skeleton only when their phonetic forms' lengths are within this ratio. */
    static final double LATIN_SKELETON_LENGTHS = 0.8;
    /** Similarity given to short words equal in the form both Korean romanizations agree on ({@link Token#korean()}). */
    static final double KOREAN = 0.92;
    /** Similarity of one edit; a second edit (8 letters and more) costs as much again. */
    static final double ONE_EDIT = 0.92;
    static final double EDIT_COST = 0.06;

    /** Smallest weight of an unpaired distinctive word. */
    static final double MISSING_FLOOR = 0.4;
    /** Similarity of a short-word typo forgiven because the rest of the name matches. */
    static final double SHORT_TYPO = 0.92;
    /** Rarity weight from which a paired word counts in {@link Features#pairedWords()}. */
    static final double CAP_WORD_WEIGHT = 0.5;
    /** Paired evidence needed before a short-word typo is forgiven. */
    static final double SHORT_TYPO_EVIDENCE = 0.3;
    /** Paired evidence (sum of weights) below which a name score is capped: common words alone never match. */
    static final double MIN_EVIDENCE = 0.6;
    static final double WEAK_CAP = 0.5;
    /**
     * Coverage (paired weight over all weight) each name needs for a score above {@link #PARTIAL_CAP}: a name of
     * which less than half is found in the other is a partial name, at most {@link Band#POSSIBLE} at the default
     * threshold (on the tuning half this costs 1 point of alias recall and nothing else).
     */
    static final double MATCH_COVERAGE = 0.5;
    static final double PARTIAL_CAP = 0.7;

    /**
     * Scores this far below the threshold can still be {@link Band#POSSIBLE} (the logistic score is steep: at the
     * default threshold 0.8 the band starts at 0.2; set on the tuning half, see docs/screening.md §6).
     */
    public static final double POSSIBLE_MARGIN = 0.6;
    /** Distinctive written words an alias must share for {@link Band#POSSIBLE} when neither name is covered. */
    static final int POSSIBLE_WORDS = 2;
    /** Paired evidence a {@link Band#POSSIBLE} needs: at least one rare word. */
    static final double POSSIBLE_EVIDENCE = 0.8;
    /**
     * Fifth round: a name sharing ONE distinctive word with {@link #POSSIBLE_EVIDENCE} of paired evidence (a rare
     * word, or a word and a common one) is {@link Band#POSSIBLE} down to this far below the threshold (0.1 at the
     * default 0.8), whatever else differs: an alias sharing a rare family name deserves a human look. Set on the
     * tuning half (docs/screening.md §6: recall against the decoys' POSSIBLE rate at several floors).
     */
    public static final double RARE_WORD_MARGIN = 0.7;
    /** At most this many {@link Band#POSSIBLE} results per screened name ({@link #capPossible}). */
    public static final int POSSIBLE_PER_NAME = 3;
    /**
     * Fifth round: an alias that shares {@link #ALIAS_WORDS} or more distinctive words, spelled alike (mean similarity
     * at least {@link #ALIAS_SIMILARITY}), with paired evidence of at least {@link #ALIAS_EVIDENCE}, and covers at
     * least {@link #ALIAS_SHORTER_COVERAGE} of the shorter name, while both names have distinctive words the other
     * lacks, scores at least {@link #ALIAS_SCORE}: a {@link Band#MATCH} at the default threshold. Latin spellings
     * only: across scripts the words are readings, not spellings (a translated organisation name shares them). A
     * decoy built from words of different listed names shares one word with each; a partial name (one name covered)
     * has its own lift ({@link #PARTIAL_WORDS}, sixth round). Set on the tuning half (docs/screening.md §6).
     */
    static final int ALIAS_WORDS = 2;
    static final double ALIAS_SIMILARITY = 0.95;
    static final double ALIAS_EVIDENCE = 1.2;
    static final double ALIAS_SHORTER_COVERAGE = 0.6;
    static final double ALIAS_SCORE = 0.8;
    /**
     * Sixth round: a partial name, every distinctive word of one name paired (words added or dropped on the other
     * side), with {@link #PARTIAL_WORDS} or more distinctive words paired, spelled alike or one edit apart (mean
     * similarity at least {@link #PARTIAL_SIMILARITY}) and paired evidence of at least {@link #PARTIAL_EVIDENCE},
     * scores at least {@link #ALIAS_SCORE}: a {@link Band#MATCH} at the default threshold. A decoy built from words
     * of different listed names never holds two words of one of them; a partial name of one rare word stays
     * {@link Band#POSSIBLE}. Latin spellings only, as for the alias lift. Set on the tuning half (docs/screening.md §6).
     */
    static final int PARTIAL_WORDS = 2;
    static final double PARTIAL_SIMILARITY = 0.9;
    static final double PARTIAL_EVIDENCE = 1.0;

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
         * covered by the other (a partial name: words dropped or added), or {@link #POSSIBLE_WORDS} distinctive
         * words shared (an alias that differs in others), or a name written in an abjad script (a weaker
         * cross-script match); or, down to {@link #RARE_WORD_MARGIN} below it, one distinctive word shared with
         * rare evidence (an alias sharing a rare family name). Worth a human look; never an automatic hit; at most
         * {@link #POSSIBLE_PER_NAME} per screened name.
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
     * @param sharedWords distinctive written words paired
     * @param rarestWord  rarity weight of the rarest distinctive pair (reported by the real-list evaluation)
     * @param shorterCoverage coverage of the name with fewer distinctive words (equal counts: the better covered)
     */
    public record Result(double score, List<TokenPair> pairs, double evidence, boolean covered, boolean crossScript,
            int sharedWords, double rarestWord, double shorterCoverage) {
        static final Result NONE = new Result(0, List.of(), 0, false, false, 0, 0, 0);

        /** The band of this pair at the given threshold, or null when it is neither. */
        public Band band(double threshold) {
            return bandOf(score, threshold);
        }

        /** The band for a score derived from this one (e.g. with a country adjustment), or null. */
        public Band bandOf(double adjustedScore, double threshold) {
            return bandOf(adjustedScore, threshold, RARE_WORD_MARGIN);
        }

        /**
         * The band with the one-rare-word {@link Band#POSSIBLE} floor {@code rareWordMargin} under the threshold
         * (package-private: the real-list evaluation measures several floors; a negative margin turns the rule off).
         */
        Band bandOf(double adjustedScore, double threshold, double rareWordMargin) {
            if (score <= 0) {
                return null;
            }
            if (adjustedScore >= threshold) {
                return Band.MATCH;
            }
            if (evidence < POSSIBLE_EVIDENCE) {
                return null;
            }
            if (adjustedScore >= threshold - POSSIBLE_MARGIN && (covered || crossScript || sharedWords >= POSSIBLE_WORDS)) {
                return Band.POSSIBLE;
            }
            // one distinctive word shared with rare evidence: a look, never a match
            if (rareWordMargin >= 0 && sharedWords >= 1 && adjustedScore >= threshold - rareWordMargin) {
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
            if (covered) {
                return "partial name: every word of one name is in the other, the other has more words";
            }
            if (sharedWords >= POSSIBLE_WORDS) {
                return "alias: distinctive words shared, others differ";
            }
            return crossScript ? "cross-script: a transliterated name below the threshold, rare words in common"
                    : "rare word: one distinctive word in common, the other words differ";
        }
    }

    /**
     * {@code ranked} (best first) with at most {@link #POSSIBLE_PER_NAME} {@link Band#POSSIBLE} results per screened
     * name (every {@link Band#MATCH} is kept), in the same order: a screening never floods an officer with
     * candidates for a look. {@code screenedName} tells which screened name a result is for.
     */
    public static <T> List<T> capPossible(List<T> ranked, Function<T, Band> band, Function<T, ?> screenedName) {
        Map<Object, Integer> possible = new HashMap<>();
        List<T> out = new ArrayList<>(ranked.size());
        for (T r : ranked) {
            if (band.apply(r) != Band.POSSIBLE
                    || possible.merge(screenedName.apply(r), 1, Integer::sum) <= POSSIBLE_PER_NAME) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The largest number of edits (insertions, deletions, substitutions, adjacent swaps) forgiven between two
     * words, by the length of the shorter: none under 3 letters, 1 from 3, 2 from 8. A caller looking words up
     * by edit distance may use the budget of the query word's length: the budget never decreases with length.
     */
    public static int editBudget(int length) {
        return length < 3 ? 0 : length < 8 ? 1 : 2;
    }

    /**
     * Whether a pair can be in a band when a {@link Band#MATCH} needs a name score above {@code lowestMatchScore},
     * knowing only that its paired weight ({@link Features#pairedWeight()}, which bounds its evidence) is at most
     * {@code paired} and that the query's unpaired words weigh at least {@code unpaired} (as {@link #MISSING_FLOOR}
     * counts them): a {@link Band#POSSIBLE} and every lift to {@link Band#MATCH} need
     * {@link #POSSIBLE_EVIDENCE}; under {@link #MIN_EVIDENCE} the score is capped at {@link #WEAK_CAP}; a query
     * less than {@link #MATCH_COVERAGE} covered is capped at {@link #PARTIAL_CAP}. (Names equal but for their
     * spaces score 1 whatever their evidence.) The candidate index relies on this to leave common words out of
     * the clauses that collect candidates (ADR 0008, fourth and seventh amendments).
     */
    public static boolean reachable(double paired, double unpaired, double lowestMatchScore) {
        if (lowestMatchScore <= WEAK_CAP || paired >= POSSIBLE_EVIDENCE) {
            return true;
        }
        if (paired < MIN_EVIDENCE) {
            return false;
        }
        return paired / (paired + unpaired) >= MATCH_COVERAGE || PARTIAL_CAP >= lowestMatchScore;
    }

    public static Result match(NormalizedName query, NormalizedName candidate) {
        return match(query, candidate, TokenRarity.UNKNOWN);
    }

    public static Result match(NormalizedName query, NormalizedName candidate, TokenRarity rarity) {
        Alignment a = align(query, candidate, rarity);
        if (a == null) {
            return Result.NONE;
        }
        double score = a.joined() ? 1 : a.features().score();
        if (!a.joined() && a.evidence() < MIN_EVIDENCE) {
            score = Math.min(score, WEAK_CAP);
        }
        Features f = a.features();
        if (!a.joined() && Math.min(f.queryCoverage(), f.candidateCoverage()) < MATCH_COVERAGE) {
            // a partial name: less than half of one name's weight is paired, however rare the rest
            score = Math.min(score, PARTIAL_CAP);
        }
        if (!a.joined() && !a.covered() && !f.crossScript() && f.pairedWords() >= ALIAS_WORDS
                && a.evidence() >= ALIAS_EVIDENCE && f.meanSimilarity() >= ALIAS_SIMILARITY
                && a.shorterCoverage() >= ALIAS_SHORTER_COVERAGE) {
            // an alias: two or more rare words spelled alike, most of the shorter name, other words on both sides
            score = Math.max(score, ALIAS_SCORE);
        }
        if (!a.joined() && a.covered() && !f.crossScript() && f.pairedWords() >= PARTIAL_WORDS
                && a.evidence() >= PARTIAL_EVIDENCE && f.meanSimilarity() >= PARTIAL_SIMILARITY) {
            // a partial name of two or more rare words, all of one name: the other adds or drops words
            score = Math.max(score, ALIAS_SCORE);
        }
        return new Result(score, a.pairs(), a.evidence(), a.covered(), a.features().crossScript(),
                a.features().pairedWords(), a.rarestWord(), a.shorterCoverage());
    }

    /** What the score of a name pair is computed from (package-private: the real-list evaluation fits on it). */
    static Features features(NormalizedName query, NormalizedName candidate, TokenRarity rarity) {
        Alignment a = align(query, candidate, rarity);
        return a == null ? null : a.features();
    }

    /** Tokens paired one to one, and what the pairing rests on. */
    private record Alignment(Features features, List<TokenPair> pairs, double evidence, boolean covered,
            boolean joined, double rarestWord, double shorterCoverage) {
    }

    /**
     * The evidence of a name pair, each feature in a fixed range, and the name score as a logistic function of
     * it. Coverage of a side: the rarity weight of its paired words over the weight of all its words (unpaired
     * distinctive words count at least {@link #MISSING_FLOOR}).
     *
     * @param queryCoverage     coverage of the query
     * @param candidateCoverage coverage of the listed name
     * @param meanSimilarity    mean token similarity of the pairs, weighted by rarity
     * @param pairedWeight      sum of the rarity weights of the pairs
     * @param pairedWords       distinctive written words paired (weight at least {@link #CAP_WORD_WEIGHT}; the
     *                          parts of one hyphenated word count once)
     * @param crossScript       either name was written in an abjad script
     * @param queryUnpaired     distinctive words of the query left unpaired
     * @param candidateUnpaired distinctive words of the listed name left unpaired
     */
    record Features(double queryCoverage, double candidateCoverage, double meanSimilarity, double pairedWeight,
            int pairedWords, boolean crossScript, int queryUnpaired, int candidateUnpaired) {

        /**
         * The name score: {@code 1 / (1 + exp(-z))} with {@code z} linear in the features. The constants were
         * fitted on the TUNING half of the real-list evaluation only ({@code RealListEvaluation}, see
         * docs/screening.md §6): first a logistic regression over all (query, candidate) pairs of that half
         * (decoy pairs weighted 3), then a coordinate search on the same half that maximised recall@5 in
         * {@code MATCH} at threshold 0.8 (aliases sharing a word weighted 3, original script 2, short-word typos
         * 1.5, the rest 1) with the decoy false-positive rate held at or under 0.017. Features that only
         * re-described others (the unpaired weights, the count of paired tokens, the former coverage score) were
         * dropped when the fit gave them no weight or a sign with no meaning; the constants are rounded.
         */
        double score() {
            double z = B0 + B_COVERAGE_MIN * Math.min(queryCoverage, candidateCoverage)
                    + B_COVERAGE_MAX * Math.max(queryCoverage, candidateCoverage)
                    + B_SIMILARITY * meanSimilarity + B_WEIGHT * Math.min(pairedWeight, 3)
                    + B_WORDS * Math.min(pairedWords, 3) + (crossScript ? B_CROSS_SCRIPT : 0)
                    + (queryUnpaired > 0 && candidateUnpaired > 0 ? B_BOTH_UNPAIRED : 0);
            return 1 / (1 + Math.exp(-z));
        }
    }

    /** Fitted constants of {@link Features#score()}. */
    static final double B0 = -42.08;
    static final double B_COVERAGE_MIN = 10.57;
    static final double B_COVERAGE_MAX = 2.06;
    static final double B_SIMILARITY = 33.28;
    static final double B_WEIGHT = 1.41;
    static final double B_WORDS = 0.62;
    static final double B_CROSS_SCRIPT = 0.11;
    static final double B_BOTH_UNPAIRED = -1.55;

    private static Alignment align(NormalizedName query, NormalizedName candidate, TokenRarity rarity) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return null;
        }
        boolean crossScript = query.abjad() || candidate.abjad();
        if (query.tokens().size() > 1 && query.joined().equals(candidate.joined())) {
            double w = candidate.tokens().stream().mapToDouble(rarity::weight).max().orElse(1);
            return new Alignment(new Features(1, 1, 1, w, candidate.tokens().size(), crossScript, 0, 0),
                    List.of(new TokenPair(query.joined(), candidate.joined(), 1)), w, true, true, w, 1);
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
        double rarest = 0;
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
            if (!a.generic() && !b.generic()) {
                rarest = Math.max(rarest, w);
            }
            pairs.add(new TokenPair(a.text(), b.text(), round(s.sim())));
            qToC[s.qi()] = s.ci();
        }
        if (pairs.isEmpty()) {
            return null;
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
                rarest = Math.max(rarest, w);
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
        int qWords = q.size() - (int) q.stream().filter(Token::generic).count();
        int cWords = c.size() - (int) c.stream().filter(Token::generic).count();
        double qCoverage = paired / (paired + qMiss);
        double cCoverage = paired / (paired + cMiss);
        // the shorter name's coverage (fewer distinctive words; equal: the better covered)
        double shorterCoverage = qWords < cWords ? qCoverage : cWords < qWords ? cCoverage
                : Math.max(qCoverage, cCoverage);
        Features f = new Features(qCoverage, cCoverage, evidence / paired, paired,
                pairedWords(q, c, qToC, query.original(), candidate.original(), rarity), crossScript,
                unpairedDistinctive(q, qUsed), unpairedDistinctive(c, cUsed));
        return new Alignment(f, List.copyOf(pairs), evidence, covered, false, rarest, shorterCoverage);
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
            int parts = compoundParts(tokens, i);
            if (parts > 0 && typoOfWhole(tokens.get(i).written(), other)) {
                // a compound written with a typo on the other side (Abaoulaye/Abdoulaye): compared whole
                out.add(NameNormalizer.token(tokens.get(i).written(), tokens.get(i).abjad()));
                changed = true;
                i += parts;
            } else if (i + 1 < tokens.size() && writtenAsOne(tokens.get(i), tokens.get(i + 1), other)) {
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

    /** How many tokens from {@code i} on were split or respelled from one written word (0 when none). */
    private static int compoundParts(List<Token> tokens, int i) {
        String w = tokens.get(i).written();
        if (w.isEmpty() || i > 0 && tokens.get(i - 1).written().equals(w)) {
            return 0;
        }
        int n = 1;
        while (i + n < tokens.size() && tokens.get(i + n).written().equals(w)) {
            n++;
        }
        return n;
    }

    /**
     * Whether a word of {@code other} is a typo of the written compound {@code whole}: within the edit budget of
     * it but not equal to it (the two sides then split it alike).
     */
    private static boolean typoOfWhole(String whole, List<Token> other) {
        for (Token o : other) {
            if (o.numeric() || !o.written().isEmpty() || o.text().equals(whole)) {
                continue;
            }
            int budget = editBudget(Math.min(whole.length(), o.text().length()));
            if (budget > 0 && damerau(whole, o.text(), budget) <= budget) {
                return true;
            }
        }
        return false;
    }

    private static boolean writtenAsOne(Token first, Token second, List<Token> other) {
        String joined = first.text() + second.text();
        String joinedPhonetic = first.phonetic() + NameNormalizer.phonetic(second.text());
        String joinedSkeleton = first.abjad() ? NameNormalizer.joinedSkeleton(first, second.text()) : null;
        for (Token o : other) {
            if (o.text().equals(joined) || o.phonetic().equals(joinedPhonetic)) {
                return true;
            }
            // two Arabic-script words written as one Latin word (شیر جان / Sherjan): the joined reading is a key
            if (joinedSkeleton != null && !o.abjad() && joinedSkeleton.length() >= 4
                    && sharedSkeleton(joinedSkeleton, o.skeleton())) {
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
        String korean = a.korean();
        if (!korean.isEmpty() && korean.equals(b.korean())) {
            sim = Math.max(sim, KOREAN);  // Ch'ong/Jong, Kuk/Guk: the two romanizations of Korean
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
        if (a.abjad() || b.abjad()) {
            if (sharedSkeleton(a.skeleton(), b.skeleton())) {
                sim = Math.max(sim, SKELETON_ABJAD);
            }
        } else if (a.primarySkeleton().equals(b.primarySkeleton())) {
            // lengths compared on the phonetic forms, where doubled letters and vowel digraphs are folded: Qutalli
            // and Qutli pair, Mohammed and Mahmoud (phonetic mohamed/mamud) do not
            if (a.primarySkeleton().length() >= 3 && Math.min(a.phonetic().length(), b.phonetic().length())
                    >= LATIN_SKELETON_LENGTHS * Math.max(a.phonetic().length(), b.phonetic().length())) {
                sim = Math.max(sim, SKELETON_LATIN);
            }
        }
        return sim;
    }

    /**
     * Whether two {@code |}-separated skeleton lists ({@link Token#skeletons()}) share a reading of at least two
     * letters (every such reading is an index key: the completeness rule holds).
     */
    static boolean sharedSkeleton(String a, String b) {
        int i = 0;
        while (i < a.length()) {
            int end = a.indexOf('|', i);
            end = end < 0 ? a.length() : end;
            int len = end - i;
            if (len >= 2) {
                int j = 0;
                while (j < b.length()) {
                    int bEnd = b.indexOf('|', j);
                    bEnd = bEnd < 0 ? b.length() : bEnd;
                    if (bEnd - j == len && a.regionMatches(i, b, j, len)) {
                        return true;
                    }
                    j = bEnd + 1;
                }
            }
            i = end + 1;
        }
        return false;
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

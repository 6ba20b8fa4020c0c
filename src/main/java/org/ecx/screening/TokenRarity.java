package org.ecx.screening;

import java.util.Map;
import org.ecx.screening.NameNormalizer.Token;

/**
 * How much a word tells about identity, from how many indexed names contain it (its document frequency)
 * among all indexed names: a word found in one name in ten thousand weighs 1, a word in one name in twenty
 * (a common given name, a generic business word) about a quarter. Below {@link #MIN_NAMES} indexed names the
 * counts say nothing and the default weights of {@link Token#weight()} apply. Immutable.
 */
public final class TokenRarity {

    /** Fewer indexed names than this and document frequencies are not used. */
    public static final int MIN_NAMES = 1000;
    /** No counts known: generic words weigh 0.2, words of one or two Latin letters 0.5, others 1. */
    public static final TokenRarity UNKNOWN = new TokenRarity(Map.of(), 0);

    /** Smallest weight a word can have. */
    static final double FLOOR = 0.1;
    /** Inverse document frequency (natural log) below which a word weighs {@link #FLOOR}… */
    static final double IDF_COMMON = Math.log(20);
    /** …and from which it weighs 1. */
    static final double IDF_RARE = Math.log(2000);

    private final Map<String, Integer> documentFrequency;
    private final int names;

    private TokenRarity(Map<String, Integer> documentFrequency, int names) {
        this.documentFrequency = documentFrequency;
        this.names = names;
    }

    /**
     * @param documentFrequency for a key of {@link Token#rarityKey()}, how many indexed names contain it
     * @param names             how many names are indexed
     */
    public static TokenRarity of(Map<String, Integer> documentFrequency, int names) {
        return names < MIN_NAMES ? UNKNOWN : new TokenRarity(Map.copyOf(documentFrequency), names);
    }

    /** The weight of a token in [{@value #FLOOR}, 1]. */
    public double weight(Token t) {
        double base = t.weight();
        if (names == 0 || t.numeric()) {
            return base;
        }
        int df = documentFrequency.getOrDefault(t.rarityKey(), 0);
        double idf = Math.log((names + 1.0) / (df + 1.0));
        double rarity = FLOOR + (1 - FLOOR) * Math.max(0, Math.min(1, (idf - IDF_COMMON) / (IDF_RARE - IDF_COMMON)));
        return Math.min(base, rarity);
    }
}

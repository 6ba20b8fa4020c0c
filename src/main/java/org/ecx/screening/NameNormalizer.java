package org.ecx.screening;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a party name in any script into comparable tokens (see docs/screening.md):
 * <ol>
 * <li>NFKC normalization, then transliteration to ASCII with ICU: Cyrillic by the BGN/PCGN romanization
 * ({@code Ромашка → Romashka}), every other script by {@code Any-Latin; Latin-ASCII} (diacritics dropped);</li>
 * <li>dotted abbreviations joined ({@code S.A. → SA}), apostrophes dropped, other punctuation split words;</li>
 * <li>legal-form words (LLC, Ltd, GmbH, OOO, ZAO, Co., S.A., …) removed: they never make a match;</li>
 * <li>each token gets a <em>phonetic</em> form that folds common romanization variants ({@code kh/h},
 * {@code sh/sch}, {@code ph/f}, {@code q/k}, {@code w/v}, {@code y/i}, doubled letters, …) and a consonant
 * <em>skeleton</em> (first letter plus consonants) that lets vowel-less Arabic transliterations
 * ({@code mhmd}) meet their vocalized romanizations ({@code Muhammad}).</li>
 * </ol>
 * Thread-safe: ICU transliterators are kept per thread.
 */
public final class NameNormalizer {

    /**
     * Version of the key derivation. Stored with every index row; rows of an older version are rebuilt at
     * startup. Bump it whenever this class changes the keys it produces.
     */
    public static final int KEY_VERSION = 1;

    /** Legal-form words: removed before matching (a legal form alone is never a match). */
    static final Set<String> LEGAL_FORMS = Set.of(
            // English / international
            "llc", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "plc", "llp",
            "lp", "pte", "pvt", "pty", "fze", "fzco", "fzc", "fzllc", "fz", "jsc", "ojsc", "cjsc", "pjsc",
            // German, Dutch, Nordic
            "gmbh", "ag", "kg", "ohg", "ug", "mbh", "bv", "nv", "ab", "oy", "oyj", "as", "asa", "aps",
            // Romance
            "sa", "sas", "sarl", "srl", "spa", "sl", "sau", "ltda", "sci", "eurl", "snc", "cie",
            // Central / Eastern Europe (Latin and transliterated Cyrillic)
            "sro", "spzoo", "zoo", "kft", "zrt", "nyrt", "doo", "dd", "ad", "ood", "eood",
            "ooo", "zao", "oao", "pao", "ao", "tov", "ip", "chp", "tdv", "fgup", "gup", "mup",
            // Turkish, Asian
            "ltdsti", "sti", "tic", "kk", "yk", "bhd", "sdn", "tbk", "pt", "cv",
            // Arabic (transliterated): sharika/sharikat = company, mu'assasa = establishment
            "shrkt", "shrka", "mwssa", "sharika", "sharikat", "sharikah", "shirkat", "muassasa", "muassasat", "mwssst");

    /** Frequent words that carry little identity: they count for a fifth of a distinctive word. */
    static final Set<String> GENERIC = Set.of(
            "al", "el", "ul", "bin", "ibn", "bint", "the", "and", "of", "de", "da", "do", "dos", "das", "la", "le",
            "les", "du", "der", "den", "van", "von", "y", "e", "et", "und",
            "trading", "trade", "traders", "group", "international", "intl", "industrial", "industries",
            "industry", "holding", "holdings", "enterprise", "enterprises", "general", "global", "service",
            "services", "technology", "technologies", "tech", "import", "export", "engineering",
            "manufacturing", "commercial", "development", "investment", "investments", "solutions", "systems");

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Pattern ABBREVIATION_DOT = Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`ʻʼʿʾ´]");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String VOWELS = "aeiou";

    private static final ThreadLocal<Transliterator> CYRILLIC = ThreadLocal.withInitial(() -> {
        Transliterator t = Transliterator.getInstance("Russian-Latin/BGN");
        t.setFilter(new UnicodeSet("[:Cyrillic:]").freeze());
        return t;
    });
    private static final ThreadLocal<Transliterator> TO_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));

    private NameNormalizer() {
    }

    /**
     * One token of a normalized name.
     *
     * @param text     ASCII lower-case form
     * @param phonetic the form with romanization variants folded
     * @param skeleton first letter and consonants of the phonetic form
     * @param generic  a low-information word (see {@link #GENERIC})
     * @param abjad    written in a script that omits short vowels (Arabic, Hebrew, …)
     */
    public record Token(String text, String phonetic, String skeleton, boolean generic, boolean abjad) {

        public boolean numeric() {
            return !text.isEmpty() && Character.isDigit(text.charAt(0));
        }

        /** Relative weight in a name score. */
        public double weight() {
            if (generic) {
                return 0.2;
            }
            return text.length() <= 2 && !abjad ? 0.5 : 1.0;
        }
    }

    /** A name as tokens, in their original order; empty when nothing distinctive is left. */
    public record NormalizedName(String original, List<Token> tokens) {

        public boolean isEmpty() {
            return tokens.isEmpty();
        }

        /** Phonetic forms of the tokens, sorted and space-joined: the trigram key of the index. */
        public String nameKey() {
            return tokens.stream().map(Token::phonetic).sorted().reduce((a, b) -> a + " " + b).orElse("");
        }

        /** Skeletons of the distinctive tokens (at least two letters), sorted and space-joined. */
        public String skeletonKey() {
            return tokens.stream().filter(t -> !t.generic() && t.skeleton().length() >= 2).map(Token::skeleton)
                    .sorted().reduce((a, b) -> a + " " + b).orElse("");
        }

        /** The tokens in original order without spaces ({@code Al-Falak} and {@code Alfalak} agree). */
        public String joined() {
            StringBuilder sb = new StringBuilder();
            tokens.forEach(t -> sb.append(t.text()));
            return sb.toString();
        }
    }

    public static NormalizedName normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return new NormalizedName(raw, List.of());
        }
        String s = NFKC.normalize(raw);
        s = ABBREVIATION_DOT.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("");
        List<Token> tokens = new ArrayList<>();
        for (String word : NON_ALNUM.split(s)) {
            if (word.isEmpty()) {
                continue;
            }
            boolean abjad = isAbjad(word);
            if (abjad && word.startsWith("ال") && word.length() > 3) {
                // the Arabic article is written joined to its noun: "الناصر" is "al" + "nasr"
                addToken(tokens, "ال", true);
                word = word.substring(2);
            }
            addToken(tokens, word.replace('ة', 'ا'), abjad);  // ta marbuta is read as a final -a
        }
        boolean anyDistinctive = tokens.stream().anyMatch(t -> !t.generic());
        if (!anyDistinctive) {
            // a name made of generic words only ("Global Trading") is compared on those words
            tokens = tokens.stream().map(t -> new Token(t.text(), t.phonetic(), t.skeleton(), false, t.abjad()))
                    .toList();
        }
        return new NormalizedName(raw, List.copyOf(tokens));
    }

    private static void addToken(List<Token> tokens, String word, boolean abjad) {
        String ascii = TO_ASCII.get().transliterate(CYRILLIC.get().transliterate(word));
        for (String part : NON_ALNUM.split(ascii.toLowerCase(Locale.ROOT))) {
            if (part.isEmpty() || LEGAL_FORMS.contains(part)) {
                continue;
            }
            String phonetic = phonetic(part);
            tokens.add(new Token(part, phonetic, skeleton(phonetic), GENERIC.contains(part), abjad));
        }
    }

    private static boolean isAbjad(String word) {
        int cp = word.codePointAt(0);
        int script = UScript.getScript(cp);
        return script == UScript.ARABIC || script == UScript.HEBREW || script == UScript.SYRIAC
                || script == UScript.THAANA;
    }

    /** Folds romanization variants of one ASCII lower-case token. */
    static String phonetic(String t) {
        if (t.isEmpty() || Character.isDigit(t.charAt(0))) {
            return t;
        }
        String s = t;
        s = s.replace("shch", "S").replace("sch", "S").replace("tsh", "C").replace("sh", "S").replace("tch", "C")
                .replace("ch", "C").replace("dzh", "J").replace("dj", "J").replace("zh", "J").replace("j", "J")
                .replace("tz", "ts");
        s = s.replace("kh", "h").replace("gh", "g").replace("ph", "f").replace("th", "t").replace("ck", "k")
                .replace("q", "k").replace("c", "k").replace("x", "ks").replace("w", "v").replace("y", "i")
                .replace("ou", "u").replace("oo", "u").replace("ee", "i").replace("ue", "u").replace("ae", "e")
                .replace("oe", "o");
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // an "h" after a vowel and before a consonant or the end is a spelling variant: Ghareh/Ghare
            if (c == 'h' && i > 0 && isVowel(s.charAt(i - 1)) && (i + 1 == s.length() || !isVowel(s.charAt(i + 1)))) {
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) == c) {
                continue;
            }
            sb.append(c);
        }
        // placeholders back to letters the folding above has freed: sh → x, ch → c, j/zh → j
        return sb.toString().replace('S', 'x').toLowerCase(Locale.ROOT);
    }

    /**
     * First letter and the consonants after it, without repeats. Arabic writes no p or v ({@code p} is read
     * as {@code b}, {@code v} as {@code f}) and an initial vowel as alef (any initial vowel is {@code a}).
     */
    static String skeleton(String phonetic) {
        if (phonetic.isEmpty() || Character.isDigit(phonetic.charAt(0))) {
            return phonetic;
        }
        phonetic = phonetic.replace('v', 'f').replace('p', 'b');
        StringBuilder sb = new StringBuilder().append(isVowel(phonetic.charAt(0)) ? 'a' : phonetic.charAt(0));
        for (int i = 1; i < phonetic.length(); i++) {
            char c = phonetic.charAt(i);
            if (!isVowel(c) && sb.charAt(sb.length() - 1) != c) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isVowel(char c) {
        return VOWELS.indexOf(Character.toLowerCase(c)) >= 0;
    }
}

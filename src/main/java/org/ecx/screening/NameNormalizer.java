package org.ecx.screening;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public static final int KEY_VERSION = 6;

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
            "shrkt", "shrka", "mwssa", "sharika", "sharikat", "sharikah", "shirkat", "muassasa", "muassasat", "mwssst",
            // "Limited" written in Arabic letters (ليمتد, لمتد, ليميتد)
            "lmtd", "limtd", "limitd");

    /** Frequent words that carry little identity: they count for a fifth of a distinctive word. */
    static final Set<String> GENERIC = Set.of(
            "al", "el", "ul", "bin", "ibn", "bint", "ben", "ould", "abd", "abu", "din", "wa", "the", "and", "of", "de", "da", "do", "dos", "das", "la", "le",
            "les", "du", "der", "den", "van", "von", "y", "e", "et", "und",
            "trading", "trade", "traders", "group", "international", "intl", "industrial", "industries",
            "industry", "holding", "holdings", "enterprise", "enterprises", "general", "global", "service",
            "services", "technology", "technologies", "tech", "import", "export", "engineering",
            "manufacturing", "commercial", "development", "investment", "investments", "solutions", "systems");

    /**
     * Titles and ranks written before a person's name ({@code General}, {@code Col}, {@code Dr}, {@code Sheikh},
     * {@code Mullah}, {@code Haji}, …): not part of the name, but some are name words too ({@code Sheikh} as a family
     * name, {@code Haji} as a nasab word), so they are kept as generic words (a fifth of a distinctive word, never an
     * unpaired distinctive word) rather than dropped. Dropping them was measured too (docs/screening.md §6).
     */
    static final Set<String> TITLES = Set.of("general", "gen", "colonel", "col", "major", "maj", "lieutenant", "lt",
            "captain", "capt", "commander", "cmdr", "brigadier", "sardar", "dr", "doctor", "prof", "professor", "mr",
            "mrs", "ms", "sheikh", "shaykh", "sheik", "shaikh", "mullah", "mulla", "maulvi", "mawlawi", "maulana",
            "qari", "chief", "eng", "engineer", "hajji", "haji", "hadji", "haj", "hajj");
    /**
     * Generational suffixes ({@code III}, {@code IV}): not part of the name either, dropped after the first word.
     * {@code Jr} and {@code Sr} are kept (on the tuning half dropping them cost partial names and added decoys), and
     * so is {@code II}, also a misread Korean syllable {@code Il}.
     */
    static final Set<String> GENERATIONS = Set.of("iii", "iv");

    /** Articles written apart or hyphenated ({@code al-}, {@code el-}): dropped, so that {@code Al Noor} is {@code Noor}. */
    static final Set<String> ARTICLES = Set.of("al", "el", "ul");
    /**
     * The article assimilated to a sun letter ({@code ar-Rahman}, {@code ad-Din}, {@code as-Salam}): dropped
     * between two words when the next word starts with its consonant.
     */
    private static final Set<String> ASSIMILATED_ARTICLES = Set.of("ar", "ur", "er", "ad", "ud", "ed", "as", "us",
            "es", "ash", "ush", "esh", "at", "ut", "et", "az", "uz", "ez", "an", "un", "en", "al", "el", "ul", "il", "l");
    /** Spellings of {@code Abd} (servant of) and {@code Abu} (father of), the first word of a compound name. */
    private static final Set<String> ABD = Set.of("abd", "abdul", "abdel", "abdal", "abdol", "abdur", "abdu", "abdil",
            "abdus", "abdoul", "abdoel", "abdar", "abdin");
    private static final Set<String> ABU = Set.of("abu", "abou", "abul", "abo", "aboul", "abol");
    /** The same prefixes written joined to the name, longest first ({@code Abdulrahman → abd rahman}). */
    private static final List<String> ABD_PREFIXES = List.of("abdoul", "abdoel", "abdul", "abdel", "abdal", "abdol",
            "abdur", "abdus", "abdar", "abdil", "abdu", "abd");
    private static final List<String> ABU_PREFIXES = List.of("aboul", "abul", "abou", "abol", "abu");
    /** Spellings of the name of God ending a compound ({@code Nasrallah}, {@code Habibullah}, {@code Hibat Allah}). */
    private static final List<String> ALLAH_SUFFIXES = List.of("allah", "ullah", "ollah", "illah", "alla", "ulla", "olla",
            "ulah", "olah", "allh");
    private static final Set<String> ALLAH = Set.of("allah", "ullah", "ollah", "illah", "alla", "ulla", "olla", "allh",
            "llah", "lah");
    /** Spellings of {@code al-Din} written joined ({@code Saifuddin}, {@code Nasreddine}): split into X + din. */
    private static final List<String> DIN_SUFFIXES = List.of("ouddine", "uddine", "eddine", "iddine", "oudine", "uddin",
            "eddin", "addin", "aldin", "aldine", "eldin", "eldine", "uldin", "oddin", "iddin", "udin", "edine", "edin");
    /** {@code al-Din} written as a word of its own with the article joined ({@code Nasr Eddine}): {@code din}. */
    private static final Set<String> DIN_WORDS = Set.of("ouddine", "uddine", "eddine", "iddine", "uddin", "eddin",
            "addin", "aldin", "aldine", "eldin", "eldine", "uldin", "oddin", "iddin", "addine");
    /** {@code bin al-X} written as one word ({@code Binalqatrani}, invented): split into bin + X. */
    private static final List<String> BIN_AL_PREFIXES = List.of("binal", "benal", "bnal", "ibnal", "binel", "benel");

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Pattern ABBREVIATION_DOT = Pattern.compile("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)");
    /** A generational note in parentheses after a name ({@code Qeltani III (third)}): not part of the name. */
    private static final Pattern ORDINAL_NOTE = Pattern.compile("(?i)\\((?:second|third|fourth|2nd|3rd|4th)\\)");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`ʻʼʿʾ´]");
    /** Ayn, hamza and their kin as ICU's Arabic-Latin writes them (U+02BE, U+02BF, U+02B1, U+02BC, U+02BB, U+02C0). */
    private static final Pattern ARABIC_MARKS = Pattern.compile("[\u02BE\u02BF\u02B1\u02BC\u02BB\u02C0\u02C1]");
    /** Arabic short-vowel signs, shadda, sukun and tatweel: not letters, they must not split a word ({@code عُمر}). */
    private static final Pattern ARABIC_VOWEL_SIGNS = Pattern.compile("[\u064B-\u065F\u0670\u0640]");
    private static final Pattern SOFT_C = Pattern.compile("c(?=[eiy])");
    private static final Pattern FINAL_H = Pattern.compile("(?<=[aeiou])h$");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String VOWELS = "aeiou";
    /** Consonants an article assimilates to, written doubled after {@code e} when it is joined ({@code Essaid}). */
    private static final String ASSIMILATING = "stdrzn";

    private static final ThreadLocal<Transliterator> CYRILLIC = ThreadLocal.withInitial(() -> {
        Transliterator t = Transliterator.getInstance("Russian-Latin/BGN");
        t.setFilter(new UnicodeSet("[:Cyrillic:]").freeze());
        return t;
    });
    private static final ThreadLocal<Transliterator> TO_LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin"));
    private static final ThreadLocal<Transliterator> LATIN_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));

    private NameNormalizer() {
    }

    /**
     * One token of a normalized name.
     *
     * @param text     ASCII lower-case form (Arabic-script words with ayn/hamza dropped and long waw/ya as u/i)
     * @param phonetic the form with romanization variants folded
     * @param skeleton first letter (any vowel as {@code a}) and consonants, semi-vowels w/y left out; then,
     *                 each after a {@code |}, the other readings of letters that romanizations render two ways
     *                 (see {@link #skeletons()})
     * @param generic  a low-information word (see {@link #GENERIC})
     * @param abjad    written in a script that omits short vowels (Arabic, Hebrew, …)
     * @param next     the text of the following token, or empty: {@code text + next} is a key too, so that
     *                 {@code Sun Rise} and {@code Sunrise} find each other
     * @param written  the written word this token was split or respelled from ({@code abdoulaye} for both
     *                 {@code abd} and {@code aye}), or empty: a typo inside a compound is found on this form
     */
    public record Token(String text, String phonetic, String skeleton, boolean generic, boolean abjad, String next,
            String written) {

        public Token(String text, String phonetic, String skeleton, boolean generic, boolean abjad) {
            this(text, phonetic, skeleton, generic, abjad, "", "");
        }

        /**
         * The texts under which this token must be findable by edit distance: its text and, for a part of a
         * compound, the written word ({@link NameMatcher} pairs a word within the edit budget of it with the
         * whole compound).
         */
        public List<String> texts() {
            return written.isEmpty() || written.equals(text) ? List.of(text) : List.of(text, written);
        }

        public boolean numeric() {
            return !text.isEmpty() && Character.isDigit(text.charAt(0));
        }

        /** Relative weight in a name score when nothing is known of how rare the word is. */
        public double weight() {
            if (generic) {
                return 0.2;
            }
            return text.length() <= 2 && !abjad ? 0.5 : 1.0;
        }

        /**
         * The text without a joined article ({@code alnoor → noor}), also when the article is assimilated to a
         * doubled first consonant ({@code essaid → said}, {@code echcherif → cherif}), or the text itself.
         */
        public String core() {
            if (text.length() < 6) {
                return text;
            }
            if (text.startsWith("al") || text.startsWith("el")) {
                return text.substring(2);
            }
            if (text.charAt(0) == 'e') {
                char c = text.charAt(1);
                if (ASSIMILATING.indexOf(c) >= 0 && text.charAt(2) == c) {
                    return text.substring(2);
                }
                if (text.length() >= 7 && (text.startsWith("sh", 1) || text.startsWith("ch", 1))
                        && (text.startsWith("sh", 3) || text.startsWith("ch", 3))) {
                    return text.substring(3);
                }
            }
            return text;
        }

        /**
         * For a Latin word of 2 to 5 letters (a syllable of a Korean name), the form on which the two Korean
         * romanizations agree: an initial {@code ch} as {@code j}, initial {@code k}, {@code t}, {@code p} as
         * {@code g}, {@code d}, {@code b}, {@code eo}/{@code eu} as {@code o}/{@code u} (McCune-Reischauer
         * {@code Ch'ong}, {@code Kuk} against Revised {@code Jong}, {@code Guk}); empty for any other word.
         */
        public String korean() {
            if (abjad || text.length() < 2 || text.length() > 5 || numeric()) {
                return "";
            }
            String k = text.replace("eo", "o").replace("eu", "u");
            if (k.startsWith("ch")) {
                k = "j" + k.substring(2);
            } else {
                int i = "ktp".indexOf(k.charAt(0));
                k = i < 0 ? k : "gdb".charAt(i) + k.substring(1);
            }
            return k;
        }

        /** The first consonant skeleton: the word's reading. */
        public String primarySkeleton() {
            int bar = skeleton.indexOf('|');
            return bar < 0 ? skeleton : skeleton.substring(0, bar);
        }

        /**
         * Every consonant skeleton of the word: its reading, then the readings of letters romanized two ways. For a
         * word in Arabic script: ض as {@code z} (Persian, Urdu) besides {@code d}, ق and ك as {@code g} besides
         * {@code k}. For a Latin word: its digraphs as two letters ({@code Ishak} for اسحاق, {@code Mikhalati} for
         * مكحلاتي); {@code dh} as ض, a soft {@code c} as {@code s}, {@code ch} as خ and a final {@code -ah}/{@code -ih}
         * as ta marbuta ({@code Ramdhan}, {@code Bougacem}, {@code Marich}, {@code Hamdah}); and the word without
         * its joined article ({@code Essaid}). {@link NameMatcher} compares them across scripts only.
         */
        public List<String> skeletons() {
            return skeleton.indexOf('|') < 0 ? List.of(skeleton) : List.of(skeleton.split("\\|"));
        }

        /** The key under which the rarity of this word is counted: its phonetic form. */
        public String rarityKey() {
            return "p:" + phonetic;
        }

        /**
         * The exact-match keys under which this token must be findable: the text, the phonetic form, the
         * consonant skeleton (3 letters or more, or 2 for an abjad word), and the text joined with the next
         * token. Every positive token similarity of {@link NameMatcher} rests on a shared key or on texts within
         * {@link NameMatcher#editBudget(int)} edits.
         */
        public List<String> indexKeys() {
            List<String> keys = new ArrayList<>(4);
            keys.add("t:" + text);
            if (numeric()) {
                return keys;
            }
            keys.add("p:" + phonetic);
            for (String s : skeletons()) {
                if (s.length() >= 2) {
                    keys.add("s:" + s);
                }
            }
            if (!core().equals(text)) {
                keys.add("t:" + core());
            }
            String korean = korean();
            if (!korean.isEmpty()) {
                keys.add("k:" + korean);
            }
            if (text.length() == 2 && !abjad) {
                keys.add("d:" + text);
            } else if (text.length() == 3) {
                deletions(text).forEach(d -> keys.add("d:" + d));
            }
            if (!next.isEmpty()) {
                keys.add("t:" + text + next);
                keys.add("p:" + phonetic + NameNormalizer.phonetic(next));
                if (abjad) {
                    // two words in Arabic script written as one in Latin letters (شیر جان / Sherjan)
                    keys.add("s:" + joinedSkeleton(this, next));
                }
            }
            return keys;
        }
    }

    /**
     * The skeleton of an Arabic-script word and the next one written as one word in Latin letters: the reading
     * of the joined transliteration ({@link NameMatcher} joins them when it equals a reading of the other side).
     */
    static String joinedSkeleton(Token first, String next) {
        return skeleton(first.text() + next);
    }

    /** The words one letter shorter than {@code text}, without repeats. */
    static List<String> deletions(String text) {
        List<String> out = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            String d = text.substring(0, i) + text.substring(i + 1);
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
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
            return tokens.stream().filter(t -> !t.generic() && t.primarySkeleton().length() >= 2)
                    .map(Token::primarySkeleton)
                    .sorted().reduce((a, b) -> a + " " + b).orElse("");
        }

        /** The tokens in original order without spaces ({@code Al-Falak} and {@code Alfalak} agree). */
        public String joined() {
            StringBuilder sb = new StringBuilder();
            tokens.forEach(t -> sb.append(t.text()));
            return sb.toString();
        }

        /** Whether any token was written in an abjad script (a cross-script comparison is weaker evidence). */
        public boolean abjad() {
            return tokens.stream().anyMatch(Token::abjad);
        }

        /** Name-level keys: the spaceless concatenation, for names split into words differently on each side. */
        public List<String> nameKeys() {
            return tokens.size() < 2 ? List.of() : List.of("j:" + joined());
        }

        /** Every key of every token, then the name keys, without repeats. */
        public Set<String> allKeys() {
            Set<String> keys = new java.util.LinkedHashSet<>();
            tokens.forEach(t -> keys.addAll(t.indexKeys()));
            keys.addAll(nameKeys());
            return keys;
        }
    }

    public static NormalizedName normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return new NormalizedName(raw, List.of());
        }
        String s = NFKC.normalize(raw);
        s = ABBREVIATION_DOT.matcher(s).replaceAll("");
        s = ORDINAL_NOTE.matcher(s).replaceAll(" ");
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = ARABIC_VOWEL_SIGNS.matcher(s).replaceAll("");
        List<String> words = new ArrayList<>();
        List<Boolean> abjads = new ArrayList<>();
        Map<String, String> arabicSkeletons = new HashMap<>();
        for (String word : NON_ALNUM.split(s)) {
            if (word.isEmpty()) {
                continue;
            }
            boolean abjad = isAbjad(word);
            if (abjad) {
                word = arabicLetters(word);
            }
            if (abjad && word.equals("و")) {
                words.add("wa");  // "and", written apart
                abjads.add(true);
                continue;
            }
            if (abjad && word.length() >= 6 && word.startsWith("وال")) {
                // "and the X" written as one word (والنور): the conjunction and the article joined to the noun
                word = word.substring(1);
            }
            if (abjad && word.length() >= 7 && word.startsWith("عبدال") && !word.startsWith("عبدالله")) {
                // Abd al-X written as one word before a short name (عبدالرب): abd + X
                words.add("abd");
                abjads.add(true);
                word = word.substring(5);
            }
            if (abjad && word.equals("الله")) {
                words.add("allah");
                abjads.add(true);
                continue;
            }
            if (abjad && word.startsWith("ال") && word.length() > 3 && !word.startsWith("الله")) {
                // the Arabic article is written joined to its noun: "الناصر" is "al" + "nasr"
                words.add("al");
                abjads.add(true);
                word = word.substring(2);
            }
            if (abjad && word.length() >= 4 && word.endsWith("ه")) {
                word = word.substring(0, word.length() - 1) + "ة";  // a final ha written for ta marbuta: حماده
            }
            List<String> parts = transliterate(word.replace('ة', 'ا'), abjad);  // ta marbuta is read as a final -a
            if (abjad && parts.size() == 1) {
                arabicSkeletons.put(parts.get(0), arabicSkeleton(word));
            }
            for (String part : parts) {
                if (!LEGAL_FORMS.contains(part)) {
                    words.add(part);
                    abjads.add(abjad);
                }
            }
        }
        dropMisspelledLegalForm(words, abjads);
        dropGenerations(words, abjads);
        List<String> written = new ArrayList<>();
        List<Token> tokens = tokens(compounds(words, abjads, written), abjads, written, arabicSkeletons);
        boolean anyDistinctive = tokens.stream().anyMatch(t -> !t.generic());
        if (!anyDistinctive) {
            // a name made of generic words only ("Global Trading") is compared on those words
            tokens = tokens.stream()
                    .map(t -> new Token(t.text(), t.phonetic(), t.skeleton(), false, t.abjad(), t.next(), t.written()))
                    .toList();
        }
        return new NormalizedName(raw, List.copyOf(tokens));
    }

    /** One token of the given text as {@link #normalize} would build it (used for joined words). */
    static Token token(String text, boolean abjad) {
        String phonetic = phonetic(text);
        return new Token(text, phonetic, skeletons(text), generic(text), abjad, "", "");
    }

    /**
     * A last word one typo away from a common legal form ({@code Ltd}, {@code LLC}, {@code Inc}, {@code Company},
     * …) is that legal form misspelt ({@code Machanga Lte}) and is dropped, when the name has other words.
     */
    static void dropMisspelledLegalForm(List<String> words, List<Boolean> abjads) {
        int last = words.size() - 1;
        if (last < 1 || abjads.get(last)) {
            return;
        }
        String w = words.get(last);
        if (w.length() < 3 || Character.isDigit(w.charAt(0))) {
            return;
        }
        for (String form : TYPO_LEGAL_FORMS) {
            if (Math.abs(form.length() - w.length()) <= 1 && NameMatcher.damerau(w, form, 1) == 1) {
                words.remove(last);
                abjads.remove(last);
                return;
            }
        }
    }

    /** Whether a word is generic: a {@link #GENERIC} word or a {@link #TITLES title}. */
    static boolean generic(String w) {
        return GENERIC.contains(w) || TITLES.contains(w);
    }

    /** A generational suffix ({@link #GENERATIONS}) in Latin letters after the first word is dropped. */
    static void dropGenerations(List<String> words, List<Boolean> abjads) {
        for (int i = words.size() - 1; i > 0; i--) {
            if (GENERATIONS.contains(words.get(i)) && !abjads.get(i)) {
                words.remove(i);
                abjads.remove(i);
            }
        }
    }

    /** The legal forms whose misspelling {@link #dropMisspelledLegalForm} recognizes: frequent, and no name's spelling. */
    private static final List<String> TYPO_LEGAL_FORMS = List.of("ltd", "llc", "inc", "corp", "company", "corporation",
            "limited", "gmbh", "incorporated");

    private static List<Token> tokens(List<String> words, List<Boolean> abjads, List<String> written,
            Map<String, String> arabicSkeletons) {
        List<Token> tokens = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean abjad = abjads.get(Math.min(i, abjads.size() - 1));
            String next = i + 1 < words.size() ? words.get(i + 1) : "";
            String skeleton = abjad ? arabicSkeletons.getOrDefault(w, skeleton(w)) : skeletons(w);
            tokens.add(new Token(w, phonetic(w), skeleton, generic(w), abjad, next, written.get(i)));
        }
        return tokens;
    }

    /** ASCII lower-case words of one written word; Arabic-script words also lose ayn/hamza and read w/y as vowels. */
    private static List<String> transliterate(String word, boolean abjad) {
        String latin = TO_LATIN.get().transliterate(CYRILLIC.get().transliterate(word));
        // ayn and hamza survive transliteration as modifier letters: an initial one is the alef of the
        // word (any vowel), elsewhere the mark is dropped
        if (!latin.isEmpty() && ARABIC_MARKS.matcher(latin.substring(0, 1)).matches()) {
            latin = latin.length() > 1 && isVowel(latin.charAt(1)) ? latin.substring(1) : "a" + latin.substring(1);
        }
        latin = ARABIC_MARKS.matcher(latin).replaceAll("");
        String ascii = LATIN_ASCII.get().transliterate(latin).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>(2);
        for (String part : NON_ALNUM.split(ascii)) {
            if (!part.isEmpty()) {
                out.add(abjad ? longVowels(part) : part);
            }
        }
        return out;
    }

    /** Arabic script writes long vowels with waw and ya: after the first letter, w reads u and y reads i. */
    static String longVowels(String t) {
        if (t.length() < 2) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length()).append(t.charAt(0));
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean beforeVowel = i + 1 < t.length() && isVowel(t.charAt(i + 1));
            sb.append(c == 'w' && !beforeVowel ? 'u' : c == 'y' && !beforeVowel ? 'i' : c);
        }
        return sb.toString();
    }

    /**
     * Writes Arabic compounds the same way whatever the spelling, as separate words so that word order does
     * not matter: {@code Abd al-X}, {@code Abdul X}, {@code Abdel-X} and {@code AbdulX} all become
     * {@code abd X}; {@code Abu X}, {@code Abul X} and {@code AbuX} become {@code abu X}; {@code X al-Din} and
     * {@code Xuddin} become {@code X din}; {@code X Allah}, {@code X-ullah} and {@code Xullah} become the one
     * word {@code Xallah} ({@code Abdullah} is {@code abd allah}). Articles between two words are dropped.
     * {@code written} receives, per word returned, the written word it was split or respelled from (or empty).
     */
    static List<String> compounds(List<String> words, List<Boolean> abjads, List<String> written) {
        List<String> out = new ArrayList<>(words.size());
        List<Boolean> outAbjad = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            String w = allah(words.get(i));
            boolean abjad = abjads.get(i);
            boolean hasNext = i + 1 < words.size();
            if (w.equals("allah") && !out.isEmpty() && !out.get(out.size() - 1).equals("abd")) {
                // "Hibat Allah", "Nasr Allah": the name of God ends the compound
                out.set(out.size() - 1, out.get(out.size() - 1) + "allah");
                written.set(out.size() - 1, "");
                continue;
            }
            if (hasNext && (ARTICLES.contains(w) || ASSIMILATED_ARTICLES.contains(w) && !out.isEmpty()
                    && words.get(i + 1).startsWith(w.substring(w.length() - 1)))) {
                continue;
            }
            List<String> parts = split(w);
            for (String part : parts) {
                out.add(part);
                outAbjad.add(abjad);
                written.add(parts.size() > 1 || !part.equals(words.get(i)) ? words.get(i) : "");
            }
        }
        abjads.clear();
        abjads.addAll(outAbjad);
        return out;
    }

    /** One word as the words of its compound: {@code abdulrahman → abd rahman}, {@code saifuddin → saif din}. */
    private static List<String> split(String w) {
        if (w.equals("bn") || w.equals("ibn")) {
            return List.of("bin");  // "son of", as Arabic script writes it without vowels
        }
        if (w.equals("wld") || w.equals("uld") || w.equals("walad")) {
            return List.of("ould");
        }
        if (ABD.contains(w)) {
            return List.of("abd");
        }
        if (ABU.contains(w)) {
            return List.of("abu");
        }
        if (DIN_WORDS.contains(w)) {
            return List.of("din");
        }
        for (String p : BIN_AL_PREFIXES) {
            if (w.startsWith(p) && w.length() - p.length() >= 4) {
                return List.of("bin", w.substring(p.length()));
            }
        }
        if (w.startsWith("abd") && w.endsWith("allah") && w.length() <= 10) {
            return List.of("abd", "allah");
        }
        if (w.length() >= 6 && w.startsWith("ab")) {
            for (String p : ABD_PREFIXES) {
                if (w.startsWith(p) && w.length() - p.length() >= 3) {
                    return List.of("abd", allah(stripArticle(w.substring(p.length()))));
                }
            }
            for (String p : ABU_PREFIXES) {
                if (w.startsWith(p) && w.length() - p.length() >= 3) {
                    return List.of("abu", stripArticle(w.substring(p.length())));
                }
            }
        }
        for (String suffix : DIN_SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                return List.of(w.substring(0, w.length() - suffix.length()), "din");
            }
        }
        return List.of(w);
    }

    /** The canonical spelling of a word ending in the name of God: {@code Abdullah → abdallah}. */
    static String allah(String w) {
        if (ALLAH.contains(w)) {
            return "allah";
        }
        for (String suffix : ALLAH_SUFFIXES) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                return w.substring(0, w.length() - suffix.length()) + "allah";
            }
        }
        return w;
    }

    /** A joined article after a compound prefix: {@code alrahman → rahman}. */
    private static String stripArticle(String w) {
        if (w.length() >= 5 && (w.startsWith("al") || w.startsWith("el") || w.startsWith("ul")) && !w.equals("allah")) {
            return w.substring(2);
        }
        return w;
    }

    /**
     * Persian, Urdu and Pashto letters that ICU romanizes otherwise than the lists do (ځ as {@code dz}, ښ with a
     * modifier letter, ہ and ھ as a mark, ے as {@code ai}), written as the Arabic letters the lists read them as;
     * a final alef maqsura (ى) is the vowel {@code a}.
     */
    static String arabicLetters(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int k = PERSIAN_LETTERS.indexOf(c);
            sb.append(k >= 0 ? AS_ARABIC.charAt(k) : c == 'ى' && i == word.length() - 1 ? 'ا' : c);
        }
        return sb.toString();
    }

    private static final String PERSIAN_LETTERS = "ځښږہۀۃھےۍېٹټڈډڑړڼګ";
    private static final String AS_ARABIC = "زشژههةهییيتتددررنگ";

    private static boolean isAbjad(String word) {
        int cp = word.codePointAt(0);
        int script = UScript.getScript(cp);
        return script == UScript.ARABIC || script == UScript.HEBREW || script == UScript.SYRIAC
                || script == UScript.THAANA;
    }

    /** Folds romanization variants of one ASCII lower-case token. */
    static String phonetic(String t) {
        return phonetic(t, true);
    }

    /** @param silentH whether an h after a vowel and before a consonant is dropped (not in skeletons: Arabic writes it) */
    private static String phonetic(String t, boolean silentH) {
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
            if (silentH && c == 'h' && i > 0 && isVowel(s.charAt(i - 1)) && (i + 1 == s.length() || !isVowel(s.charAt(i + 1)))) {
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
     * First letter and the consonants after it, without repeats, computed on the phonetic form of the text.
     * Arabic writes no p or v ({@code p} is read as {@code b}, {@code v} as {@code f}), an initial vowel is
     * alef (any initial vowel is {@code a}), and the semi-vowels w and y are left out (they are long vowels
     * in one spelling and consonants in another: {@code Marwan}/{@code mruan}, {@code Yusuf}/{@code yusf}).
     */
    static String skeleton(String text) {
        if (text.isEmpty() || Character.isDigit(text.charAt(0))) {
            return text;
        }
        return classes(text, LATIN_CLASSES);
    }

    private static String classes(String text, String[][] classes) {
        if (text.isEmpty() || Character.isDigit(text.charAt(0))) {
            return text;
        }
        String t = text.replace('w', 'u').replace('y', 'i');
        for (String[] r : classes) {
            t = t.replace(r[0], r[1]);
        }
        return collapse(t);
    }

    /** The classes of {@link #LATIN_CLASSES} letter by letter: no digraph is one sound. */
    private static final String[][] LATIN_LETTERS = {{"q", "k"}, {"c", "k"}, {"x", "kS"}, {"s", "S"}, {"z", "S"},
            {"v", "f"}, {"p", "b"}};

    /**
     * The skeleton of a Latin word and, after a {@code |} each, its other readings (see {@link Token#skeletons()}):
     * the digraphs as two letters; {@code dh} as {@code d}, a soft {@code c} as {@code s}, {@code ch} as {@code h}
     * and a final vowel and {@code h} without the {@code h}; the word without a joined article.
     */
    static String skeletons(String text) {
        String primary = skeleton(text);
        if (primary.length() < 2) {
            return primary;
        }
        Set<String> readings = new java.util.LinkedHashSet<>(4);
        readings.add(primary);
        if (text.indexOf('h') >= 0 || text.indexOf('c') >= 0 || text.contains("ts") || text.contains("dj")) {
            // only a digraph, a soft c or a final h read otherwise (the common case skips this work)
            String variant = SOFT_C.matcher(FINAL_H.matcher(text.replace("dh", "d")).replaceAll("")).replaceAll("s")
                    .replace("ch", "h");
            // a reading shorter than 3 letters would meet too many words (allah read as al would meet Ali)
            for (String r : List.of(classes(text, LATIN_LETTERS), skeleton(variant))) {
                if (r.length() >= 3) {
                    readings.add(r);
                }
            }
        }
        String core = new Token(text, "", "", false, false).core();
        if (!core.equals(text) && skeleton(core).length() >= 2) {
            readings.add(skeleton(core));  // the name itself, after a joined article: 2 letters are enough
        }
        if (readings.size() == 1) {
            return primary;
        }
        return String.join("|", readings);
    }

    /**
     * Latin spellings to consonant classes that Arabic letters also map to (see {@link #ARABIC_CLASSES}): the
     * sibilants and interdentals (s, z, th, dh) are one class {@code S}, because romanizations of ث, ذ, ز, ظ, س,
     * ص disagree; sh and French ch are {@code X}; kh is h; q, c and k are k; v is f and p is b.
     */
    private static final String[][] LATIN_CLASSES = {{"sch", "X"}, {"tch", "X"}, {"sh", "X"}, {"ch", "X"},
            {"kh", "h"}, {"gh", "g"}, {"th", "S"}, {"dh", "S"}, {"ph", "f"}, {"dzh", "j"}, {"dj", "j"}, {"zh", "j"},
            {"ck", "k"}, {"q", "k"}, {"c", "k"}, {"x", "kS"}, {"ts", "S"}, {"s", "S"}, {"z", "S"}, {"v", "f"},
            {"p", "b"}};

    /** Arabic and Persian letters to the same consonant classes; long vowels, ayn, hamza and ta marbuta are vowels. */
    private static final String ARABIC_LETTERS = "بتثجحخدذرزسشصضطظغفقكلمنهپچژگکھ";
    private static final String ARABIC_CLASSES = "btSjhhdSrSSXSdtSgfkklmnhbXjgkh";

    /** Letters that romanizations of Arabic-script names render two ways, and their second class: ض, ق, ك, ک. */
    private static final String TWO_READINGS = "ضقكک";
    private static final String SECOND_CLASS = "Sggg";

    /**
     * The skeleton of a word in Arabic script, read from its letters, then after a {@code |} each the readings
     * with one of {@link #TWO_READINGS} in its second class: ض as {@code z} in Persian and Urdu names, ق as
     * {@code g} in Maghrebi and Gulf ones ({@code Bougacem}), ك as {@code g} where Persian گ is written without
     * its second stroke (گل written كل).
     */
    static String arabicSkeleton(String word) {
        StringBuilder all = new StringBuilder(arabicReading(word, (char) 0));
        for (int i = 0; i < TWO_READINGS.length(); i++) {
            char letter = TWO_READINGS.charAt(i);
            if (word.indexOf(letter) >= 0) {
                all.append('|').append(arabicReading(word, letter));
            }
        }
        return all.toString();
    }

    private static String arabicReading(String word, char second) {
        StringBuilder t = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            int k = ARABIC_LETTERS.indexOf(c);
            t.append(c == second ? SECOND_CLASS.charAt(TWO_READINGS.indexOf(c))
                    : k >= 0 ? ARABIC_CLASSES.charAt(k) : Character.isLetter(c) ? 'a' : ' ');
        }
        return collapse(t.toString().replace(" ", ""));
    }

    /** First letter (a vowel as {@code a}), then the consonants without repeats. */
    private static String collapse(String t) {
        if (t.isEmpty()) {
            return t;
        }
        StringBuilder sb = new StringBuilder().append(isVowel(t.charAt(0)) ? 'a' : t.charAt(0));
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
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

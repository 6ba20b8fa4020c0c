package org.ecx.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates party names and their spelling variants for the matching-quality test and the benchmark: no
 * real list is involved. Words are built from syllables that exist in three writings: a BGN/PCGN-style
 * Latin romanization, Cyrillic, and Arabic (consonants only, as Arabic is usually written), plus an
 * alternative romanization (kh/h, sh/sch, ya/ja, ts/tz, zh/j, …). A name is 1–3 such words, sometimes a
 * generic word (Trading, Group) and a legal form.
 */
public final class SyntheticNames {

    /** latin, alternative romanization, Cyrillic, Arabic. */
    private static final String[][] SYLLABLES = {
        {"ra", "ra", "ра", "ر"}, {"ma", "ma", "ма", "م"}, {"sha", "scha", "ша", "ش"}, {"kho", "ho", "хо", "خ"},
        {"zhe", "je", "же", "ج"}, {"ya", "ja", "я", "ي"}, {"tsa", "tza", "ца", "تس"}, {"ro", "ro", "ро", "ر"},
        {"vi", "wi", "ви", "ف"}, {"ko", "co", "ко", "ك"}, {"na", "na", "на", "ن"}, {"lu", "lou", "лу", "ل"},
        {"de", "de", "де", "د"}, {"bo", "bo", "бо", "ب"}, {"ta", "ta", "та", "ت"}, {"ri", "ri", "ри", "ر"},
        {"sa", "sa", "са", "س"}, {"ga", "gha", "га", "غ"}, {"mi", "mee", "ми", "م"}, {"ku", "qu", "ку", "ق"},
        {"fa", "pha", "фа", "ف"}, {"zi", "zi", "зи", "ز"}, {"chi", "tchi", "чи", "تش"}, {"dor", "dorr", "дор", "در"},
        {"lin", "linn", "лин", "لن"}, {"vek", "wek", "век", "فك"}, {"nur", "noor", "нур", "نر"}, {"sel", "sell", "сел", "سل"},
        {"bar", "bar", "бар", "بر"}, {"kem", "kem", "кем", "كم"}, {"tul", "tool", "тул", "تل"}, {"pe", "pe", "пе", "ب"},
        {"dra", "dra", "дра", "در"}, {"mus", "mous", "мус", "مس"}, {"gor", "gor", "гор", "غر"}, {"ham", "ham", "хам", "هم"},
        {"yu", "ju", "ю", "ي"}, {"kir", "kir", "кир", "كر"}, {"sto", "sto", "сто", "ست"}, {"nev", "new", "нев", "نف"},
        {"bel", "bell", "бел", "بل"}, {"zak", "zaq", "зак", "زك"}, {"ost", "ost", "ост", "است"}, {"rin", "rinn", "рин", "رن"},
    };
    private static final String[] GENERIC = {"Trading", "Group", "International", "Industries", "Technologies", "Holding"};
    private static final String[] LEGAL = {"LLC", "Ltd", "GmbH", "OOO", "ZAO", "Co.", "S.A.", "Corp.", "Inc.", "JSC"};
    private static final String ACCENTED = "áéíóú";

    private final Random random;

    public SyntheticNames(long seed) {
        this.random = new Random(seed);
    }

    /** A word in its four writings. */
    public record Word(String latin, String alternative, String cyrillic, String arabic) {
    }

    /** A generated name: distinctive words, an optional generic word and legal form. */
    public record Name(List<Word> words, String generic, String legal) {

        public String latin() {
            return join(words.stream().map(w -> capitalize(w.latin())).toList());
        }

        public String cyrillic() {
            return join(words.stream().map(w -> capitalize(w.cyrillic())).toList());
        }

        /**
         * In Arabic script, or null when a word has fewer than two distinct consonants there (such a word is
         * a single letter or a doubled one in Arabic: no romanization can be told from it).
         */
        public String arabic() {
            for (Word w : words) {
                if (w.arabic().codePoints().distinct().count() < 2) {
                    return null;
                }
            }
            return String.join(" ", words.stream().map(Word::arabic).toList());
        }

        public String alternative() {
            return join(words.stream().map(w -> capitalize(w.alternative())).toList());
        }

        private String join(List<String> parts) {
            List<String> all = new ArrayList<>(parts);
            if (generic != null) {
                all.add(generic);
            }
            if (legal != null) {
                all.add(legal);
            }
            return String.join(" ", all);
        }
    }

    public Word word() {
        int n = 2 + random.nextInt(2);
        StringBuilder latin = new StringBuilder();
        StringBuilder alt = new StringBuilder();
        StringBuilder cyr = new StringBuilder();
        StringBuilder ar = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String[] s = SYLLABLES[random.nextInt(SYLLABLES.length)];
            latin.append(s[0]);
            alt.append(s[1]);
            cyr.append(s[2]);
            ar.append(s[3]);
        }
        return new Word(latin.toString(), alt.toString(), cyr.toString(), ar.toString());
    }

    public Name name() {
        boolean company = random.nextInt(3) > 0;
        int words = company ? 1 + random.nextInt(2) : 2 + random.nextInt(2);
        List<Word> ws = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            ws.add(word());
        }
        String generic = company && random.nextBoolean() ? GENERIC[random.nextInt(GENERIC.length)] : null;
        String legal = company ? LEGAL[random.nextInt(LEGAL.length)] : null;
        return new Name(ws, generic, legal);
    }

    /** The same name with another legal form (or none). */
    public String otherLegalForm(Name n) {
        String legal = random.nextBoolean() ? LEGAL[random.nextInt(LEGAL.length)] : null;
        return new Name(n.words(), n.generic(), legal).latin();
    }

    /** The words in another order, upper case, with punctuation. */
    public String reordered(Name n) {
        List<String> parts = new ArrayList<>(n.words().stream().map(Word::latin).toList());
        Collections.rotate(parts, 1);
        return (String.join(", ", parts) + (n.legal() == null ? "" : " - " + n.legal())).toUpperCase(Locale.ROOT);
    }

    /** One accent added and hyphens between words. */
    public String diacritics(Name n) {
        String latin = n.latin().replace(' ', '-');
        int i = latin.indexOf('a');
        if (i > 0) {
            latin = latin.substring(0, i) + ACCENTED.charAt(0) + latin.substring(i + 1);
        }
        return Normalizer.normalize(latin, Normalizer.Form.NFD);
    }

    /** One substitution, insertion, deletion or transposition inside the longest word (null below 6 letters). */
    public String typo(Name n) {
        List<String> words = new ArrayList<>(n.words().stream().map(w -> capitalize(w.latin())).toList());
        int longest = 0;
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).length() > words.get(longest).length()) {
                longest = i;
            }
        }
        String w = words.get(longest);
        if (w.length() < 6) {
            return null;
        }
        int p = 1 + random.nextInt(w.length() - 2);
        String typo = switch (random.nextInt(4)) {
            case 0 -> w.substring(0, p) + (char) ('a' + random.nextInt(26)) + w.substring(p + 1);
            case 1 -> w.substring(0, p) + (char) ('a' + random.nextInt(26)) + w.substring(p);
            case 2 -> w.substring(0, p) + w.substring(p + 1);
            default -> w.substring(0, p) + w.charAt(p + 1) + w.charAt(p) + w.substring(p + 2);
        };
        words.set(longest, typo);
        return new Name(List.of(), null, null).join(words) + (n.legal() == null ? "" : " " + n.legal());
    }

    /** A different name of the same shape that shares no distinctive word. */
    public Name decoy() {
        return name();
    }

    /** The name with one distinctive word replaced by another: a near miss that must not match. */
    public String nearMiss(Name n) {
        if (n.words().size() < 2) {
            return null;
        }
        List<Word> ws = new ArrayList<>(n.words());
        ws.set(random.nextInt(ws.size()), word());
        return new Name(ws, n.generic(), n.legal()).latin();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

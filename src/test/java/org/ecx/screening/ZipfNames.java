package org.ecx.screening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Party names for the screening benchmark whose words follow a Zipf law over a large invented vocabulary, as
 * the words of real party names do (a few given names and business words are very frequent, most words are
 * rare). {@link SyntheticNames} builds every word from 44 syllables, so most words have many one-edit
 * neighbours and a screened name is accepted by the scorer against ≈ 96 of a million parties — no real list
 * looks like that. Here the vocabulary is {@value #VOCABULARY} distinct words of 4 to 11 letters drawn from
 * consonant-vowel patterns (seeded, reproducible), a word of rank r is drawn with probability ∝ 1/r^{@value #S},
 * and a name is two to four such words, sometimes a generic business word and a legal form. No real name is
 * involved.
 */
final class ZipfNames {

    static final int VOCABULARY = 150_000;
    static final double S = 1.0;
    private static final String CONSONANTS = "bcdfghjklmnprstvwzbdgklmnrst";
    private static final String VOWELS = "aeiouaeioy";
    private static final String[] GENERIC = {"Trading", "Group", "International", "Industries", "Technologies",
        "Holding", "General", "Engineering"};
    private static final String[] LEGAL = {"LLC", "Ltd", "GmbH", "OOO", "ZAO", "Co.", "S.A.", "Corp.", "Inc.", "JSC"};

    private static final String[] WORDS;
    private static final double[] CUMULATIVE;

    static {
        Random r = new Random(1_000_003);
        Set<String> seen = new HashSet<>();
        List<String> words = new ArrayList<>();
        while (words.size() < VOCABULARY) {
            int length = 4 + r.nextInt(8);
            StringBuilder w = new StringBuilder();
            boolean vowel = r.nextInt(4) == 0;
            while (w.length() < length) {
                w.append(vowel ? VOWELS.charAt(r.nextInt(VOWELS.length())) : CONSONANTS.charAt(r.nextInt(CONSONANTS.length())));
                vowel = !vowel || r.nextInt(6) == 0;
            }
            if (seen.add(w.toString())) {
                words.add(w.toString());
            }
        }
        WORDS = words.toArray(String[]::new);
        CUMULATIVE = new double[VOCABULARY];
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            sum += 1 / Math.pow(i + 1, S);
            CUMULATIVE[i] = sum;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            CUMULATIVE[i] /= sum;
        }
    }

    private final Random random;

    ZipfNames(long seed) {
        this.random = new Random(seed);
    }

    /** A name: its distinctive words, an optional generic word and legal form. */
    record Name(List<String> words, String generic, String legal) {

        String latin() {
            List<String> all = new ArrayList<>(words.stream().map(ZipfNames::capitalize).toList());
            if (generic != null) {
                all.add(generic);
            }
            if (legal != null) {
                all.add(legal);
            }
            return String.join(" ", all);
        }

        /** An alias: the first two words only (a short form of the name). */
        String alternative() {
            return new Name(words.subList(0, Math.min(2, words.size())), null, null).latin();
        }
    }

    String word() {
        int i = java.util.Arrays.binarySearch(CUMULATIVE, random.nextDouble());
        return WORDS[Math.min(VOCABULARY - 1, i < 0 ? -i - 1 : i)];
    }

    Name name() {
        int n = 2 + (random.nextInt(20) < 9 ? 0 : random.nextInt(20) < 16 ? 1 : 2);
        List<String> words = new ArrayList<>(n);
        while (words.size() < n) {
            String w = word();
            if (!words.contains(w)) {
                words.add(w);
            }
        }
        boolean company = random.nextBoolean();
        String generic = company && random.nextInt(3) == 0 ? GENERIC[random.nextInt(GENERIC.length)] : null;
        String legal = company ? LEGAL[random.nextInt(LEGAL.length)] : null;
        return new Name(List.copyOf(words), generic, legal);
    }

    /** The same name with another legal form (or none). */
    String otherLegalForm(Name n) {
        return new Name(n.words(), n.generic(), random.nextBoolean() ? LEGAL[random.nextInt(LEGAL.length)] : null)
                .latin();
    }

    /** The words in another order, upper case, with punctuation. */
    String reordered(Name n) {
        List<String> parts = new ArrayList<>(n.words());
        Collections.rotate(parts, 1);
        return (String.join(", ", parts) + (n.legal() == null ? "" : " - " + n.legal())).toUpperCase(Locale.ROOT);
    }

    /** One substitution, insertion, deletion or transposition inside the longest word. */
    String typo(Name n) {
        List<String> words = new ArrayList<>(n.words());
        int longest = 0;
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).length() > words.get(longest).length()) {
                longest = i;
            }
        }
        String w = words.get(longest);
        int p = 1 + random.nextInt(w.length() - 2);
        words.set(longest, switch (random.nextInt(4)) {
            case 0 -> w.substring(0, p) + (char) ('a' + random.nextInt(26)) + w.substring(p + 1);
            case 1 -> w.substring(0, p) + (char) ('a' + random.nextInt(26)) + w.substring(p);
            case 2 -> w.substring(0, p) + w.substring(p + 1);
            default -> w.substring(0, p) + w.charAt(p + 1) + w.charAt(p) + w.substring(p + 2);
        });
        return new Name(words, n.generic(), n.legal()).latin();
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

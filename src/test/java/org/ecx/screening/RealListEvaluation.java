package org.ecx.screening;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecx.screening.NameMatcher.Band;
import org.ecx.screening.NameNormalizer.NormalizedName;
import org.ecx.screening.NameNormalizer.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * LOCAL evaluation of the name matcher on the real UN Security Council consolidated list and the BIS Denied
 * Persons List in {@code /work/shared/data} (see its PROVENANCE.md), plus a report on the US Consolidated
 * Screening List sample. Not part of the build: it runs only when {@code -Dscreening.eval.data=<folder>} is
 * given, asserts nothing, is not timed, and needs no database (it scores in memory with {@link NameMatcher},
 * the rarity of every word counted over the indexed names). Nothing of the lists is committed; the misses
 * file it writes stays in {@code target/}.
 * <p>
 * Every record's primary name is indexed. Queries are built from the records: real aliases (those sharing a
 * word with the listed name and the others), original-script names, one typo (one word per query, every
 * length from 3 letters), word order, legal forms, partial names (a word dropped or added). Decoys must not
 * match: words recombined across different records (never two words of one listed name), common given names
 * with a family name of another record, generic company names, and original-script words recombined across
 * records. Records are split by a hash of their id into a tuning half and a held-out half; tune on
 * {@code -Dscreening.eval.half=tuning}, report on the held-out half (the default).
 * <p>
 * Candidates are blocked exactly as the completeness rule of {@link NameMatcher} allows (a shared index key or
 * a text within the edit budget); {@code -Dscreening.eval.verifyBlocking=true} also scores every pair by
 * brute force on a sample and counts what blocking lost.
 * <p>
 * Command (docs/screening.md): {@code ./mvnw -B -ntp test -Dtest=RealListEvaluation
 * -Dscreening.eval.data=../shared/data -Dsurefire.failIfNoSpecifiedTests=false}; results in
 * {@code target/screening-eval.txt}.
 */
@EnabledIfSystemProperty(named = "screening.eval.data", matches = ".+")
class RealListEvaluation {

    static final double THRESHOLD = 0.8;
    static final List<String> LEGAL = List.of("LLC", "Ltd", "Co.", "GmbH", "S.A.", "Inc.", "JSC", "Company Limited");
    static final List<String> GENERIC_WORDS = List.of("Global", "International", "Trading", "General", "Industrial",
            "Technology", "Engineering", "Services", "Import", "Export", "Group", "Holding", "Development",
            "Commercial", "Investment", "Solutions", "Systems", "Enterprises", "Manufacturing", "Industries");

    record Listed(String id, String list, String name, List<String> aliases, String original) {
    }

    record Query(String kind, String text, int expected, boolean heldOut) {
    }

    private final List<Listed> records = new ArrayList<>();
    private final List<NormalizedName> index = new ArrayList<>();
    private final Map<String, List<Integer>> byKey = new HashMap<>();
    private final Map<String, List<Integer>> byText = new HashMap<>();
    private TokenRarity rarity;

    @Test
    void evaluate() throws Exception {
        Path data = Path.of(System.getProperty("screening.eval.data"));
        boolean tuning = "tuning".equals(System.getProperty("screening.eval.half"));
        loadUn(data.resolve("denied_parties_un_sc_consolidated_2026-02-27.xml"));
        loadBis(data.resolve("denied_parties_us_bis_dpl_2022.tsv"));
        buildIndex();

        List<Query> queries = new ArrayList<>();
        Random random = new Random(20261202L);
        for (int r = 0; r < records.size(); r++) {
            addQueries(r, records.get(r), random, queries);
        }
        List<Query> decoys = decoys(random);

        StringBuilder dump = System.getProperty("screening.eval.dump") == null ? null : new StringBuilder();
        StringBuilder out = new StringBuilder();
        StringBuilder misses = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Name-matching evaluation (%s half), %d indexed names (%d records), threshold %.2f%n",
                tuning ? "tuning" : "held-out", index.size(), records.size(), THRESHOLD));
        out.append("\n| query kind | queries | recall@1 MATCH | recall@5 MATCH | recall@5 MATCH or POSSIBLE |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        Map<String, int[]> byKind = new LinkedHashMap<>();
        List<double[]> positives = new ArrayList<>(); // best score of expected at rank 1 (or -1), best wrong score
        for (Query q : queries) {
            if (q.heldOut() == tuning) {
                continue;
            }
            NormalizedName n = NameNormalizer.normalize(q.text());
            if (n.isEmpty()) {
                continue;
            }
            List<Scored> ranked = rank(n);
            dump(dump, q, n, ranked);
            int[] c = byKind.computeIfAbsent(q.kind(), k -> new int[4]);
            c[0]++;
            boolean at1 = !ranked.isEmpty() && ranked.get(0).record() == q.expected()
                    && ranked.get(0).band() == Band.MATCH;
            boolean at5 = false;
            for (int i = 0; i < Math.min(5, ranked.size()); i++) {
                at5 |= ranked.get(i).record() == q.expected() && ranked.get(i).band() == Band.MATCH;
            }
            // what an officer sees: the names in a band, best first, POSSIBLE capped per screened name
            boolean possible5 = shown(ranked, NameMatcher.RARE_WORD_MARGIN).stream().limit(5)
                    .anyMatch(s -> s.record() == q.expected());
            for (int m = 0; m < MARGINS.length; m++) {
                int[] sweep = marginSweep.computeIfAbsent(q.kind(), k -> new int[MARGINS.length]);
                sweep[m] += shown(ranked, MARGINS[m]).stream().limit(5).anyMatch(s -> s.record() == q.expected()) ? 1 : 0;
            }
            c[1] += at1 ? 1 : 0;
            c[2] += at5 ? 1 : 0;
            c[3] += possible5 ? 1 : 0;
            double top = ranked.isEmpty() ? 0 : ranked.get(0).score();
            boolean topRight = !ranked.isEmpty() && ranked.get(0).record() == q.expected();
            positives.add(new double[] {top, topRight ? 1 : 0});
            if (!at5 && q.kind().startsWith("alias sharing")) {
                aliasMisses.merge(aliasMissPattern(q, n), 1, Integer::sum);
            }
            if (!at5) {
                String got = ranked.isEmpty() ? "-" : records.get(ranked.get(0).record()).name() + " "
                        + NameMatcher.round(ranked.get(0).score()) + " " + ranked.get(0).band();
                double own = NameMatcher.match(n, index.get(q.expected()), rarity).score();
                misses.append(q.kind()).append(" | ").append(q.text()).append(" | listed: ")
                        .append(records.get(q.expected()).name()).append(" (").append(NameMatcher.round(own))
                        .append(") | top: ").append(got).append('\n');
            }
        }
        byKind.forEach((kind, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", kind,
                c[0], (double) c[1] / c[0], (double) c[2] / c[0], (double) c[3] / c[0])));
        out.append("\n| alias sharing a word, not MATCH in the first 5: pattern | misses |\n|---|---:|\n");
        aliasMisses.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(Locale.ROOT, "| %s | %d |%n", e.getKey(), e.getValue())));

        out.append("\n| decoy kind | decoys | MATCH rate | POSSIBLE rate |\n|---|---:|---:|---:|\n");
        Map<String, int[]> decoyKinds = new LinkedHashMap<>();
        List<Double> decoyTop = new ArrayList<>();
        int[] allDecoys = new int[3];
        for (Query d : decoys) {
            if (d.heldOut() == tuning) {
                continue;
            }
            NormalizedName n = NameNormalizer.normalize(d.text());
            if (n.isEmpty()) {
                continue;
            }
            List<Scored> ranked = rank(n);
            dump(dump, d, n, ranked);
            int[] c = decoyKinds.computeIfAbsent(d.kind(), k -> new int[3]);
            List<Scored> shown = shown(ranked, NameMatcher.RARE_WORD_MARGIN);
            Band band = shown.isEmpty() ? null : shown.get(0).band();
            possiblePerDecoy += shown.stream().filter(s -> s.band() == Band.POSSIBLE).count();
            for (int m = 0; m < MARGINS.length; m++) {
                List<Scored> at = shown(ranked, MARGINS[m]);
                decoySweep[m] += !at.isEmpty() && at.get(0).band() == Band.POSSIBLE ? 1 : 0;
                decoySweepCount[m] += at.stream().filter(s -> s.band() == Band.POSSIBLE).count();
            }
            c[0]++;
            allDecoys[0]++;
            if (band == Band.MATCH) {
                c[1]++;
                allDecoys[1]++;
                misses.append("DECOY MATCH ").append(d.kind()).append(" | ").append(d.text()).append(" ~ ")
                        .append(records.get(ranked.get(0).record()).name()).append(' ')
                        .append(NameMatcher.round(ranked.get(0).score())).append('\n');
            } else if (band == Band.POSSIBLE) {
                c[2]++;
                allDecoys[2]++;
            }
            decoyTop.add(ranked.isEmpty() ? 0 : ranked.get(0).score());
        }
        decoyKinds.forEach((kind, c) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", kind, c[0],
                (double) c[1] / c[0], (double) c[2] / c[0])));
        out.append(String.format(Locale.ROOT, "| all decoys | %d | %.3f | %.3f |%n", allDecoys[0],
                (double) allDecoys[1] / allDecoys[0], (double) allDecoys[2] / allDecoys[0]));
        out.append(String.format(Locale.ROOT, "POSSIBLE results per decoy (at most %d per screened name): %.3f%n",
                NameMatcher.POSSIBLE_PER_NAME, possiblePerDecoy / allDecoys[0]));

        out.append("\n| one-rare-word POSSIBLE floor under the threshold | alias sharing a word, MATCH or POSSIBLE@5"
                + " | original script | other alias | decoys in POSSIBLE | POSSIBLE per decoy |\n|---|---:|---:|---:|---:|---:|\n");
        for (int m = 0; m < MARGINS.length; m++) {
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                    MARGINS[m] < 0 ? "off" : String.format(Locale.ROOT, "%.2f", MARGINS[m]),
                    sweepRate("alias sharing a word", m, byKind), sweepRate("original script", m, byKind),
                    sweepRate("other alias", m, byKind), (double) decoySweep[m] / allDecoys[0],
                    decoySweepCount[m] / allDecoys[0]));
        }

        out.append("\n| threshold | recall@1 (all positive queries) | decoy false-positive rate | precision |\n");
        out.append("|---:|---:|---:|---:|\n");
        for (int t = 50; t <= 95; t += 5) {
            double th = t / 100.0;
            int right = 0;
            int wrong = 0;
            for (double[] p : positives) {
                if (p[0] >= th) {
                    if (p[1] > 0) {
                        right++;
                    } else {
                        wrong++;
                    }
                }
            }
            int fp = (int) decoyTop.stream().filter(s -> s >= th).count();
            out.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f |%n", th,
                    (double) right / positives.size(), (double) fp / decoyTop.size(),
                    right + wrong + fp == 0 ? 1.0 : (double) right / (right + wrong + fp)));
        }

        Path csl = data.resolve("extra/denied_parties_us_csl_sample_2019.csv");
        if (Files.exists(csl)) {
            out.append(cslReport(csl, misses));
        }
        if (Boolean.getBoolean("screening.eval.verifyBlocking")) {
            out.append(verifyBlocking(queries, decoys));
        }
        System.out.println(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/screening-eval.txt"), out);
        Files.writeString(Path.of("target/screening-eval-misses.txt"), misses);
        if (dump != null) {
            Files.writeString(Path.of(System.getProperty("screening.eval.dump")), dump);
        }
    }

    /** Floors of the one-rare-word POSSIBLE rule measured side by side (negative: the rule off). */
    static final double[] MARGINS = {-1, 0.6, 0.65, 0.7, 0.75, 0.8};
    private final Map<String, int[]> marginSweep = new HashMap<>();
    private final int[] decoySweep = new int[MARGINS.length];
    private final double[] decoySweepCount = new double[MARGINS.length];
    private double possiblePerDecoy;

    private double sweepRate(String kind, int m, Map<String, int[]> byKind) {
        int[] n = byKind.get(kind);
        return n == null ? 0 : (double) marginSweep.get(kind)[m] / n[0];
    }

    /** The ranked names in a band with the given one-rare-word floor, POSSIBLE capped as the service caps them. */
    static List<Scored> shown(List<Scored> ranked, double rareWordMargin) {
        List<Scored> banded = new ArrayList<>();
        for (Scored s : ranked) {
            Band b = s.result().bandOf(s.score(), THRESHOLD, rareWordMargin);
            if (b != null) {
                banded.add(new Scored(s.record(), s.score(), b, s.result()));
            }
        }
        return NameMatcher.capPossible(banded, Scored::band, s -> "one screened name");
    }

    private int dumpId;
    private final Map<String, Integer> aliasMisses = new LinkedHashMap<>();

    /**
     * Why an alias sharing a word with its listed name is not a {@code MATCH} in the first five, by the pairing
     * with the listed name (figures only: the report holds no name).
     */
    private String aliasMissPattern(Query q, NormalizedName n) {
        NameMatcher.Result own = NameMatcher.match(n, index.get(q.expected()), rarity);
        NameMatcher.Features f = NameMatcher.features(n, index.get(q.expected()), rarity);
        if (f == null) {
            return "no word paired (the shared word is spelt beyond the edit budget, or legal/generic only)";
        }
        if (own.band(THRESHOLD) == Band.MATCH) {
            return "MATCH, but outranked by 5 other listed names";
        }
        boolean apostrophe = q.text().matches(".*['’ʼ`].*") || records.get(q.expected()).name().matches(".*['’ʼ`].*");
        if (f.pairedWords() == 0) {
            return "only common words shared (weight < 0.5: a frequent given name, Abd, Al, generic words)";
        }
        if (f.pairedWords() == 1) {
            return apostrophe ? "one distinctive word shared, apostrophe spellings (Korean ch'/j, ayn) on either side"
                    : "one distinctive word shared (a decoy shares as much)";
        }
        if (own.covered()) {
            return "two+ distinctive words shared, one name covered: partial name below the threshold";
        }
        return apostrophe ? "two+ distinctive words shared, words differ on both sides, apostrophe spellings"
                : "two+ distinctive words shared, words differ on both sides";
    }

    /**
     * With {@code -Dscreening.eval.dump=<file>} (local, under target/: it holds query texts), one row per query
     * and candidate (the first ten, and the expected record wherever it ranks) with the features of
     * {@link NameMatcher.Features}: what the score's constants were fitted on, on the tuning half only. Columns:
     * query number, kind, label (1 expected record, 0 another, -1 decoy), rank, score, query coverage, listed-name
     * coverage, mean similarity, paired weight, paired words, cross-script, unpaired words of the query and of
     * the listed name, paired evidence, covered (0/1), weight of the rarest paired distinctive word, coverage of the
     * shorter name, query text.
     */
    private void dump(StringBuilder dump, Query q, NormalizedName n, List<Scored> ranked) {
        if (dump == null) {
            return;
        }
        dumpId++;
        List<Integer> rows = new ArrayList<>();
        ranked.stream().limit(10).forEach(s -> rows.add(s.record()));
        if (q.expected() >= 0 && !rows.contains(q.expected())) {
            rows.add(q.expected());
        }
        for (int i = 0; i < rows.size(); i++) {
            int r = rows.get(i);
            NameMatcher.Features f = NameMatcher.features(n, index.get(r), rarity);
            if (f == null) {
                continue;
            }
            NameMatcher.Result res = NameMatcher.match(n, index.get(r), rarity);
            dump.append(String.format(Locale.ROOT,
                    "%d\t%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%d\t%d\t%d\t%d\t%.4f\t%d\t%.4f\t%.4f\t%s%n",
                    dumpId, q.kind(), q.expected() < 0 ? -1 : r == q.expected() ? 1 : 0, i,
                    res.score(), f.queryCoverage(), f.candidateCoverage(),
                    f.meanSimilarity(), f.pairedWeight(), f.pairedWords(), f.crossScript() ? 1 : 0,
                    f.queryUnpaired(), f.candidateUnpaired(), res.evidence(), res.covered() ? 1 : 0,
                    res.rarestWord(), res.shorterCoverage(), q.text().replaceAll("\\s+", " ")));
        }
    }

    // ------------------------------------------------------------------ lists

    private void loadUn(Path file) throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        for (String tag : List.of("INDIVIDUAL", "ENTITY")) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element r = (Element) nodes.item(i);
                StringBuilder name = new StringBuilder();
                for (String part : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
                    String v = text(r, part);
                    if (v != null) {
                        name.append(name.isEmpty() ? "" : " ").append(v);
                    }
                }
                List<String> aliases = new ArrayList<>();
                NodeList al = r.getElementsByTagName(tag + "_ALIAS");
                for (int a = 0; a < al.getLength(); a++) {
                    String v = text((Element) al.item(a), "ALIAS_NAME");
                    if (v != null) {
                        aliases.addAll(splitAliases(v));
                    }
                }
                records.add(new Listed("UN-" + text(r, "DATAID"), "UN", name.toString(), aliases,
                        text(r, "NAME_ORIGINAL_SCRIPT")));
            }
        }
    }

    private void loadBis(Path file) throws Exception {
        Map<String, List<String>> clusters = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].replaceAll("^\"|\"$", "").trim();
            }
            clusters.computeIfAbsent(f[1] + "|" + f[11], k -> new ArrayList<>()).add(f[0]);
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, List<String>> e : clusters.entrySet()) {
            List<String> names = e.getValue().stream().distinct().toList();
            if (!seen.add(names.get(0))) {
                continue;
            }
            records.add(new Listed("BIS-" + e.getKey(), "BIS", names.get(0), names.subList(1, names.size()), null));
        }
    }

    private static List<String> splitAliases(String v) {
        return List.of(v.split("\\s*;\\s*")).stream().filter(s -> !s.isBlank()).toList();
    }

    private void buildIndex() {
        Map<String, Integer> df = new HashMap<>();
        for (int r = 0; r < records.size(); r++) {
            NormalizedName n = NameNormalizer.normalize(records.get(r).name());
            index.add(n);
            for (String k : n.allKeys()) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
            }
            Set<String> rk = new HashSet<>();
            for (Token t : n.tokens()) {
                for (String text : t.texts()) {
                    byText.computeIfAbsent(text, x -> new ArrayList<>()).add(r);
                }
                rk.add(t.rarityKey());
            }
            rk.forEach(k -> df.merge(k, 1, Integer::sum));
        }
        rarity = TokenRarity.of(df, records.size());
    }

    static boolean heldOut(String id) {
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & 1) == 1;
    }

    // ------------------------------------------------------------------ queries

    private void addQueries(int r, Listed l, Random random, List<Query> queries) {
        boolean held = heldOut(l.id());
        NormalizedName listed = index.get(r);
        if (listed.isEmpty()) {
            return;
        }
        Set<String> listedTexts = new HashSet<>();
        listed.tokens().forEach(t -> listedTexts.add(t.text()));
        for (String alias : l.aliases()) {
            NormalizedName a = NameNormalizer.normalize(alias);
            if (a.isEmpty() || a.joined().equals(listed.joined())) {
                continue;
            }
            boolean shares = a.tokens().stream().anyMatch(t -> !t.generic() && listedTexts.contains(t.text()));
            queries.add(new Query(shares ? "alias sharing a word" : "other alias", alias, r, held));
        }
        if (l.original() != null) {
            queries.add(new Query("original script", l.original(), r, held));
        }
        List<String> words = new ArrayList<>(List.of(l.name().trim().split("\\s+")));
        if (words.size() >= 2) {
            List<String> rotated = new ArrayList<>(words);
            Collections.rotate(rotated, 1);
            queries.add(new Query("word order", String.join(" ", rotated).toLowerCase(Locale.ROOT), r, held));
        }
        queries.add(new Query("legal form", l.name() + " " + LEGAL.get(random.nextInt(LEGAL.size())), r, held));
        // one typo in one word, for every word length present (3-4, 5-7, 8+ letters)
        Set<String> lengths = new HashSet<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int len = word.length();
            if (len < 3 || !word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            String bucket = len <= 4 ? "one typo, 3-4 letters" : len <= 7 ? "one typo, 5-7 letters" : "one typo, 8+ letters";
            if (!lengths.add(bucket)) {
                continue;
            }
            List<String> copy = new ArrayList<>(words);
            copy.set(w, typo(word, random));
            queries.add(new Query(bucket, String.join(" ", copy), r, held));
        }
        if (words.size() >= 3) {
            List<String> dropped = new ArrayList<>(words);
            dropped.remove(random.nextInt(words.size()));
            queries.add(new Query("partial: a word dropped", String.join(" ", dropped), r, held));
        }
        if (words.size() >= 2) {
            List<String> added = new ArrayList<>(words);
            added.add(1, List.of("Karim", "Omar", "Ivan", "Petrov", "Hassan", "Li").get(random.nextInt(6)));
            queries.add(new Query("partial: a word added", String.join(" ", added), r, held));
        }
    }

    static String typo(String word, Random random) {
        String w = word.toLowerCase(Locale.ROOT);
        int p = 1 + random.nextInt(w.length() - 1);
        char other = (char) ('a' + random.nextInt(26));
        if (other == w.charAt(p)) {
            other = other == 'z' ? 'a' : (char) (other + 1);
        }
        return switch (random.nextInt(4)) {
            case 0 -> w.substring(0, p) + other + w.substring(p + 1); // substitution
            case 1 -> w.substring(0, p) + w.substring(p + 1); // deletion
            case 2 -> w.substring(0, p) + other + w.substring(p); // insertion
            default -> p + 1 < w.length() ? w.substring(0, p) + w.charAt(p + 1) + w.charAt(p) + w.substring(p + 2)
                    : w.substring(0, p) + other; // swap of two letters
        };
    }

    private List<Query> decoys(Random random) {
        List<Query> decoys = new ArrayList<>();
        // distinctive words of each record, Latin and original script
        List<List<String>> latinWords = new ArrayList<>();
        List<List<String>> originalWords = new ArrayList<>();
        for (Listed l : records) {
            latinWords.add(List.of(l.name().trim().split("\\s+")).stream().filter(w -> w.length() >= 3).toList());
            originalWords.add(l.original() == null ? List.of()
                    : List.of(l.original().trim().split("\\s+")).stream().filter(w -> w.length() >= 2).toList());
        }
        Set<String> made = new HashSet<>();
        int attempts = 0;
        while (count(decoys, "words recombined across records") < 2400 && attempts++ < 100000) {
            String d = recombine(latinWords, 2 + random.nextInt(2), random, latinWords);
            if (d != null && made.add(d)) {
                decoys.add(new Query("words recombined across records", d, -1, heldOut(d)));
            }
        }
        attempts = 0;
        while (count(decoys, "original-script words recombined") < 1200 && attempts++ < 100000) {
            String d = recombine(originalWords, 2 + random.nextInt(3), random, originalWords);
            if (d != null && made.add(d)) {
                decoys.add(new Query("original-script words recombined", d, -1, heldOut(d)));
            }
        }
        // common given names (the most frequent first words of individuals) with a family name of another record
        Map<String, Integer> firstWords = new HashMap<>();
        for (Listed l : records) {
            String[] w = l.name().trim().split("\\s+");
            if (w.length >= 2) {
                firstWords.merge(w[0].toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        List<String> common = firstWords.entrySet().stream().filter(e -> e.getValue() >= 4)
                .map(Map.Entry::getKey).sorted().toList();
        attempts = 0;
        while (!common.isEmpty() && count(decoys, "common given name, other family name") < 800 && attempts++ < 100000) {
            String given = common.get(random.nextInt(common.size()));
            Listed other = records.get(random.nextInt(records.size()));
            String[] w = other.name().trim().split("\\s+");
            String family = w[w.length - 1];
            if (w.length < 2 || family.length() < 3 || other.name().toLowerCase(Locale.ROOT).contains(given)) {
                continue;
            }
            String d = capitalize(given) + " " + family;
            if (made.add(d)) {
                decoys.add(new Query("common given name, other family name", d, -1, heldOut(d)));
            }
        }
        attempts = 0;
        while (count(decoys, "generic company name") < 600 && attempts++ < 100000) {
            List<String> words = new ArrayList<>();
            int n = 2 + random.nextInt(2);
            while (words.size() < n) {
                String w = GENERIC_WORDS.get(random.nextInt(GENERIC_WORDS.size()));
                if (!words.contains(w)) {
                    words.add(w);
                }
            }
            String d = String.join(" ", words) + " " + LEGAL.get(random.nextInt(LEGAL.size()));
            if (made.add(d)) {
                decoys.add(new Query("generic company name", d, -1, heldOut(d)));
            }
        }
        return decoys;
    }

    private static long count(List<Query> qs, String kind) {
        return qs.stream().filter(q -> q.kind().equals(kind)).count();
    }

    private final Map<String, String> folded = new HashMap<>();
    private Map<String, Set<Integer>> recordsOfWord;

    private String fold(String w) {
        return folded.computeIfAbsent(w, x -> NameNormalizer.normalize(x).joined());
    }

    /** Words from {@code n} different records, no two of which occur together in any one listed name. */
    private String recombine(List<List<String>> words, int n, Random random, List<List<String>> all) {
        if (recordsOfWord == null) {
            recordsOfWord = new HashMap<>();
            for (int r = 0; r < records.size(); r++) {
                int rec = r;
                for (List<List<String>> source : List.of(all, words)) {
                    source.get(r).forEach(w -> recordsOfWord.computeIfAbsent(fold(w), x -> new HashSet<>()).add(rec));
                }
                index.get(r).tokens().forEach(t -> recordsOfWord.computeIfAbsent(t.text(), x -> new HashSet<>()).add(rec));
            }
        }
        List<String> picked = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int tries = 0; picked.size() < n && tries < 50; tries++) {
            int r = random.nextInt(words.size());
            if (words.get(r).isEmpty()) {
                continue;
            }
            String w = words.get(r).get(random.nextInt(words.get(r).size()));
            String f = fold(w);
            if (f.isEmpty() || NameNormalizer.normalize(w).tokens().stream().allMatch(Token::generic)) {
                continue;
            }
            Set<Integer> in = recordsOfWord.getOrDefault(f, Set.of());
            if (in.stream().anyMatch(seen::contains)) {
                continue; // two words of one listed name
            }
            picked.add(w);
            seen.addAll(in);
        }
        return picked.size() < n ? null : String.join(" ", picked);
    }

    private static String capitalize(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    // ------------------------------------------------------------------ scoring

    record Scored(int record, double score, Band band, NameMatcher.Result result) {
    }

    /** Candidates by shared key or text within the edit budget, scored and ranked. */
    private List<Scored> rank(NormalizedName query) {
        Set<Integer> candidates = new LinkedHashSet<>();
        for (String k : query.allKeys()) {
            candidates.addAll(byKey.getOrDefault(k, List.of()));
        }
        for (Token t : query.tokens()) {
            for (String text : t.texts()) {
                int budget = NameMatcher.editBudget(text.length());
                if (budget == 0) {
                    continue;
                }
                for (Map.Entry<String, List<Integer>> e : byText.entrySet()) {
                    if (NameMatcher.damerau(text, e.getKey(), budget) <= budget) {
                        candidates.addAll(e.getValue());
                    }
                }
            }
        }
        return score(query, candidates);
    }

    private List<Scored> score(NormalizedName query, Iterable<Integer> candidates) {
        List<Scored> out = new ArrayList<>();
        for (int r : candidates) {
            NameMatcher.Result res = NameMatcher.match(query, index.get(r), rarity);
            if (res.score() > 0) {
                out.add(new Scored(r, res.score(), res.band(THRESHOLD), res));
            }
        }
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Integer.compare(a.record(), b.record()));
        return out;
    }

    private String verifyBlocking(List<Query> queries, List<Query> decoys) {
        List<Query> sample = new ArrayList<>();
        for (int i = 0; i < queries.size(); i += 7) {
            sample.add(queries.get(i));
        }
        for (int i = 0; i < decoys.size(); i += 7) {
            sample.add(decoys.get(i));
        }
        List<Integer> all = new ArrayList<>();
        for (int r = 0; r < index.size(); r++) {
            all.add(r);
        }
        long accepted = 0;
        long lost = 0;
        for (Query q : sample) {
            NormalizedName n = NameNormalizer.normalize(q.text());
            if (n.isEmpty()) {
                continue;
            }
            Set<Integer> blocked = new HashSet<>();
            rank(n).forEach(s -> blocked.add(s.record()));
            for (Scored s : score(n, all)) {
                accepted++;
                lost += blocked.contains(s.record()) ? 0 : 1;
            }
        }
        return String.format(Locale.ROOT, "%nBlocking check on %d queries: %d pairs with a positive score by brute force,"
                + " %d of them not among the blocked candidates%n", sample.size(), accepted, lost);
    }

    // ------------------------------------------------------------------ CSL sample

    private String cslReport(Path csl, StringBuilder misses) throws Exception {
        List<String> lines = Files.readAllLines(csl, StandardCharsets.UTF_8);
        List<String> header = parseCsv(lines.get(0));
        int nameCol = header.indexOf("name");
        int altCol = header.indexOf("alt_names");
        int queries = 0;
        int match = 0;
        int matchOrPossible = 0;
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = parseCsv(line);
            if (f.size() > Math.max(nameCol, altCol)) {
                rows.add(new String[] {f.get(nameCol), f.get(altCol)});
            }
        }
        // each CSL row is its own small index: its alternative names are screened against its name
        for (String[] row : rows) {
            NormalizedName listed = NameNormalizer.normalize(row[0]);
            if (listed.isEmpty() || row[1].isBlank()) {
                continue;
            }
            for (String alt : splitAliases(row[1])) {
                NormalizedName q = NameNormalizer.normalize(alt);
                if (q.isEmpty()) {
                    continue;
                }
                queries++;
                NameMatcher.Result res = NameMatcher.match(q, listed, rarity);
                Band band = res.band(THRESHOLD);
                match += band == Band.MATCH ? 1 : 0;
                matchOrPossible += band != null ? 1 : 0;
                if (band != Band.MATCH) {
                    misses.append("CSL alt | ").append(alt).append(" | ").append(row[0]).append(' ')
                            .append(NameMatcher.round(res.score())).append(' ').append(band).append('\n');
                }
            }
        }
        return String.format(Locale.ROOT, "%nCSL sample: %d alternative names against their own listed name: "
                + "MATCH %.3f, MATCH or POSSIBLE %.3f%n", queries, (double) match / Math.max(1, queries),
                (double) matchOrPossible / Math.max(1, queries));
    }

    static List<String> parseCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().trim());
        return out;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        if (nodes.getLength() == 0) {
            return null;
        }
        String v = nodes.item(0).getTextContent();
        return v == null || v.isBlank() ? null : v.trim();
    }
}

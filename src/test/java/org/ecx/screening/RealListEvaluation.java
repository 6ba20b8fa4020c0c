package org.ecx.screening;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ecx.access.Caller;
import org.ecx.access.Distribution;
import org.ecx.access.DistributionScope;
import org.ecx.access.Role;
import org.ecx.denial.DecisionType;
import org.ecx.denial.DenialRequest;
import org.ecx.denial.DenialService;
import org.ecx.denial.PartyRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * LOCAL evaluation on the real UN Security Council consolidated list and the BIS Denied Persons List in
 * {@code ../shared/data} from the project root (see its PROVENANCE.md). Not part of the build: it runs only when
 * {@code -Dscreening.eval.data=<folder>} is given, against a database of its own; nothing of the lists is
 * committed. It loads every UN record as a DE denial (distributed to FR only) and every BIS name cluster as
 * a US denial (distributed to JP only), then measures through the real screening service:
 * <ul>
 * <li>recall@5: the listed record is among the first five matches at the default threshold, for held-out
 * low-quality UN aliases, original-script UN names, BIS spelling variants (other names at the same address
 * and Federal Register citation), and perturbed primary names (words rotated, upper case, one typo);</li>
 * <li>false positives: names of the other list (FR sees only UN, JP only BIS) matched at the threshold.</li>
 * </ul>
 * Command (docs/screening.md): {@code ECX_TEST_DB=ecx_eval_scr ./mvnw verify -Dtest=RealListEvaluation
 * -Dscreening.eval.data=../shared/data -Dsurefire.failIfNoSpecifiedTests=false}; results in
 * {@code target/screening-eval.txt}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "screening.eval.data", matches = ".+")
class RealListEvaluation {

    static final double THRESHOLD = 0.8;

    @Inject
    DenialService denials;

    @Inject
    ScreeningService screening;

    record Listed(String name, List<String> aliases, String country) {
    }

    record Query(String kind, String name, UUID expected, Caller viewer) {
    }

    @Test
    void evaluate() throws Exception {
        Path data = Path.of(System.getProperty("screening.eval.data"));
        Caller de = new Caller("DE", Set.of(Role.DENIAL_OFFICER), "eval");
        Caller us = new Caller("US", Set.of(Role.DENIAL_OFFICER), "eval");
        Caller fr = new Caller("FR", Set.of(Role.LICENSING_OFFICER), "eval");
        Caller jp = new Caller("JP", Set.of(Role.LICENSING_OFFICER), "eval");
        List<Query> queries = new ArrayList<>();
        List<String> unNames = new ArrayList<>();
        List<String> bisNames = new ArrayList<>();
        Random random = new Random(42);

        // UN: primary name and all but low-quality aliases indexed; low-quality aliases and original-script names held out
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                data.resolve("denied_parties_un_sc_consolidated_2026-02-27.xml").toFile());
        for (String tag : List.of("INDIVIDUAL", "ENTITY")) {
            NodeList records = doc.getElementsByTagName(tag);
            for (int i = 0; i < records.getLength(); i++) {
                Element r = (Element) records.item(i);
                StringBuilder name = new StringBuilder();
                for (String part : List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")) {
                    String v = text(r, part);
                    if (v != null) {
                        name.append(name.isEmpty() ? "" : " ").append(v);
                    }
                }
                List<String> aliases = new ArrayList<>();
                List<String> lowQuality = new ArrayList<>();
                NodeList al = r.getElementsByTagName(tag + "_ALIAS");
                for (int a = 0; a < al.getLength(); a++) {
                    Element alias = (Element) al.item(a);
                    String value = text(alias, "ALIAS_NAME");
                    if (value == null) {
                        continue;
                    }
                    ("Low".equalsIgnoreCase(text(alias, "QUALITY")) ? lowQuality : aliases).add(value);
                }
                UUID id = create(de, "UN-" + i + tag.charAt(0), new Listed(name.toString(), aliases, "ZZ"), "FR");
                if (id == null) {
                    continue;
                }
                unNames.add(name.toString());
                lowQuality.forEach(q -> queries.add(new Query("UN low-quality alias", q, id, fr)));
                String original = text(r, "NAME_ORIGINAL_SCRIPT");
                if (original != null) {
                    queries.add(new Query("UN original script", original, id, fr));
                }
                queries.add(new Query("perturbed primary name", perturb(name.toString(), random), id, fr));
            }
        }

        // BIS: rows sharing address and citation are one party; the first name is indexed, the others are queries
        Map<String, List<String[]>> clusters = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(data.resolve("denied_parties_us_bis_dpl_2022.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].replaceAll("^\"|\"$", "").trim();
            }
            clusters.computeIfAbsent(f[1] + "|" + f[11], k -> new ArrayList<>()).add(f);
        }
        Set<String> seen = new LinkedHashSet<>();
        int n = 0;
        for (List<String[]> rows : clusters.values()) {
            List<String> names = rows.stream().map(f -> f[0]).distinct().toList();
            if (!seen.add(names.get(0))) {
                continue;
            }
            String country = rows.get(0)[4].matches("[A-Z]{2}") ? rows.get(0)[4] : "US";
            UUID id = create(us, "BIS-" + n++, new Listed(names.get(0), List.of(), country), "JP");
            if (id == null) {
                continue;
            }
            bisNames.add(names.get(0));
            names.subList(1, names.size()).forEach(v -> queries.add(new Query("BIS spelling variant", v, id, jp)));
            queries.add(new Query("perturbed primary name", perturb(names.get(0), random), id, jp));
        }

        // recall@5
        Map<String, int[]> recall = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (Query q : queries) {
            List<ScreeningMatch> matches = screen(q.viewer(), q.name());
            int[] counts = recall.computeIfAbsent(q.kind(), k -> new int[2]);
            if (matches == null) {
                continue; // nothing distinctive to screen (e.g. legal forms only)
            }
            counts[0]++;
            boolean hit = matches.stream().limit(5).anyMatch(m -> m.denialId().equals(q.expected()));
            if (hit) {
                counts[1]++;
            } else if (misses.size() < 40) {
                misses.add(q.kind() + ": " + q.name());
            }
        }

        // false positives: each list's names screened against the other list only
        int fpQueries = 0;
        int fp = 0;
        List<String> fpExamples = new ArrayList<>();
        for (String name : bisNames) {
            List<ScreeningMatch> m = screen(fr, name);
            if (m != null) {
                fpQueries++;
                if (!m.isEmpty()) {
                    fp++;
                    fpExamples.add(name + " ~ " + m.get(0).matchedParty().name() + " (" + m.get(0).score() + ")");
                }
            }
        }
        for (String name : unNames) {
            List<ScreeningMatch> m = screen(jp, name);
            if (m != null) {
                fpQueries++;
                if (!m.isEmpty()) {
                    fp++;
                    fpExamples.add(name + " ~ " + m.get(0).matchedParty().name() + " (" + m.get(0).score() + ")");
                }
            }
        }

        StringBuilder out = new StringBuilder("Screening evaluation on the UN consolidated list and the BIS DPL, threshold "
                + THRESHOLD + "\n");
        int total = 0;
        int found = 0;
        for (Map.Entry<String, int[]> e : recall.entrySet()) {
            out.append(String.format(Locale.ROOT, "recall@5 %-24s %4d / %4d = %.3f%n", e.getKey(), e.getValue()[1],
                    e.getValue()[0], (double) e.getValue()[1] / e.getValue()[0]));
            total += e.getValue()[0];
            found += e.getValue()[1];
        }
        out.append(String.format(Locale.ROOT, "recall@5 %-24s %4d / %4d = %.3f%n", "all", found, total, (double) found / total));
        out.append(String.format(Locale.ROOT, "false positives (other list's names matched) %d / %d = %.3f%n", fp,
                fpQueries, (double) fp / fpQueries));
        out.append("examples of false positives:\n");
        fpExamples.stream().limit(25).forEach(x -> out.append("  ").append(x).append('\n'));
        out.append("examples of misses:\n");
        misses.forEach(x -> out.append("  ").append(x).append('\n'));
        System.out.println(out);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/screening-eval.txt"), out);
    }

    private List<ScreeningMatch> screen(Caller caller, String name) {
        if (name == null || name.isBlank() || NameNormalizer.normalize(name).isEmpty()) {
            return null;
        }
        String n = name.length() > 300 ? name.substring(0, 300) : name;
        ScreeningRequest request = new ScreeningRequest(List.of(new ScreeningRequest.Party(n, null, null)), null, null,
                THRESHOLD, null);
        return screening.screen(caller, request, false).matches();
    }

    private UUID create(Caller caller, String reference, Listed listed, String recipient) {
        if (NameNormalizer.normalize(listed.name()).isEmpty()) {
            return null;
        }
        List<String> aliases = listed.aliases().stream().map(a -> a.length() > 300 ? a.substring(0, 300) : a)
                .limit(20).toList();
        String name = listed.name().length() > 300 ? listed.name().substring(0, 300) : listed.name();
        DenialRequest request = new DenialRequest(reference + "-" + UUID.randomUUID().toString().substring(0, 8),
                null, DecisionType.DENIAL, LocalDate.of(2024, 1, 15),
                List.of(new DenialRequest.Item("3A001", null, null, null, null)),
                List.of(new DenialRequest.Party(PartyRole.END_USER, name, aliases, null, listed.country(), null)),
                "ZZ", null, List.of("WMD"), null, null, null,
                new Distribution(DistributionScope.STATES, null, List.of(recipient)), null);
        return denials.create(caller, request, null).view().id();
    }

    /** Words rotated, upper case, one letter of the longest word (6+ letters) replaced. */
    static String perturb(String name, Random random) {
        List<String> words = new ArrayList<>(List.of(name.trim().split("\\s+")));
        java.util.Collections.rotate(words, 1);
        int longest = 0;
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).length() > words.get(longest).length()) {
                longest = i;
            }
        }
        String w = words.get(longest);
        if (w.length() >= 6) {
            int p = 1 + random.nextInt(w.length() - 2);
            char c = Character.toLowerCase(w.charAt(p)) == 'e' ? 'a' : 'e';
            words.set(longest, w.substring(0, p) + c + w.substring(p + 1));
        }
        return String.join(" ", words).toUpperCase(Locale.ROOT);
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

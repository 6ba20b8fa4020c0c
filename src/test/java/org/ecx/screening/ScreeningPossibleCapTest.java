package org.ecx.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecx.screening.ScreeningTest.denialOn;
import static org.ecx.screening.ScreeningTest.screen;
import static org.ecx.screening.ScreeningTest.screening;
import static org.ecx.screening.ScreeningTest.word;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A screening never floods an officer with POSSIBLE matches (issue 9, fifth round; docs/screening.md §1). */
@QuarkusTest
class ScreeningPossibleCapTest {

    @Test
    void aScreenedPartyGetsEveryMatchButAtMostThreePossibleDenials() {
        String a = word();
        List<String> partial = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // the screened name is a partial name of one distinctive word of each of these: POSSIBLE, never MATCH
            partial.add(ScreeningTest.notify("DE", denialOn(a + " " + word() + " " + word() + " Trading", "END_USER",
                    "3A001.a.1")));
        }
        String exact = ScreeningTest.notify("DE", denialOn(a + " Trading", "END_USER", "3A001.a.1"));

        JsonPath result = screen("FR", screening(a + " Trading", "3A001.a.1"));
        List<Map<String, Object>> matches = result.getList("matches");
        List<Object> bands = matches.stream().map(m -> m.get("band")).toList();
        assertThat(matches).as("bands %s", bands).hasSize(1 + NameMatcher.POSSIBLE_PER_NAME);
        assertThat(matches.get(0).get("denialId")).isEqualTo(exact);
        assertThat(matches.get(0).get("band")).isEqualTo("MATCH");
        assertThat(matches.subList(1, matches.size())).allSatisfy(m -> {
            assertThat(m.get("band")).isEqualTo("POSSIBLE");
            assertThat(partial).contains((String) m.get("denialId"));
        });
    }
}

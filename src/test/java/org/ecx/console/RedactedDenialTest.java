package org.ecx.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactedDenialTest {

    @Test
    void aFieldIsWithheldExactlyWhenTheRedactorListedItsPath() {
        RedactedDenial d = new RedactedDenial(null, Set.of("rationale", "parties[1].address", "items[0].quantity"));
        assertThat(d.withheld("rationale")).isTrue();
        assertThat(d.withheld("contact")).isFalse();
        assertThat(d.partyWithheld(1, "address")).isTrue();
        assertThat(d.partyWithheld(0, "address")).isFalse();
        assertThat(d.partyWithheld(1, "identifiers")).isFalse();
        assertThat(d.itemWithheld(0, "quantity")).isTrue();
        assertThat(d.itemWithheld(0, "value")).isFalse();
    }
}

package org.ecx.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestsTest {

    @Test
    void theDigestIsSha256AsLowerCaseHex() {
        // FIPS 180-2 test vector
        assertThat(Digests.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void eachDigestDependsOnItsOwnTextOnlyThoughTheThreadKeepsOneDigester() {
        String first = Digests.sha256Hex("a.b.c");
        assertThat(Digests.sha256Hex("a.b.d")).isNotEqualTo(first);
        assertThat(Digests.sha256Hex("a.b.c")).isEqualTo(first);
        assertThat(Digests.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}

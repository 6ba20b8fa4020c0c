package org.ecx.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void aCursorComesBackAsItsPositionForTheSameEndpointAndState() {
        String c = Cursors.encode("denials", "JP", "4711");
        assertThat(Cursors.decodeLong("denials", "JP", c, 0)).isEqualTo(4711);
        assertThat(Cursors.decodeLong("denials", "JP", null, 7)).isEqualTo(7);
    }

    @Test
    void aCursorRevealsNeitherThePositionNorItsSize() {
        String near = Cursors.encode("denials", "JP", "5");
        String far = Cursors.encode("denials", "JP", "123456789012");
        assertThat(near).hasSameSizeAs(far);
        String raw = new String(Base64.getUrlDecoder().decode(far), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("123456789012").doesNotContain("denials");
        // the same position gives the same cursor (pages keep their ETag), another state's differs
        assertThat(Cursors.encode("denials", "JP", "5")).isEqualTo(near);
        assertThat(Cursors.encode("denials", "DE", "5")).isNotEqualTo(near);
    }

    @Test
    void aCursorOfAnotherStateOrEndpointOrAnAlteredOneIsRefused() {
        String c = Cursors.encode("denials", "JP", "42");
        assertRefused(() -> Cursors.decode("denials", "DE", c));
        assertRefused(() -> Cursors.decode("recognitions", "JP", c));
        char[] chars = c.toCharArray();
        chars[chars.length / 2] = chars[chars.length / 2] == 'A' ? 'B' : 'A';
        assertRefused(() -> Cursors.decode("denials", "JP", new String(chars)));
        assertRefused(() -> Cursors.decode("denials", "JP", "not a cursor"));
        String plainOldStyle = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("ecx1:denials:42".getBytes(StandardCharsets.UTF_8));
        assertRefused(() -> Cursors.decode("denials", "JP", plainOldStyle));
    }

    @Test
    void aCursorIsReadCorrectlyRightAfterARefusedOneOnTheSameThread() {
        // decryption reuses one cipher per thread: a refused cursor must leave nothing behind for the next
        String jp = Cursors.encode("feed", "JP", "17");
        for (int i = 0; i < 3; i++) {
            assertRefused(() -> Cursors.decode("feed", "DE", jp));
            assertThat(Cursors.decodeLong("feed", "JP", jp, 0)).isEqualTo(17);
            assertThat(Cursors.decodeLong("feed", "JP", Cursors.encode("feed", "JP", "18"), 0)).isEqualTo(18);
        }
    }

    private static void assertRefused(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOf(EcxException.class)
                .satisfies(e -> assertThat(((EcxException) e).code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
}

package org.ecx.controllist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The control-code grammar of SPEC §6 and the hierarchy it implies (plain unit test). */
class ControlCodeTest {

    @Test
    void validCodesFollowTheGrammarDownToDeepSubItems() {
        assertThat(ControlCode.isValid("3A001")).isTrue();
        assertThat(ControlCode.isValid("3A001.a")).isTrue();
        assertThat(ControlCode.isValid("3A001.a.1.a")).isTrue();
        assertThat(ControlCode.isValid("1C350.12")).isTrue();
        assertThat(ControlCode.isValid("6A004.a.aa")).isTrue();
    }

    @Test
    void malformedCodesAreRejected() {
        for (String bad : new String[] {null, "", "3A01", "3F001", "3a001", "3A001.", "3A001..a", "3A001.A",
                "3A001.a1", " 3A001", "3A001 ", "33A001", "3A001.a-1"}) {
            assertThat(ControlCode.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThat(ControlCode.isValid("3A001" + ".a".repeat(40))).as("too long").isFalse();
        assertThatThrownBy(() -> new ControlCode("nonsense")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void categoryGroupAndRootComeFromTheCode() {
        ControlCode code = new ControlCode("3A001.a.1.a");
        assertThat(code.category()).isEqualTo('3');
        assertThat(code.group()).isEqualTo('A');
        assertThat(code.root()).isEqualTo("3A001");
        assertThat(code.depth()).isEqualTo(3);
    }

    @Test
    void theParentIsTheCodeWithoutItsLastSegment() {
        assertThat(new ControlCode("3A001.a.1").parent()).contains(new ControlCode("3A001.a"));
        assertThat(new ControlCode("3A001").parent()).isEmpty();
        assertThat(new ControlCode("3A001.a.1.a").ancestors()).extracting(ControlCode::value)
                .containsExactly("3A001.a.1", "3A001.a", "3A001");
    }

    @Test
    void ancestryIsByWholeSegmentsNotByCharacters() {
        ControlCode a = new ControlCode("3A001.a");
        assertThat(a.isAncestorOf(new ControlCode("3A001.a.1"))).isTrue();
        assertThat(a.isAncestorOf(new ControlCode("3A001.ab"))).isFalse();
        assertThat(a.isAncestorOf(a)).isFalse();
        assertThat(new ControlCode("3A001.a.1").isDescendantOf(new ControlCode("3A001"))).isTrue();
    }

    @Test
    void aSearchPrefixIsAnyBeginningOfACode() {
        for (String prefix : new String[] {"3", "3A", "3A0", "3A001", "3A001.", "3A001.a", "3A001.a.1"}) {
            assertThat(ControlCode.isCodePrefix(prefix)).as(prefix).isTrue();
        }
        for (String bad : new String[] {null, "", "A", "3a", "3A001..", "3A001.A", "3A%", "3A_01"}) {
            assertThat(ControlCode.isCodePrefix(bad)).as(String.valueOf(bad)).isFalse();
        }
    }
}

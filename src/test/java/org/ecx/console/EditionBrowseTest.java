package org.ecx.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditionBrowseTest {

    @Test
    void thePathToAnEntryGoesThroughItsCategoryGroupAndEveryAncestor() {
        assertThat(EditionBrowse.path("3A001.a.1")).containsExactly("3", "3A", "3A001", "3A001.a", "3A001.a.1");
    }

    @Test
    void aPartialNumberOrATrailingDotIsItsOwnLastLevel() {
        assertThat(EditionBrowse.path("3A0")).containsExactly("3", "3A", "3A0");
        assertThat(EditionBrowse.path("3A001.")).containsExactly("3", "3A", "3A001");
    }

    @Test
    void aCategoryOrGroupAloneIsTheWholePath() {
        assertThat(EditionBrowse.path("5")).containsExactly("5");
        assertThat(EditionBrowse.path("5D")).containsExactly("5", "5D");
        assertThat(EditionBrowse.path(null)).isEmpty();
    }

    @Test
    void anEntryIsIndentedByItsDepthBelowTheRootOfItsTree() {
        assertThat(EditionBrowse.depth("3A001")).isZero();
        assertThat(EditionBrowse.depth("3A001.a")).isEqualTo(1);
        assertThat(EditionBrowse.depth("3A001.a.1")).isEqualTo(2);
    }
}

package org.ecx.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one paging shape: finite lists end without a cursor, feeds always carry one. */
class PageTest {

    @Test
    void aFiniteListIsCaughtUpExactlyOnItsLastPage() {
        assertThat(new Page<>(List.of("a", "b"), "next").caughtUp()).isFalse();
        Page<String> last = new Page<>(List.of("c"), null);
        assertThat(last.caughtUp()).isTrue();
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void aFeedPageKeepsItsCursorAlsoWhenCaughtUpAndEmpty() {
        Page<String> head = Page.ofFeed(List.of(), "here", true);
        assertThat(head.nextCursor()).isEqualTo("here");
        assertThat(head.caughtUp()).isTrue();
        assertThat(Page.ofFeed(List.of("x"), "later", false).caughtUp()).isFalse();
        assertThatThrownBy(() -> Page.ofFeed(List.of(), null, true)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.ecx.screening;

import java.util.ArrayList;
import java.util.List;
import org.ecx.screening.NameNormalizer.Token;

/**
 * The retrieval contract between the index and the scorer, in one place: the scorer only accepts token pairs
 * that share an exact index key, or whose {@link Token#text()} lies within {@link #editBudget} edits. The
 * index therefore looks up exactly these keys and this budget.
 *
 * <p>Merge note: once {@code NameNormalizer.Token.indexKeys()} and {@code NameMatcher.editBudget(int)} exist,
 * these two methods delegate to them (the lead points them there at merge).
 */
final class IndexKeys {

    private IndexKeys() {
    }

    /** Exact-match keys of a token, prefixed by kind: text, phonetic form, consonant skeleton. */
    static List<String> of(Token token) {
        List<String> keys = new ArrayList<>(3);
        keys.add("t:" + token.text());
        keys.add("p:" + token.phonetic());
        if (token.skeleton().length() >= 2) {
            keys.add("s:" + token.skeleton());
        }
        return keys;
    }

    /** Edits forgiven between token texts: none under 4 letters, 1 from 4, 2 from 8. */
    static int editBudget(int length) {
        return length < 4 ? 0 : length < 8 ? 1 : 2;
    }
}

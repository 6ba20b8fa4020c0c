package org.ecx.screening;

import java.util.List;
import java.util.Optional;
import org.ecx.controllist.ControlCode;

/**
 * How a denied item relates to a screened item, from the control-code hierarchy (SPEC §4, §6), seen from the
 * denial: EXACT (same code); ANCESTOR (the denied entry is an ancestor of the screened one: {@code 3A001}
 * denied, {@code 3A001.a.1} screened); DESCENDANT (the denied entry is below the screened one);
 * SAME_CATEGORY (neither, but the same category digit and group letter: {@code 3A001} and {@code 3A002});
 * NONE otherwise, or when no item was screened. The best relation over all item pairs counts, in this
 * order of strength.
 */
public enum ItemRelation {
    EXACT, ANCESTOR, DESCENDANT, SAME_CATEGORY, NONE;

    /** EXACT, ANCESTOR and DESCENDANT make a transaction "essentially identical" (SPEC §4). */
    public boolean sameItem() {
        return this == EXACT || this == ANCESTOR || this == DESCENDANT;
    }

    public static ItemRelation between(ControlCode denied, ControlCode screened) {
        if (denied.equals(screened)) {
            return EXACT;
        }
        if (denied.isAncestorOf(screened)) {
            return ANCESTOR;
        }
        if (denied.isDescendantOf(screened)) {
            return DESCENDANT;
        }
        if (denied.category() == screened.category() && denied.group() == screened.group()) {
            return SAME_CATEGORY;
        }
        return NONE;
    }

    /** The strongest relation between any denied and any screened entry (invalid stored codes are ignored). */
    public static ItemRelation best(List<String> denied, List<String> screened) {
        ItemRelation best = NONE;
        for (String d : denied) {
            Optional<ControlCode> dc = ControlCode.parse(d);
            if (dc.isEmpty()) {
                continue;
            }
            for (String s : screened) {
                Optional<ControlCode> sc = ControlCode.parse(s);
                if (sc.isPresent()) {
                    ItemRelation r = between(dc.get(), sc.get());
                    if (r.ordinal() < best.ordinal()) {
                        best = r;
                    }
                }
            }
        }
        return best;
    }
}

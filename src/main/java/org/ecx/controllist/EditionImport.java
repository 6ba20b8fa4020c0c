package org.ecx.controllist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one streamed import: entries arrive one by one (from JSON or CSV), are validated, and are
 * written in batches until the first problem; from then on they are only validated, so that the 422 lists
 * every bad entry. Memory holds the codes seen so far and one batch, never the whole edition.
 */
final class EditionImport {

    private record PendingParent(RawEntry entry, String parent) {
    }

    private final Set<String> regimes;
    private final ImportErrors errors;
    private final EntryBatchWriter writer;
    /** code → index of the first entry with that code. */
    private final Map<String, Integer> seen = new HashMap<>();
    /** entries whose parent had not been seen when they arrived (a file need not list parents first). */
    private final List<PendingParent> pending = new ArrayList<>();
    private int count;

    EditionImport(Set<String> regimes, ImportErrors errors, EntryBatchWriter writer) {
        this.regimes = regimes;
        this.errors = errors;
        this.writer = writer;
    }

    void accept(RawEntry raw) {
        count++;
        EntryView entry = EntryRules.validate(raw, regimes, errors);
        String code = raw.code();
        if (code != null && ControlCode.isValid(code)) {
            Integer first = seen.putIfAbsent(code, raw.index());
            if (first != null) {
                errors.add(raw.field("code"), code + ": duplicate code, already at entries[" + first + "]" + raw.where());
                entry = null;
            } else {
                new ControlCode(code).parent().ifPresent(parent -> {
                    if (!seen.containsKey(parent.value())) {
                        pending.add(new PendingParent(raw, parent.value()));
                    }
                });
            }
        }
        if (errors.any()) {
            writer.discard();
        } else if (entry != null) {
            writer.add(entry);
        }
    }

    /** Counts an element that could not even be read as an entry (its error is already recorded). */
    void skip() {
        count++;
        writer.discard();
    }

    /** Applies the whole-edition rules after the last entry and writes the last batch. */
    void finish() {
        for (PendingParent p : pending) {
            if (!seen.containsKey(p.parent())) {
                errors.add(p.entry().field("parentCode"), p.entry().code() + ": parent " + p.parent()
                        + " is not in the edition" + p.entry().where());
            }
        }
        if (count == 0) {
            errors.add("entries", "an edition needs at least one entry");
        }
        if (errors.any()) {
            writer.discard();
        } else {
            writer.flush();
        }
    }

    boolean contains(String code) {
        return seen.containsKey(code);
    }

    int count() {
        return count;
    }
}

package org.ecx.controllist;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A harmonized control-list code such as {@code 3A001.a.1} (SPEC §6). The hierarchy is implied by the
 * code: {@code 3A001.a.1} → parent {@code 3A001.a} → parent {@code 3A001}; category is the first digit,
 * group the letter (A–E).
 */
public record ControlCode(String value) implements Comparable<ControlCode> {

    public static final String GRAMMAR = "^[0-9][A-E][0-9]{3}(\\.[a-z]+|\\.[0-9]+)*$";
    private static final Pattern PATTERN = Pattern.compile(GRAMMAR);
    /** The start of a code: {@code 3}, {@code 3A}, {@code 3A0}, {@code 3A001.}, {@code 3A001.a.1}, … */
    private static final Pattern PREFIX = Pattern.compile("^[0-9]([A-E]([0-9]{1,2}|[0-9]{3}(\\.[a-z]+|\\.[0-9]+)*\\.?)?)?$");
    /** Codes longer than this are rejected as implausible (the real lists stay far below). */
    public static final int MAX_LENGTH = 64;

    public ControlCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a control code: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && PATTERN.matcher(value).matches();
    }

    /** True when {@code value} is the beginning of some valid code (used for prefix searches). */
    public static boolean isCodePrefix(String value) {
        return value != null && value.length() <= MAX_LENGTH && PREFIX.matcher(value).matches();
    }

    public static Optional<ControlCode> parse(String value) {
        return isValid(value) ? Optional.of(new ControlCode(value)) : Optional.empty();
    }

    /** Category 0–9 (first character). */
    public char category() {
        return value.charAt(0);
    }

    /** Group A–E (second character). */
    public char group() {
        return value.charAt(1);
    }

    /** The five-character root entry, e.g. {@code 3A001}. */
    public String root() {
        return value.substring(0, 5);
    }

    public Optional<ControlCode> parent() {
        int dot = value.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(new ControlCode(value.substring(0, dot)));
    }

    /** Ancestors from the nearest (parent) to the root entry. */
    public List<ControlCode> ancestors() {
        List<ControlCode> result = new ArrayList<>();
        Optional<ControlCode> p = parent();
        while (p.isPresent()) {
            result.add(p.get());
            p = p.get().parent();
        }
        return result;
    }

    /** True when this code is a strict ancestor of {@code other} ({@code 3A001} of {@code 3A001.a.1}). */
    public boolean isAncestorOf(ControlCode other) {
        return other.value.length() > value.length() && other.value.startsWith(value + ".");
    }

    public boolean isDescendantOf(ControlCode other) {
        return other.isAncestorOf(this);
    }

    public int depth() {
        int d = 0;
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '.') {
                d++;
            }
        }
        return d;
    }

    @Override
    public int compareTo(ControlCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

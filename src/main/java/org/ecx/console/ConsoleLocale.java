package org.ecx.console;

import java.util.List;
import java.util.Locale;

/**
 * The console's language: the one the officer switched to (a cookie), else the first of the browser's
 * {@code Accept-Language} that the console speaks, else English. Pure logic.
 */
final class ConsoleLocale {

    static final List<String> LANGUAGES = List.of("en", "fr", "de");
    static final String COOKIE = "ecx-lang";

    private ConsoleLocale() {
    }

    static Locale choose(String switched, String acceptLanguage) {
        if (switched != null && LANGUAGES.contains(switched)) {
            return Locale.forLanguageTag(switched);
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                // parse() orders the ranges by weight (q), highest first
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String language = range.getRange().split("-", 2)[0];
                    if (LANGUAGES.contains(language)) {
                        return Locale.forLanguageTag(language);
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header chooses nothing
            }
        }
        return Locale.ENGLISH;
    }

    /** Where to go back after switching: a console path of this application, never another site. */
    static String back(String requested) {
        if (requested == null || !requested.startsWith("/console") || requested.startsWith("//")
                || requested.contains("\\") || requested.contains("://")) {
            return "/console";
        }
        return requested;
    }
}

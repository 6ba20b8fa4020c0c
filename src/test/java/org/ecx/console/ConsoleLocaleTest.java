package org.ecx.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConsoleLocaleTest {

    @Test
    void theSwitchedLanguageWinsOverTheBrowsers() {
        assertThat(ConsoleLocale.choose("de", "fr-FR,fr;q=0.9")).isEqualTo(Locale.GERMAN);
    }

    @Test
    void theBrowsersMostWantedSpokenLanguageIsChosenByWeight() {
        assertThat(ConsoleLocale.choose(null, "ja;q=1.0, de;q=0.5, fr-CA;q=0.8")).isEqualTo(Locale.FRENCH);
    }

    @Test
    void anUnspokenOrMalformedOrMissingChoiceFallsBackToEnglish() {
        assertThat(ConsoleLocale.choose("xx", "ja, zh;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(ConsoleLocale.choose(null, ";;;q=zz")).isEqualTo(Locale.ENGLISH);
        assertThat(ConsoleLocale.choose(null, null)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void goingBackAfterASwitchStaysOnTheConsole() {
        assertThat(ConsoleLocale.back("/console/denials")).isEqualTo("/console/denials");
        assertThat(ConsoleLocale.back("https://evil.example/console")).isEqualTo("/console");
        assertThat(ConsoleLocale.back("//evil.example")).isEqualTo("/console");
        assertThat(ConsoleLocale.back("/api/v1/denials")).isEqualTo("/console");
        assertThat(ConsoleLocale.back(null)).isEqualTo("/console");
    }
}

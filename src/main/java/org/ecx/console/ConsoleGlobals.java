package org.ecx.console;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

/** Data every console template may use: who is looking, in which language, and the page's own path. */
@TemplateGlobal
final class ConsoleGlobals {

    private ConsoleGlobals() {
    }

    static Viewer me() {
        return context().viewerOrNobody();
    }

    static String lang() {
        return context().locale().getLanguage();
    }

    static String here() {
        return context().path();
    }

    private static ConsoleContext context() {
        return Arc.container().instance(ConsoleContext.class).get();
    }
}

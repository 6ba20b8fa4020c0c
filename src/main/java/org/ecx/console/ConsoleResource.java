package org.ecx.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.ecx.common.EcxException;
import org.ecx.statistics.PublicStatistics;
import org.ecx.statistics.StatisticsService;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The console's home, language switch, sign-out page and the public statistics (docs/console.md). */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    @Inject
    ConsoleContext ctx;

    @Inject
    StatisticsService statistics;

    /** Signed in (the console tenant's HTTP permission): the tasks the viewer's roles allow. */
    @GET
    @io.quarkus.security.Authenticated // any signed-in officer: the home page lists what the roles allow
    public TemplateInstance home() {
        ctx.viewer();
        return ctx.page(Pages.home());
    }

    /** Switches the language (a cookie of the console's path) and goes back to the page. */
    @GET
    @Path("/lang/{lang}")
    @jakarta.annotation.security.PermitAll // public, as in quarkus.http.auth.permission.console-public
    public Response language(@PathParam("lang") String lang, @QueryParam("back") String back) {
        if (!ConsoleLocale.LANGUAGES.contains(lang)) {
            throw EcxException.invalid("lang", "must be one of " + ConsoleLocale.LANGUAGES);
        }
        NewCookie cookie = new NewCookie.Builder(ConsoleLocale.COOKIE).value(lang).path("/console")
                .maxAge(365 * 24 * 3600).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(ConsoleLocale.back(back))).cookie(cookie).build();
    }

    /** Where Keycloak sends the officer after signing out (public). */
    @GET
    @Path("/signed-out")
    @jakarta.annotation.security.PermitAll // public, as in quarkus.http.auth.permission.console-public
    public TemplateInstance signedOut() {
        return ctx.page(Pages.signedOut());
    }

    /** Public: the same snapshot as GET /api/v1/statistics, drawn as server-side SVG charts. */
    @GET
    @Path("/statistics")
    @jakarta.annotation.security.PermitAll // public, as in quarkus.http.auth.permission.console-public
    public TemplateInstance statistics() {
        PublicStatistics stats = statistics.current();
        List<Chart> charts = List.of(Chart.of("year", stats.byYear()), Chart.of("regime", stats.byRegime()),
                Chart.of("category", stats.byCategory()), Chart.of("reason", stats.byReason()));
        return ctx.page(Pages.statistics(stats, charts));
    }

    @ServerExceptionMapper
    public Response refused(EcxException e) {
        return ctx.error(e);
    }
}

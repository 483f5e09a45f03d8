package org.pdnavigator.bot.ops;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The dashboard's routes: the page and the login page (static HTML with the CSRF token filled in), the JSON the
 * page polls, and its script and style. Nothing is loaded from outside the bot.
 */
final class OpsPages {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final Dashboard dashboard;
    private final String page = read("ops/dashboard.html");
    private final String login = read("ops/login.html");

    OpsPages(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    RouterFunction<ServerResponse> routes(boolean on) {
        if (!on) {
            // The security rules refuse /ops; nothing to route.
            return RouterFunctions.route().GET("/ops/off", r -> ServerResponse.notFound().build()).build();
        }
        return RouterFunctions.route()
            .GET("/ops", this::page)
            .GET("/ops/", r -> ServerResponse.permanentRedirect(URI.create("/ops")).build())
            .GET("/ops/login", this::login)
            .GET("/ops/api/summary", r -> json(dashboard.summary(Dashboard.Range.of(r.param("range").orElse("today")))))
            .GET("/ops/api/recent", r -> json(dashboard.recent()))
            .resources("/ops/assets/**", new ClassPathResource("ops/"))
            .build();
    }

    private ServerResponse page(ServerRequest request) {
        String user = request.principal().map(java.security.Principal::getName).orElse("");
        return html(fill(page, request, Map.of("user", user)));
    }

    private ServerResponse login(ServerRequest request) {
        String message = request.param("error").isPresent() ? "Wrong username or password."
            : request.param("logout").isPresent() ? "You are logged out." : "";
        return html(fill(login, request, Map.of("message", message)));
    }

    private static ServerResponse json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ServerResponse html(String body) {
        return ServerResponse.ok().contentType(HTML).body(body);
    }

    /** Fills {@code {{name}}} slots with escaped values, and the CSRF token for forms. */
    private static String fill(String template, ServerRequest request, Map<String, String> values) {
        CsrfToken csrf = (CsrfToken) request.servletRequest().getAttribute(CsrfToken.class.getName());
        String result = template
            .replace("{{csrfParam}}", csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName()))
            .replace("{{csrfHeader}}", csrf == null ? "X-CSRF-TOKEN" : HtmlUtils.htmlEscape(csrf.getHeaderName()))
            .replace("{{csrfToken}}", csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()));
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("{{" + value.getKey() + "}}", HtmlUtils.htmlEscape(value.getValue()));
        }
        return result;
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + path, e);
        }
    }
}

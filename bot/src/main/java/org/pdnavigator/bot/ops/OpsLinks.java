package org.pdnavigator.bot.ops;

import org.pdnavigator.bot.share.OrganizerCode;
import org.pdnavigator.bot.share.OrganizerCodes;
import org.pdnavigator.bot.share.QrImages;
import org.pdnavigator.bot.share.ShareLinks;
import org.pdnavigator.i18n.Language;
import org.pdnavigator.i18n.Languages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's "Links and QR codes": operators create organizers' codes (a POST, CSRF-protected like every
 * POST under /ops), see each code's link in a language, and download its QR code as PNG or SVG.
 */
final class OpsLinks {

    /** Big enough to print on a poster. */
    static final int PNG_PIXELS = 1024;

    /** One row: a code (or none, for the plain link), its all-time count, its link in the chosen language. */
    record Code(String code, Instant created, Long conversations, String link) {
    }

    record LanguageOption(String tag, String label) {
    }

    record Codes(boolean available, String language, List<LanguageOption> languages, List<Code> codes) {
    }

    record Created(String code) {
    }

    record Problem(String error) {
    }

    private final OrganizerCodes codes;
    private final ShareLinks links;
    private final QrImages qr;
    private final Languages languages;

    OpsLinks(OrganizerCodes codes, ShareLinks links, QrImages qr, Languages languages) {
        this.codes = codes;
        this.links = links;
        this.qr = qr;
        this.languages = languages;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
            .GET("/ops/api/codes", this::list)
            .POST("/ops/api/codes", this::create)
            .GET("/ops/links/qr.png", r -> image(r, false))
            .GET("/ops/links/qr.svg", r -> image(r, true))
            .build();
    }

    private ServerResponse list(ServerRequest request) {
        String language = language(request);
        boolean available = links.available();
        List<Code> rows = new ArrayList<>();
        rows.add(new Code(null, null, null, available ? links.link(language, Optional.empty()) : null));
        for (OrganizerCode code : codes.all()) {
            rows.add(new Code(code.code(), code.created(), code.conversations(),
                available ? links.link(language, Optional.of(code.code())) : null));
        }
        List<LanguageOption> options = languages.shipped().stream()
            .map(l -> new LanguageOption(l.tag(), Labels.language(l.tag()))).toList();
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
            .body(new Codes(available, language, options, rows));
    }

    private ServerResponse create(ServerRequest request) {
        String code = request.param("code").map(String::strip).orElse("");
        try {
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new Created(codes.create(code).code()));
        } catch (IllegalArgumentException e) {
            return ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON).body(new Problem(e.getMessage()));
        }
    }

    private ServerResponse image(ServerRequest request, boolean svg) {
        if (!links.available()) {
            return ServerResponse.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_PLAIN)
                .body("The bot's username is not known yet, so there is no link to draw.");
        }
        String language = language(request);
        Optional<String> code = request.param("code").filter(c -> !c.isBlank());
        String link;
        try {
            link = links.link(language, code);
        } catch (IllegalArgumentException e) {
            return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
        }
        String name = "pd-navigator-" + language + code.map(c -> "-" + c).orElse("") + (svg ? ".svg" : ".png");
        ServerResponse.BodyBuilder response = ServerResponse.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        return svg
            ? response.contentType(new MediaType("image", "svg+xml", StandardCharsets.UTF_8)).body(qr.svg(link))
            : response.contentType(MediaType.IMAGE_PNG).body(qr.png(link, PNG_PIXELS));
    }

    /** The language asked for, if the bot speaks it; else the fallback. */
    private String language(ServerRequest request) {
        return request.param("lang").flatMap(languages::match).map(Language::tag)
            .orElseGet(() -> languages.choose(null, null, null).tag());
    }
}

package org.pdnavigator.bot.ops;

import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.e2e.RunningBot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an operator's login configured, the page and the metrics are off; health stays open for probes. */
class DashboardOffTest {

    @Test
    void withoutOperatorSettingsThePageAndMetricsAreRefusedWhateverIsTried() throws Exception {
        try (RunningBot bot = RunningBot.start()) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + bot.port();
            for (String path : new String[] {"/ops", "/ops/login", "/ops/api/summary", "/actuator/prometheus"}) {
                for (String password : new String[] {"", "user", "password", "admin"}) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
                    if (!password.isEmpty()) {
                        request.header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(("user:" + password).getBytes(StandardCharsets.UTF_8)));
                    }
                    int status = http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
                    assertThat(status).as(path + " with " + password).isIn(401, 403);
                }
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }
}

package org.pdnavigator.bot.ops;

import org.pdnavigator.bot.share.OrganizerCodes;
import org.pdnavigator.bot.share.QrImages;
import org.pdnavigator.bot.share.ShareLinks;
import org.pdnavigator.i18n.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.time.Duration;

/**
 * The operators' page under {@code /ops} and the management endpoints, behind the operator's login. Health stays
 * open (probes); webhook deliveries and everything else are untouched (they carry their own secret).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpsWebConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OpsWebConfiguration.class);

    @Bean
    LoginThrottle loginThrottle() {
        return new LoginThrottle(5, Duration.ofMinutes(15));
    }

    @Bean
    @Order(1)
    SecurityFilterChain managementSecurity(HttpSecurity http, OperatorSettings settings, LoginThrottle throttle)
        throws Exception {
        http.securityMatcher("/actuator/**")
            .authorizeHttpRequests(a -> {
                a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                if (settings.loginConfigured()) {
                    a.anyRequest().authenticated();
                } else {
                    a.anyRequest().denyAll();
                }
            })
            // Prometheus logs in with HTTP Basic; a browser logged in to the dashboard may look too.
            .httpBasic(Customizer.withDefaults())
            // Only reading endpoints are exposed.
            .csrf(c -> c.disable())
            .addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboardSecurity(HttpSecurity http, OperatorSettings settings, LoginThrottle throttle)
        throws Exception {
        http.securityMatcher("/ops", "/ops/**");
        if (!settings.loginConfigured()) {
            log.warn("The operators' dashboard (/ops) and the management endpoints other than health are off: "
                + "set OPERATOR_USERNAME and OPERATOR_PASSWORD to turn them on.");
            http.authorizeHttpRequests(a -> a.anyRequest().denyAll());
            return http.build();
        }
        http.authorizeHttpRequests(a -> a.requestMatchers("/ops/login", "/ops/assets/ops.css").permitAll()
                .anyRequest().authenticated())
            .formLogin(f -> f.loginPage("/ops/login").loginProcessingUrl("/ops/login")
                .defaultSuccessUrl("/ops", true).failureUrl("/ops/login?error"))
            .logout(l -> l.logoutUrl("/ops/logout").logoutSuccessUrl("/ops/login?logout"))
            // The page's script learns its session ended from a 401, not from a login page as JSON.
            .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(
                HttpStatus.UNAUTHORIZED), PathPatternRequestMatcher.withDefaults().matcher("/ops/api/**")))
            .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; "
                + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'")))
            .addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Everything else: webhook deliveries (checked by their secret token), error pages. */
    @Bean
    @Order(3)
    SecurityFilterChain otherSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    RouterFunction<ServerResponse> opsPages(OperatorSettings settings, Dashboard dashboard) {
        return new OpsPages(dashboard).routes(settings.loginConfigured());
    }

    /** Links and QR codes for organizers, on the dashboard: only with the operator's login. */
    @Bean
    RouterFunction<ServerResponse> opsLinks(OperatorSettings settings, OrganizerCodes codes, ShareLinks links,
                                            QrImages qr, Languages languages) {
        if (!settings.loginConfigured()) {
            return RouterFunctions.route().GET("/ops/api/codes", r -> ServerResponse.notFound().build()).build();
        }
        return new OpsLinks(codes, links, qr, languages).routes();
    }
}

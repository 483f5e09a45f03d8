package org.pdnavigator.bot.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed logins are limited per address: after {@link #maxFailures} failures within {@link #window}, further
 * attempts from that address get 429 until the window passes. A login that succeeds clears the count. Covers the
 * dashboard's form and HTTP Basic on the management endpoints (how Prometheus logs in).
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final int maxFailures;
    private final Duration window;
    private final Cache<String, AtomicInteger> failures;

    LoginThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    boolean blocked(String address) {
        AtomicInteger count = failures.getIfPresent(address);
        return count != null && count.get() >= maxFailures;
    }

    void failed(String address) {
        int count = failures.asMap().computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        // Written again so the window counts from the latest failure.
        failures.put(address, new AtomicInteger(count));
        if (count == maxFailures) {
            log.warn("Operator login: {} failed attempts from one address; refusing it for {}", count, window);
        }
    }

    void succeeded(String address) {
        failures.invalidate(address);
    }

    /** Wraps the attempts to log in: refuses blocked addresses, counts how each attempt ended. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                boolean form = "POST".equals(request.getMethod()) && "/ops/login".equals(request.getRequestURI());
                String authorization = request.getHeader("Authorization");
                boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
                if (!form && !basic) {
                    chain.doFilter(request, response);
                    return;
                }
                String address = request.getRemoteAddr();
                if (blocked(address)) {
                    response.setStatus(429);
                    response.setHeader("Retry-After", Long.toString(window.toSeconds()));
                    response.setContentType("text/plain;charset=UTF-8");
                    response.getOutputStream().write("Too many failed logins. Try again later.\n"
                        .getBytes(StandardCharsets.UTF_8));
                    return;
                }
                chain.doFilter(request, response);
                String location = response.getHeader("Location");
                boolean failed = form ? location == null || location.contains("error") : response.getStatus() == 401;
                if (failed) {
                    failed(address);
                } else {
                    succeeded(address);
                }
            }
        };
    }
}

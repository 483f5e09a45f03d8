package org.pdnavigator.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Follow-up reminders; application.yaml maps each to its environment variable and default.
 *
 * @param unit  {@code BOT_REMINDER_UNIT}: how long one "day" of a reminder lasts (ISO-8601, {@code P1D}); tests use
 *              {@code PT1S}
 * @param days  {@code BOT_REMINDER_DAYS}: the choices offered, in days
 * @param poll  {@code BOT_REMINDER_POLL}: how often due reminders are looked for
 * @param claim {@code BOT_REMINDER_CLAIM}: how long an instance holds a due reminder while sending it; if it dies
 *              meanwhile, another sends it after that
 */
@ConfigurationProperties(prefix = "bot.reminder")
public record ReminderSettings(Duration unit, List<Integer> days, Duration poll, Duration claim) {

    public ReminderSettings {
        unit = unit == null ? Duration.ofDays(1) : unit;
        days = days == null || days.isEmpty() ? List.of(3, 7, 14) : List.copyOf(days);
        poll = poll == null ? Duration.ofSeconds(5) : poll;
        claim = claim == null ? Duration.ofMinutes(2) : claim;
        if (unit.isNegative() || unit.isZero()) {
            throw new IllegalArgumentException("BOT_REMINDER_UNIT must be a positive ISO-8601 duration, like P1D");
        }
        if (days.stream().anyMatch(d -> d < 1 || d > 90)) {
            throw new IllegalArgumentException("BOT_REMINDER_DAYS must be numbers of days from 1 to 90: " + days);
        }
    }

    /** When a reminder of so many days comes due, from now. */
    public Duration after(int days) {
        return unit.multipliedBy(days);
    }
}

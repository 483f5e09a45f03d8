package org.pdnavigator.dialogs.directory;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** When a phone line answers: structured, so every language can word it its own way. */
public record Hours(Days days, Optional<LocalTime> opens, Optional<LocalTime> closes, Optional<ZoneId> zone) {

    public enum Days { ALWAYS, WEEKDAYS }

    public static Hours always() {
        return new Hours(Days.ALWAYS, Optional.empty(), Optional.empty(), Optional.empty());
    }
}

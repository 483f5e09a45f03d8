package org.pdnavigator.dialogs.directory;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A publication date as precise as the source gives it: a year, a month or a day.
 * Sources like "ILW article, 2015" name only the year; the bot must not pretend to know more.
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public PartialDate {
        if (day != null && month == null) {
            throw new IllegalArgumentException("A day needs a month");
        }
        // Validates the month and the day.
        LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /** Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}. */
    public static PartialDate parse(String text) {
        Matcher m = FORM.matcher(Objects.requireNonNull(text, "text").strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: " + text);
        }
        return new PartialDate(Integer.parseInt(m.group(1)),
            m.group(2) == null ? null : Integer.valueOf(m.group(2)),
            m.group(3) == null ? null : Integer.valueOf(m.group(3)));
    }

    public Precision precision() {
        return day != null ? Precision.DAY : month != null ? Precision.MONTH : Precision.YEAR;
    }

    /** The earliest day this date can stand for. */
    public LocalDate start() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /** Whole years between this date and {@code today}, counted from the earliest day it can stand for. */
    public int yearsBefore(LocalDate today) {
        return Math.max(0, Period.between(start(), today).getYears());
    }

    @Override
    public int compareTo(PartialDate other) {
        return start().compareTo(other.start());
    }

    @Override
    public String toString() {
        return switch (precision()) {
            case YEAR -> String.format("%04d", year);
            case MONTH -> String.format("%04d-%02d", year, month);
            case DAY -> String.format("%04d-%02d-%02d", year, month, day);
        };
    }

    public enum Precision { YEAR, MONTH, DAY }
}

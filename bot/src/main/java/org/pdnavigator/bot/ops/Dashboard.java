package org.pdnavigator.bot.ops;

import org.pdnavigator.dialogs.Step;
import org.pdnavigator.dialogs.directory.Directory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the operators' page shows, counted from the anonymous events with SQL that runs alike on H2 and
 * PostgreSQL. Days and hours are the server's time zone.
 */
public final class Dashboard {

    /** A conversation idle this long without reaching the answer has stopped there. */
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final Set<Step> AT_THE_ANSWER = EnumSet.of(Step.ANSWER, Step.WHY, Step.LADDER, Step.DRAFT);
    private static final int RECENT = 15;

    public enum Range {
        TODAY("today", "Today"), WEEK("7d", "7 days"), MONTH("30d", "30 days");

        private final String key;
        private final String label;

        Range(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public static Range of(String key) {
            return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst().orElse(TODAY);
        }

        Instant from(Instant now, ZoneId zone) {
            return switch (this) {
                case TODAY -> LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
                case WEEK -> now.minus(Duration.ofDays(7));
                case MONTH -> now.minus(Duration.ofDays(30));
            };
        }
    }

    /** One figure with its key (as stored) and the words shown. */
    public record Count(String key, String label, long count) {
    }

    /** How many chats reached a step, and how many stopped there without reaching the answer. */
    public record FunnelStep(String step, String label, long reached, long stopped) {
    }

    public record Failure(String kind, String method, String outcome, long count) {
    }

    public record Summary(String range, String rangeLabel, Instant from, Instant generated, long started,
                          long finished, Long medianMillis, long inProgress, long forgotten, List<Count> perTime,
                          List<FunnelStep> funnel, List<Count> situations, List<Count> offices, List<Count> languages,
                          List<Count> referrals, long errors, long telegramFailures, List<Failure> failures) {
    }

    public record StepAt(String step, String label, Instant at) {
    }

    /** One chat's latest conversation, anonymous: a tag, a language, the steps and the outcome. */
    public record Conversation(String tag, String language, String outcome, List<StepAt> steps) {
    }

    private final JdbcTemplate jdbc;
    private final Directory directory;
    private final Clock clock;
    private final ZoneId zone;

    public Dashboard(JdbcTemplate jdbc, Directory directory, Clock clock, ZoneId zone) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.zone = zone;
    }

    public Summary summary(Range range) {
        Instant now = clock.instant();
        Instant from = range.from(now, zone);
        Timestamp since = Timestamp.from(from);
        long started = count("select count(*) from activity_event where kind = 'start' and at >= ?", since);
        long finished = count("select count(*) from activity_event where kind = 'answer' and at >= ?", since);
        long forgotten = count("select count(*) from activity_event where kind = 'forget' and at >= ?", since);
        Number median = jdbc.queryForObject("select percentile_cont(0.5) within group (order by millis) "
            + "from activity_event where kind = 'answer' and millis is not null and at >= ?", Number.class, since);

        List<Latest> latest = latest(since);
        Map<String, Long> stopped = new LinkedHashMap<>();
        long inProgress = 0;
        Map<String, Long> languages = new LinkedHashMap<>();
        for (Latest l : latest) {
            languages.merge(l.language() == null ? "?" : l.language(), 1L, Long::sum);
            if (l.step() == null || AT_THE_ANSWER.contains(l.step())) {
                continue;
            }
            if (l.at().isBefore(now.minus(IDLE))) {
                stopped.merge(l.step().name(), 1L, Long::sum);
            } else {
                inProgress++;
            }
        }
        Map<String, Long> reached = grouped("select step, count(distinct tag) from activity_event "
            + "where step is not null and tag is not null and at >= ? group by step", since);
        List<FunnelStep> funnel = new ArrayList<>();
        for (Step step : Step.values()) {
            long r = reached.getOrDefault(step.name(), 0L);
            if (!step.junction() && (r > 0 || step == Step.WELCOME || step == Step.ROLE || step == Step.SITUATION
                || step == Step.ANSWER)) {
                funnel.add(new FunnelStep(step.name(), Labels.step(step), r, stopped.getOrDefault(step.name(), 0L)));
            }
        }

        List<Count> situations = counts(grouped("select situation, count(*) from activity_event "
            + "where kind = 'answer' and at >= ? group by situation", since), Labels::situation);
        List<Count> offices = counts(grouped("select office, count(*) from activity_event "
            + "where kind = 'answer' and at >= ? group by office", since), this::office);
        List<Count> referrals = counts(grouped("select organizer, count(*) from activity_event "
            + "where kind = 'start' and at >= ? group by organizer", since),
            code -> code == null ? "No code (direct)" : "other".equals(code) ? "Unknown code" : code);
        List<Count> languageCounts = counts(languages, Labels::language);

        List<Failure> failures = jdbc.query("select kind, method, outcome, count(*) from ops_failure where at >= ? "
                + "group by kind, method, outcome order by count(*) desc, kind, method, outcome",
            (rs, i) -> new Failure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), since);
        long errors = failures.stream().filter(f -> f.kind().equals("error")).mapToLong(Failure::count).sum();
        long telegram = failures.stream().filter(f -> f.kind().equals("telegram")).mapToLong(Failure::count).sum();

        return new Summary(range.key(), range.label(), from, now, started, finished,
            median == null ? null : Math.round(median.doubleValue()), inProgress, forgotten, perTime(range, from, now),
            funnel, situations, offices, languageCounts, referrals, errors, telegram, failures);
    }

    /** Conversations started per hour today, per day over longer ranges: every bucket, empty ones too. */
    private List<Count> perTime(Range range, Instant from, Instant now) {
        List<Count> buckets = new ArrayList<>();
        Timestamp since = Timestamp.from(from);
        if (range == Range.TODAY) {
            Map<String, Long> byHour = grouped("select extract(hour from at), count(*) from activity_event "
                + "where kind = 'start' and at >= ? group by extract(hour from at)", since);
            int hours = now.atZone(zone).getHour();
            for (int h = 0; h <= hours; h++) {
                buckets.add(new Count(Integer.toString(h), String.format(Locale.ROOT, "%02d:00", h),
                    byHour.getOrDefault(Integer.toString(h), 0L)));
            }
        } else {
            Map<String, Long> byDay = grouped("select cast(at as date), count(*) from activity_event "
                + "where kind = 'start' and at >= ? group by cast(at as date)", since);
            for (LocalDate d = LocalDate.ofInstant(from, zone); !d.isAfter(LocalDate.ofInstant(now, zone));
                 d = d.plusDays(1)) {
                buckets.add(new Count(d.toString(), d.getMonthValue() + "/" + d.getDayOfMonth(),
                    byDay.getOrDefault(d.toString(), 0L)));
            }
        }
        return buckets;
    }

    /** The latest conversation of the chats most recently active. */
    public List<Conversation> recent() {
        Instant now = clock.instant();
        // The newest events, read backwards along the time index, until enough chats are found.
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        jdbc.query("select tag from activity_event where tag is not null order by at desc, id desc limit "
            + RECENT * 60, rs -> {
                if (found.size() < RECENT) {
                    found.add(rs.getString(1));
                }
            });
        List<String> tags = List.copyOf(found);
        List<Conversation> conversations = new ArrayList<>();
        for (String tag : tags) {
            List<Row> rows = jdbc.query("select kind, step, language, at from activity_event where tag = ? "
                    + "and id >= coalesce((select max(id) from activity_event where tag = ? and kind = 'start'), 0) "
                    + "order by id",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                tag, tag);
            if (rows.isEmpty()) {
                continue;
            }
            Row last = rows.get(rows.size() - 1);
            boolean answered = rows.stream().anyMatch(r -> r.kind().equals("answer"));
            Step lastStep = step(last.step()).orElse(null);
            String outcome = answered ? "Reached the answer"
                : last.at().isAfter(now.minus(IDLE)) ? "In progress"
                : "Stopped at " + (lastStep == null ? "?" : Labels.step(lastStep));
            List<StepAt> steps = rows.stream().filter(r -> r.step() != null)
                .map(r -> new StepAt(r.step(), step(r.step()).map(Labels::step).orElse(r.step()), r.at())).toList();
            conversations.add(new Conversation(tag, Labels.language(last.language()), outcome, steps));
        }
        return conversations;
    }

    /** Today's figures in a few words, for /stats in Telegram. */
    public Summary today() {
        return summary(Range.TODAY);
    }

    private record Row(String kind, String step, String language, Instant at) {
    }

    private record Latest(Step step, String language, Instant at) {
    }

    /** Each chat's latest event, for chats active in the range. */
    private List<Latest> latest(Timestamp since) {
        // A chat active in the range has its latest event in the range: numbering the range's events per chat is
        // enough, and needs no per-row subquery (which PostgreSQL can plan badly on a fresh table).
        return jdbc.query("select step, language, at from (select step, language, at, row_number() over "
                + "(partition by tag order by id desc) as newest from activity_event where tag is not null and at >= ?) "
                + "latest where newest = 1",
            (rs, i) -> new Latest(step(rs.getString(1)).orElse(null), rs.getString(2), rs.getTimestamp(3).toInstant()),
            since);
    }

    private static Optional<Step> step(String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(Step.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String office(String id) {
        if (id == null) {
            return "No office (how to find it)";
        }
        return directory.oplaOffice(id).map(o -> "ICE lawyers (OPLA): " + o.field() + o.sub().map(s -> ", " + s)
                .orElse(""))
            .or(() -> directory.eroOffice(id).map(o -> "ICE field office (ERO): " + o.name()))
            .orElse(id);
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    /** Rows of (key, count); the key as text ({@code null} stays null), numbers without decimals. */
    private Map<String, Long> grouped(String sql, Object... args) {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            Object key = rs.getObject(1);
            String text = key == null ? null
                : key instanceof Number n ? Long.toString(n.longValue()) : key.toString();
            result.merge(text, rs.getLong(2), Long::sum);
        }, args);
        return result;
    }

    private static List<Count> counts(Map<String, Long> grouped, java.util.function.Function<String, String> label) {
        return grouped.entrySet().stream()
            .map(e -> new Count(e.getKey() == null ? "none" : e.getKey(), label.apply(e.getKey()), e.getValue()))
            .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::label))
            .toList();
    }
}

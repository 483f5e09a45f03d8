package org.pdnavigator.bot.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the JMH benchmarks (one dialogue step, the session store) with few forks and iterations, and prints the
 * figures. Not part of the test run ({@code benchmark} tag); run it with:
 *
 * <pre>
 * ./mvnw -B -q -ntp -pl bot -am test -Dtest=JmhBenchmarks -DexcludedTags=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Djmh.include=DialogueStep} picks benchmarks by a regular expression; {@code -Djmh.prof=stack} adds a
 * profiler; {@code -Djmh.jvmArgs="-XX:StartFlightRecording=filename=step.jfr"} adds options to the forked JVM.
 */
@Tag("benchmark")
class JmhBenchmarks {

    @Test
    void run() throws RunnerException {
        ChainedOptionsBuilder builder = new OptionsBuilder()
            .include(System.getProperty("jmh.include", DialogueStepBenchmark.class.getSimpleName() + "|"
                + SessionStoreBenchmark.class.getSimpleName()))
            .forks(Integer.getInteger("jmh.forks", 1))
            .warmupIterations(3).warmupTime(TimeValue.seconds(2))
            .measurementIterations(5).measurementTime(TimeValue.seconds(2))
            .threads(1)
            .shouldFailOnError(true);
        if (System.getProperty("jmh.prof") != null) {
            builder.addProfiler(System.getProperty("jmh.prof"));
        }
        if (System.getProperty("jmh.jvmArgs") != null) {
            builder.jvmArgsAppend(System.getProperty("jmh.jvmArgs").split(" "));
        }
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).isNotEmpty();
        System.out.println();
        for (RunResult result : results) {
            var primary = result.getPrimaryResult();
            System.out.printf("%-58s %10.2f ± %.2f %s%n", result.getParams().getBenchmark().replace(
                "org.pdnavigator.bot.bench.", ""), primary.getScore(), primary.getScoreError(), primary.getScoreUnit());
        }
    }
}

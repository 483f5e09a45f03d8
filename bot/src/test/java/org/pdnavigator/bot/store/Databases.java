package org.pdnavigator.bot.store;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Real databases for tests: the embedded H2 in a directory, and the PostgreSQL server on 127.0.0.1:5432
 * (database {@code test}), each test in a schema of its own that is dropped afterwards.
 */
public final class Databases {

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String POSTGRES_USER = "postgres";

    private Databases() {
    }

    /** A migrated database and what the store needs of it. */
    public record Database(String url, String user, DataSource dataSource, JdbcTemplate jdbc,
                           TransactionTemplate transactions, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
    }

    public static Database h2(Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("pd-navigator")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        return migrated(url, "", () -> { });
    }

    /** A fresh schema on the local PostgreSQL server. */
    public static Database postgres() {
        String schema = "pdn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(POSTGRES_URL, POSTGRES_USER, ""));
        admin.execute("create schema " + schema);
        return migrated(postgresUrl(schema), POSTGRES_USER, () -> admin.execute("drop schema " + schema + " cascade"));
    }

    public static String postgresUrl(String schema) {
        return POSTGRES_URL + "?currentSchema=" + schema;
    }

    /** A schema on the local PostgreSQL server, for bots that migrate it themselves. */
    public static String newPostgresSchema() {
        String schema = "pdn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        new JdbcTemplate(new DriverManagerDataSource(POSTGRES_URL, POSTGRES_USER, "")).execute("create schema " + schema);
        return schema;
    }

    public static void dropPostgresSchema(String schema) {
        new JdbcTemplate(new DriverManagerDataSource(POSTGRES_URL, POSTGRES_USER, ""))
            .execute("drop schema if exists " + schema + " cascade");
    }

    /** Pooled, as the application's data source is (Hikari): a connection per statement would dwarf the work. */
    private static Database migrated(String url, String user, Runnable drop) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new Database(url, user, dataSource, new JdbcTemplate(dataSource),
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)), () -> {
                dataSource.close();
                drop.run();
            });
    }

    /** Every text value in every table of the store, for checks that nothing names a user. */
    public static List<String> everything(JdbcTemplate jdbc) {
        List<String> values = new java.util.ArrayList<>();
        for (String table : List.of("chat_state", "handled_update", "sent_message")) {
            jdbc.query("select * from " + table, rs -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    values.add(String.valueOf(rs.getObject(i)));
                }
            });
        }
        return values;
    }
}

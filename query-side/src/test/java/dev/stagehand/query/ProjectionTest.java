package dev.stagehand.query;

import dev.stagehand.platform.axon.ReadModelWrites;
import dev.stagehand.platform.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A projection driven with events against the read-model schema in a real PostgreSQL (embedded, started once for every
 * projection test of the run, on a data directory of its own), read back through its query handlers.
 */
public abstract class ProjectionTest {

    protected static final JdbcClient JDBC;
    protected static final ReadModelWrites WRITES;
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.start(
                    Path.of("target", "projection-db", UUID.randomUUID().toString()), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            SimpleDriverDataSource database = new SimpleDriverDataSource(new org.postgresql.Driver(),
                    postgres.jdbcUrl());
            Flyway.configure().dataSource(database).locations("classpath:db/query").load().migrate();
            JDBC = JdbcClient.create(database);
            WRITES = new ReadModelWrites(new NamedParameterJdbcTemplate(database));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

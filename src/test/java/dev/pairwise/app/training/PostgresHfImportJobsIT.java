package dev.pairwise.app.training;

import dev.pairwise.app.PairwiseApplication;
import dev.pairwise.labeling.PostgresAvailable;
import dev.pairwise.labeling.PostgresTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link HfImportJobsScenario} on PostgreSQL 15, migrated from a clean schema (V18's job-type check
 * included); skipped (or failed on CI) without it.
 *
 * <p>On a database of its own ({@value #DATABASE}, created on first use next to the test database):
 * the app contexts of earlier test classes stay cached in this JVM, and each one's job runner
 * claims queued jobs from the database it shares. On the shared test database one of them could
 * take this scenario's IMPORT job and look for the model folder under its own import roots
 * ("No folder …/data/tiny-llama-…", seen once on CI) — as two app instances with different
 * settings would; real instances share their settings.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(classes = {PairwiseApplication.class, PostgresTest.CleanMigrate.class}, properties = {
        "spring.datasource.username=${pairwise.test.pg.user:pairwise}",
        "spring.datasource.password=${pairwise.test.pg.password:pairwise}",
        "spring.flyway.clean-disabled=false",
        "pairwise.demo.enabled=true"})
@AutoConfigureMockMvc
class PostgresHfImportJobsIT extends HfImportJobsScenario {

    static final String DATABASE = "pairwise_test_hf_jobs";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresHfImportJobsIT::ownDatabaseUrl);
    }

    /** The test database's URL with {@link #DATABASE} in place of its name; the database made if missing. */
    private static String ownDatabaseUrl() {
        String shared = System.getProperty("pairwise.test.pg.url", "jdbc:postgresql://localhost:5432/pairwise_test");
        String user = System.getProperty("pairwise.test.pg.user", "pairwise");
        String password = System.getProperty("pairwise.test.pg.password", "pairwise");
        int slash = shared.lastIndexOf('/');
        int query = shared.indexOf('?', slash);
        String own = shared.substring(0, slash + 1) + DATABASE + (query < 0 ? "" : shared.substring(query));
        try (Connection c = DriverManager.getConnection(shared, user, password);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet r = exists.executeQuery()) {
                if (!r.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + DATABASE + " next to " + shared, e);
        }
        return own;
    }
}

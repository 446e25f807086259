package dev.pairwise.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database of one test class's own, next to the shared test database. For app tests
 * whose jobs must not be claimed by others: the app contexts of earlier test classes stay cached
 * in the JVM, and each one's job runner claims queued jobs from the database it shares — and runs
 * them with its own settings (import roots, for one), as two instances with different settings
 * would; real instances share their settings.
 */
public final class OwnPostgresDatabase {

    private OwnPostgresDatabase() {
    }

    /** The test database's URL with {@code database} in place of its name; the database made if missing. */
    public static String url(String database) {
        String shared = System.getProperty("pairwise.test.pg.url", "jdbc:postgresql://localhost:5432/pairwise_test");
        String user = System.getProperty("pairwise.test.pg.user", "pairwise");
        String password = System.getProperty("pairwise.test.pg.password", "pairwise");
        int slash = shared.lastIndexOf('/');
        int query = shared.indexOf('?', slash);
        String own = shared.substring(0, slash + 1) + database + (query < 0 ? "" : shared.substring(query));
        try (Connection c = DriverManager.getConnection(shared, user, password);
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet r = exists.executeQuery()) {
                if (!r.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + database + " next to " + shared, e);
        }
        return own;
    }
}

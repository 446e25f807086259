package dev.pairwise.labeling;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database the app runs on, read once from the connection's metadata. The migrations and
 * almost every statement are the same on H2 and PostgreSQL; this names the few places where the
 * two lock differently (PostgreSQL applies {@code SKIP LOCKED} below a {@code LIMIT}, H2 above).
 */
@Component
public class DatabaseKind {

    private final boolean postgres;

    DatabaseKind(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                    .contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }

    /** True on PostgreSQL, false on H2 (the embedded default). */
    public boolean isPostgres() {
        return postgres;
    }
}

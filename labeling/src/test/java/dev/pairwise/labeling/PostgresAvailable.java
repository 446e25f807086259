package dev.pairwise.labeling;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL tests only where the test database answers. Without it they are skipped with
 * a message, except on CI ({@code CI=true}), where a missing database must fail the build.
 */
public class PostgresAvailable implements ExecutionCondition {

    public static final String URL = System.getProperty("pairwise.test.pg.url",
            "jdbc:postgresql://localhost:5432/pairwise_test");
    public static final String USER = System.getProperty("pairwise.test.pg.user", "pairwise");
    public static final String PASSWORD = System.getProperty("pairwise.test.pg.password", "pairwise");

    private static volatile String reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = probe();
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + URL);
        }
        String message = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + problem + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException(message + ": CI=true, so PostgreSQL tests must run. "
                    + "Start it (pg_ctlcluster 15 main start) and create the pairwise role and pairwise_test database.");
        }
        return ConditionEvaluationResult.disabled(message + ": PostgreSQL tests skipped (CI=true makes this fail).");
    }

    private static synchronized String probe() {
        if (reachable == null) {
            DriverManager.setLoginTimeout(3);
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
                reachable = c.isValid(3) ? "" : "connection not valid";
            } catch (SQLException e) {
                reachable = e.getMessage();
            }
        }
        return reachable.isEmpty() ? null : reachable;
    }
}

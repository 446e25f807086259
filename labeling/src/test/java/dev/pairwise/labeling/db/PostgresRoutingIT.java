package dev.pairwise.labeling.db;

import dev.pairwise.labeling.PostgresTest;

/** {@link RoutingScenarios} on PostgreSQL 15. */
@PostgresTest
class PostgresRoutingIT extends RoutingScenarios {
}

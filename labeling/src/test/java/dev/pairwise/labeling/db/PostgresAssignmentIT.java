package dev.pairwise.labeling.db;

import dev.pairwise.labeling.PostgresTest;

/** {@link AssignmentScenarios} on PostgreSQL 15 (READ COMMITTED), the production database. */
@PostgresTest
class PostgresAssignmentIT extends AssignmentScenarios {
}

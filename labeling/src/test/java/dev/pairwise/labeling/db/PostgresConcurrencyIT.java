package dev.pairwise.labeling.db;

import dev.pairwise.labeling.PostgresTest;

/** {@link ConcurrencyScenarios} on PostgreSQL 15 (READ COMMITTED), the production database. */
@PostgresTest
class PostgresConcurrencyIT extends ConcurrencyScenarios {
}

package dev.pairwise.labeling.db;

import dev.pairwise.labeling.PostgresTest;

/** {@link GoldScenarios} on PostgreSQL 15. */
@PostgresTest
class PostgresGoldIT extends GoldScenarios {
}

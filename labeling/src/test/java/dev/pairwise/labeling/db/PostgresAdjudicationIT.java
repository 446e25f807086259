package dev.pairwise.labeling.db;

import dev.pairwise.labeling.PostgresTest;

/** {@link AdjudicationScenarios} on PostgreSQL 15. */
@PostgresTest
class PostgresAdjudicationIT extends AdjudicationScenarios {
}

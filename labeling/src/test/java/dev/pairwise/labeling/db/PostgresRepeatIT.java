package dev.pairwise.labeling.db;

import dev.pairwise.labeling.PostgresTest;

/** {@link RepeatScenarios} on PostgreSQL 15. */
@PostgresTest
class PostgresRepeatIT extends RepeatScenarios {
}

package dev.pairwise.labeling.db;

import dev.pairwise.labeling.PostgresTest;

/** {@link SubmitScenarios} on PostgreSQL 15, the production database (one call per request, V21). */
@PostgresTest
class PostgresSubmitIT extends SubmitScenarios {
}

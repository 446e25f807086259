package dev.pairwise.labeling.importing;

import dev.pairwise.labeling.PostgresTest;

/** {@link BattleImportScenarios} on PostgreSQL 15, the production database. */
@PostgresTest
class PostgresBattleImportIT extends BattleImportScenarios {
}

package dev.pairwise.labeling.battle;

import dev.pairwise.labeling.PostgresTest;

/** {@link BattleQueriesScenarios} on PostgreSQL 15, the production database. */
@PostgresTest
class PostgresBattleQueriesIT extends BattleQueriesScenarios {
}

package dev.pairwise.labeling.battle;

import dev.pairwise.labeling.H2Test;

/** {@link BattleQueriesScenarios} on H2 in PostgreSQL mode. */
@H2Test
class H2BattleQueriesTest extends BattleQueriesScenarios {
}

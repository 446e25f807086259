package dev.pairwise.labeling.importing;

import dev.pairwise.labeling.H2Test;

/** {@link BattleImportScenarios} on H2 in PostgreSQL mode. */
@H2Test
class H2BattleImportTest extends BattleImportScenarios {
}

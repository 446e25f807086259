package dev.pairwise.labeling.db;

import dev.pairwise.labeling.H2Test;

/** {@link AssignmentScenarios} on H2 in PostgreSQL mode, the embedded default database. */
@H2Test
class H2AssignmentIT extends AssignmentScenarios {
}

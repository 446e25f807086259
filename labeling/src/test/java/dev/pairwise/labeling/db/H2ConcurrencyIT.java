package dev.pairwise.labeling.db;

import dev.pairwise.labeling.H2Test;

/** {@link ConcurrencyScenarios} on H2 in PostgreSQL mode, the embedded default database. */
@H2Test
class H2ConcurrencyIT extends ConcurrencyScenarios {
}

package dev.pairwise.labeling.db;

import dev.pairwise.labeling.H2Test;

/** {@link GoldScenarios} on H2 in PostgreSQL mode. */
@H2Test
class H2GoldIT extends GoldScenarios {
}

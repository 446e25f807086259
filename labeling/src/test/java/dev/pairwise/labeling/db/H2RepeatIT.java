package dev.pairwise.labeling.db;

import dev.pairwise.labeling.H2Test;

/** {@link RepeatScenarios} on H2 in PostgreSQL mode. */
@H2Test
class H2RepeatIT extends RepeatScenarios {
}

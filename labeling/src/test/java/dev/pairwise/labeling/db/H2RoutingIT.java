package dev.pairwise.labeling.db;

import dev.pairwise.labeling.H2Test;

/** {@link RoutingScenarios} on H2 in PostgreSQL mode. */
@H2Test
class H2RoutingIT extends RoutingScenarios {
}

package dev.pairwise.labeling.db;

import dev.pairwise.labeling.H2Test;

/** {@link SubmitScenarios} on H2 in PostgreSQL mode, the embedded default database (the Java path). */
@H2Test
class H2SubmitIT extends SubmitScenarios {
}

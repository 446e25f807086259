package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, replaces {@code labeling_next_task} (V21) with one whose scan asks both of its
 * questions about a candidate task — did this labeler ever hold it, do its running leases leave
 * room — in one aggregate over the assignments of that task alone (a handful of rows, read
 * through the unique (task, labeler) index). On H2 this migration does nothing, as V21 did.
 *
 * <p>Why: V21 asked the first as {@code NOT EXISTS (… m.labeler_id = p_labeler)}, which the
 * planner may answer with an anti-join that reads all of the labeler's assignments. It did so
 * after an {@code ANALYZE} taken while {@code assignments} was nearly empty (a fresh installation,
 * or a crowd's first minute): each pooled session cached that plan (a materialised scan of the
 * labeler's rows, expected to be one) and kept it while the labelers' histories grew, until the
 * next analyze. Measured with auto_explain during {@code bench/labeling-load.sh} after such an
 * ANALYZE: 71 scans of 17–60 ms in 30 s, none without it. Now nothing in the scan looks the
 * labeler up by labeler, whatever the statistics. {@code OpenTasks} (the Java path) asks the same
 * way; {@code PostgresPlannerStatisticsIT} bounds the scan's cost for a labeler of 6,000 past tasks.
 */
public class V23__next_task_probes_own_lease extends BaseJavaMigration {

    private static final String OPEN_FOR_LABELER = """
             WHERE t.project_id = p_project AND t.completed = FALSE AND t.gold = FALSE
               AND (t.full_until IS NULL OR t.full_until <= p_now)
               AND (SELECT COUNT(CASE WHEN a.labeler_id = p_labeler THEN 1 END) = 0
                           AND t.judgment_count + COUNT(CASE WHEN a.status = 'ACTIVE' AND a.expires_at > p_now THEN 1 END)
                               < (SELECT p.overlap FROM projects p WHERE p.id = t.project_id)
                      FROM assignments a WHERE a.task_id = t.id)
            """;

    @Override
    public void migrate(Context context) throws Exception {
        if (!V21__labeling_calls.onPostgres(context)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute(V21__labeling_calls.nextTask("CREATE OR REPLACE FUNCTION", OPEN_FOR_LABELER));
        }
    }
}

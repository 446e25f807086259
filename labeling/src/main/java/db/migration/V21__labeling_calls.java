package db.migration;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, the two labeling calls each become one call into the database: functions
 * {@code labeling_next_task} and {@code labeling_submit} run the common path of {@code tasks/next}
 * and of a judgment's submit (AssignmentService and JudgmentService hold the rules and call
 * them). On H2 this migration does nothing: H2 has no PL/pgSQL, and the Java path serves it.
 *
 * <p>A Java migration because the SQL migrations run unchanged on both databases; this is the
 * one step that exists on PostgreSQL only, and its version is recorded on both, so the schema
 * history stays the same.
 *
 * <p>Each function does only the common case and answers "fall back" (writing nothing) for
 * everything else — the labeler unknown or paused, no free open task found without waiting, an
 * idempotency key seen before, a lease not live or not the caller's, a gold task, an order that
 * differs from the lease's — so the Java path, which runs the same statements one by one, stays
 * the only place where those rules and their error messages live. Both are VOLATILE: each
 * statement inside takes a fresh snapshot, so a statement after a row lock sees whatever the
 * lock's previous holder committed (READ COMMITTED), exactly as the Java path's statements do.
 */
public class V21__labeling_calls extends BaseJavaMigration {

    private static final String OPEN_FOR_LABELER = """
             WHERE t.project_id = p_project AND t.completed = FALSE AND t.gold = FALSE
               AND (t.full_until IS NULL OR t.full_until <= p_now)
               AND NOT EXISTS (SELECT 1 FROM assignments m WHERE m.task_id = t.id AND m.labeler_id = p_labeler)
               AND t.judgment_count + (SELECT COUNT(*) FROM assignments a
                     WHERE a.task_id = t.id AND a.status = 'ACTIVE' AND a.expires_at > p_now)
                 < (SELECT p.overlap FROM projects p WHERE p.id = t.project_id)
            """;

    /** The task's content, one row per response in stored order, with the given outcome and lease. */
    private static final String CONTENT = """
            SELECT %s, t.id, p.id, p.text::TEXT, tr.response_id,
                   (SELECT r.text FROM responses r WHERE r.id = tr.response_id)::TEXT, %s, %s, %s
              FROM task_responses tr
              JOIN comparison_tasks t ON t.id = tr.task_id
              JOIN prompts p ON p.id = t.prompt_id
             WHERE tr.task_id = %s ORDER BY tr.position""";

    private static String content(String outcome, String order, String leasedAt, String expiresAt, String taskId) {
        return CONTENT.formatted(outcome, order, leasedAt, expiresAt, taskId);
    }

    private static final String FALLBACK = """
            SELECT 'FALLBACK'::TEXT, NULL::BIGINT, NULL::BIGINT, NULL::TEXT, NULL::BIGINT, NULL::TEXT,
                   NULL::TEXT, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ""";

    /**
     * {@code labeling_next_task} with the given opening ({@code CREATE FUNCTION}, or {@code CREATE
     * OR REPLACE FUNCTION} for a later migration) and the given filter of open tasks: the one part
     * a later migration has changed ({@code V23}). This migration keeps its own filter, so what it
     * creates stays what it created.
     */
    static String nextTask(String create, String openForLabeler) {
        return NEXT_TASK_TEMPLATE.replace("{CREATE}", create).replace("{OPEN_FOR_LABELER}", openForLabeler);
    }

    private static final String NEXT_TASK_TEMPLATE = """
            {CREATE} labeling_next_task(p_project BIGINT, p_labeler BIGINT, p_now TIMESTAMPTZ,
                                               p_expires TIMESTAMPTZ, p_uncertainty BOOLEAN, p_shuffle BOOLEAN)
            RETURNS TABLE (outcome TEXT, task_id BIGINT, prompt_id BIGINT, prompt TEXT, response_id BIGINT,
                           response_text TEXT, presented_order TEXT, leased_at TIMESTAMPTZ, expires_at TIMESTAMPTZ)
            LANGUAGE plpgsql VOLATILE AS $fn$
            #variable_conflict use_column
            DECLARE
                v_found BOOLEAN;
                v_paused TEXT;
                v_lease RECORD;
                v_task BIGINT;
                v_order TEXT;
                v_leased BIGINT;
            BEGIN
                -- The labeler's row lock: their own requests queue here (Leases.lockLabeler).
                SELECT TRUE, (SELECT p.reason FROM paused_labelers p WHERE p.project_id = p_project AND p.labeler_id = a.id)
                  INTO v_found, v_paused
                  FROM accounts a WHERE a.id = p_labeler FOR NO KEY UPDATE;
                IF v_found IS NULL OR v_paused IS NOT NULL THEN
                    RETURN QUERY {FALLBACK};
                    RETURN;
                END IF;
                -- The lease they already hold here (Leases.live).
                SELECT a.task_id, a.presented_order, a.leased_at, a.expires_at INTO v_lease
                  FROM assignments a JOIN comparison_tasks t ON t.id = a.task_id
                 WHERE a.labeler_id = p_labeler AND t.project_id = p_project AND a.status = 'ACTIVE' AND a.expires_at > p_now
                 ORDER BY a.id
                 FETCH FIRST 1 ROWS ONLY;
                IF FOUND THEN
                    RETURN QUERY {LIVE};
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'task % has no content', v_lease.task_id USING ERRCODE = 'no_data_found';
                    END IF;
                    RETURN;
                END IF;
                FOR round IN 1..200 LOOP
                    -- The first open task in routing order nobody holds, locked (OpenTasks.lockFirstFree).
                    IF p_uncertainty THEN
                        SELECT t.id INTO v_task FROM comparison_tasks t {OPEN_FOR_LABELER}
                         ORDER BY t.project_id, t.completed, t.routing_margin NULLS LAST, t.id
                         LIMIT 1 FOR UPDATE OF t SKIP LOCKED;
                    ELSE
                        SELECT t.id INTO v_task FROM comparison_tasks t {OPEN_FOR_LABELER}
                         ORDER BY t.project_id, t.completed, t.id
                         LIMIT 1 FOR UPDATE OF t SKIP LOCKED;
                    END IF;
                    IF NOT FOUND THEN
                        RETURN QUERY {FALLBACK}; -- the Java path waits for a held task, or offers skipped ones
                        RETURN;
                    END IF;
                    -- The order to show the responses in: shuffled per labeler where the project says so.
                    SELECT string_agg(tr.response_id::TEXT, ','
                                      ORDER BY CASE WHEN p_shuffle THEN random() ELSE tr.position::FLOAT8 END)
                      INTO v_order FROM task_responses tr WHERE tr.task_id = v_task;
                    -- Room check, lease and full_until after the lock (OpenTasks.leaseIfRoom).
                    WITH room AS (
                        SELECT t.id, p.overlap - t.judgment_count - COUNT(a.id) AS free,
                               LEAST(MIN(a.expires_at), p_expires) AS first_end
                          FROM comparison_tasks t JOIN projects p ON p.id = t.project_id
                          LEFT JOIN assignments a ON a.task_id = t.id AND a.status = 'ACTIVE' AND a.expires_at > p_now
                         WHERE t.id = v_task
                         GROUP BY t.id, p.overlap, t.judgment_count),
                    lease AS (
                        INSERT INTO assignments (task_id, labeler_id, status, presented_order, leased_at, expires_at)
                        SELECT room.id, p_labeler, 'ACTIVE', v_order, p_now, p_expires FROM room WHERE room.free > 0
                        RETURNING assignments.task_id),
                    hint AS (
                        UPDATE comparison_tasks t
                           SET full_until = CASE WHEN room.free = 1 THEN room.first_end END
                          FROM room, lease WHERE t.id = lease.task_id
                        RETURNING t.id)
                    SELECT COUNT(*) INTO v_leased FROM lease;
                    IF v_leased = 1 THEN
                        RETURN QUERY {LEASED};
                        IF NOT FOUND THEN -- undoes the lease: the Java path answers "not found"
                            RAISE EXCEPTION 'task % has no content', v_task USING ERRCODE = 'no_data_found';
                        END IF;
                        RETURN;
                    END IF;
                    -- filled between the scan's snapshot and its lock: the next one
                END LOOP;
                RETURN QUERY {FALLBACK};
            END
            $fn$"""
            .replace("{FALLBACK}", FALLBACK)
            .replace("{LIVE}", content("'LIVE'::TEXT", "v_lease.presented_order::TEXT", "v_lease.leased_at",
                    "v_lease.expires_at", "v_lease.task_id"))
            .replace("{LEASED}", content("'LEASED'::TEXT", "v_order", "p_now", "p_expires", "v_task"));

    /** Declared after the template it fills: static fields initialise in order. */
    static final String NEXT_TASK = nextTask("CREATE FUNCTION", OPEN_FOR_LABELER);

    static final String SUBMIT = """
            CREATE FUNCTION labeling_submit(p_task BIGINT, p_labeler BIGINT, p_key TEXT, p_order TEXT, p_tiers TEXT,
                                            p_rationale TEXT, p_time_on_task_ms BIGINT, p_now TIMESTAMPTZ,
                                            p_source TEXT, p_pairs TEXT, p_ratings TEXT)
            RETURNS BIGINT
            LANGUAGE plpgsql VOLATILE AS $fn$
            DECLARE
                v_task RECORD;
                v_lease RECORD;
                v_judgment BIGINT;
            BEGIN
                -- The task's row lock: a same-key retry racing this one waits here, then replays.
                SELECT t.id, t.project_id, t.prompt_id, t.gold INTO v_task
                  FROM comparison_tasks t WHERE t.id = p_task FOR UPDATE;
                IF NOT FOUND OR v_task.gold THEN
                    RETURN NULL;
                END IF;
                IF EXISTS (SELECT 1 FROM judgments j WHERE j.idempotency_key = p_key) THEN
                    RETURN NULL; -- a replay, or a key of someone else's: the Java path answers it
                END IF;
                SELECT a.id, a.status, a.presented_order, a.leased_at, a.expires_at INTO v_lease
                  FROM assignments a WHERE a.task_id = p_task AND a.labeler_id = p_labeler;
                IF NOT FOUND OR v_lease.status <> 'ACTIVE' OR v_lease.expires_at <= p_now
                   OR v_lease.presented_order <> p_order THEN
                    RETURN NULL;
                END IF;
                INSERT INTO judgments (project_id, prompt_id, task_id, labeler_id, source, idempotency_key,
                                       presented_order, tiers, all_bad, better_response_id, rationale,
                                       time_on_task_ms, created_at)
                VALUES (v_task.project_id, v_task.prompt_id, p_task, p_labeler, p_source, p_key, p_order, p_tiers,
                        FALSE, NULL, p_rationale,
                        COALESCE(p_time_on_task_ms,
                                 GREATEST(0, FLOOR(EXTRACT(EPOCH FROM (p_now - v_lease.leased_at)) * 1000))::BIGINT),
                        p_now)
                RETURNING id INTO v_judgment;
                -- "chosen,rejected,margin;..." in expansion order
                IF p_pairs <> '' THEN
                    INSERT INTO preference_pairs (judgment_id, project_id, prompt_id, chosen_response_id,
                                                  rejected_response_id, margin)
                    SELECT v_judgment, v_task.project_id, v_task.prompt_id, split_part(u.x, ',', 1)::BIGINT,
                           split_part(u.x, ',', 2)::BIGINT, split_part(u.x, ',', 3)::INTEGER
                      FROM unnest(string_to_array(p_pairs, ';')) WITH ORDINALITY AS u (x, n)
                     ORDER BY u.n;
                END IF;
                -- "response|likert|flags;..." (likert may be empty; flags are comma-separated names)
                IF p_ratings <> '' THEN
                    INSERT INTO response_ratings (judgment_id, response_id, likert, flags)
                    SELECT v_judgment, split_part(u.x, '|', 1)::BIGINT, NULLIF(split_part(u.x, '|', 2), '')::INTEGER,
                           split_part(u.x, '|', 3)
                      FROM unnest(string_to_array(p_ratings, ';')) WITH ORDINALITY AS u (x, n)
                     ORDER BY u.n;
                END IF;
                UPDATE assignments SET status = 'SUBMITTED' WHERE id = v_lease.id;
                UPDATE comparison_tasks
                   SET judgment_count = judgment_count + 1,
                       completed = judgment_count + 1 >= (SELECT p.overlap FROM projects p
                                                           WHERE p.id = comparison_tasks.project_id)
                 WHERE id = p_task;
                RETURN v_judgment;
            END
            $fn$""";

    /** Whether the migration runs on PostgreSQL (these functions exist there only). */
    static boolean onPostgres(Context context) throws SQLException {
        return context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgres");
    }

    @Override
    public void migrate(Context context) throws Exception {
        if (!onPostgres(context)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute(NEXT_TASK);
            s.execute(SUBMIT);
        }
    }
}

package dev.pairwise.labeling.task;

import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.project.Routing;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code tasks/next} on PostgreSQL as one call into the database ({@code labeling_next_task}, see
 * migration V21): lock the labeler, return the lease they hold, else lock the first free open
 * task, lease it if it has room and set its {@code full_until} — the statements of
 * {@link AssignmentService}'s own path, with the task's content, in one round trip. Outside a
 * transaction it runs auto-committed: one statement, so the lease is stored whole or not at all.
 *
 * <p>Empty means "fall back": the function wrote nothing and the caller runs the Java path, which
 * decides what the function leaves to it (an unknown or paused labeler, every open task held by
 * others or none left, skipped tasks).
 */
@Component
class NextTaskCall {

    /** The SQLSTATE the function raises when a task it leased has no content (no_data_found). */
    private static final String NO_CONTENT = "P0002";

    private final JdbcClient jdbc;

    NextTaskCall(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String outcome, long taskId, long promptId, String prompt, long responseId, String text,
                       String order, Instant leasedAt, Instant expiresAt) {
    }

    Optional<NextTask> next(ProjectView project, long labelerId, Instant now, Instant expires) {
        List<Row> rows;
        try {
            rows = call(project, labelerId, now, expires);
        } catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException s && NO_CONTENT.equals(s.getSQLState())) {
                return Optional.empty(); // rolled back; the Java path reads the task and names what is missing
            }
            throw e;
        }
        Row first = rows.getFirst();
        if (first.outcome().equals("FALLBACK")) {
            return Optional.empty();
        }
        Map<Long, String> texts = new HashMap<>();
        for (Row r : rows) {
            texts.put(r.responseId(), r.text());
        }
        List<Long> order = Ids.split(first.order());
        List<ShownResponse> shown = new ArrayList<>(order.size());
        for (Long id : order) {
            shown.add(new ShownResponse(id, texts.get(id)));
        }
        return Optional.of(new NextTask(first.taskId(), project.id(), project.name(), project.guidelines(),
                first.promptId(), first.prompt(), shown, order, first.leasedAt(), first.expiresAt()));
    }

    private List<Row> call(ProjectView project, long labelerId, Instant now, Instant expires) {
        return jdbc.sql("SELECT * FROM labeling_next_task(?, ?, ?, ?, ?, ?)")
                .params(project.id(), labelerId, OpenTasks.at(now), OpenTasks.at(expires),
                        project.routing() == Routing.UNCERTAINTY, project.randomizeOrder())
                .query((rs, i) -> "FALLBACK".equals(rs.getString(1))
                        ? new Row("FALLBACK", 0, 0, "", 0, "", "", now, now)
                        : new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                                rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
                                rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }
}

package dev.pairwise.labeling.export;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.LabelingLimits;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.demo.DemoStatus;
import dev.pairwise.labeling.project.ProjectRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.pairwise.labeling.task.Ids;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import org.jspecify.annotations.Nullable;

/**
 * Streams pairs, judgments and demonstrations as JSON Lines. Reads keyset pages ({@code id > last ORDER BY
 * id LIMIT n}, each one indexed range scan) with plain JDBC, so memory stays flat however many
 * rows there are: no persistence context grows, no OFFSET rescans. Each page is its own
 * statement; rows added during an export appear if their id is past the cursor.
 */
@Service
public class ExportService {

    /** The caller owns the stream (an HTTP response, a file): the generator must not close it. */
    /**
     * Records are separated by the newline each writer ends them with; Jackson's default root
     * separator (a space) would otherwise start every record after the first with " {".
     */
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null).build();

    private final JdbcClient jdbc;
    private final ProjectRepository projects;
    private final LabelingLimits limits;
    private final MeterRegistry meters;

    ExportService(JdbcClient jdbc, ProjectRepository projects, LabelingLimits limits, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.limits = limits;
        this.meters = meters;
    }

    /** Writes every preference pair of a project; returns the number of lines written. */
    public long exportPairs(long projectId, PairFormat format, OutputStream out) {
        requireProject(projectId);
        if (format == null) {
            throw new InvalidInputException("format", "format must be TRL or HH_RLHF");
        }
        Counter rows = rows("pairs", format.name());
        long written = 0;
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            long after = 0;
            while (true) {
                List<PairRow> page = pairPage(projectId, after, limits.exportPageSize());
                for (PairRow r : page) {
                    JsonlWriters.pair(g, format, r);
                }
                g.flush();
                written += page.size();
                rows.increment(page.size());
                if (page.size() < limits.exportPageSize()) {
                    return written;
                }
                after = page.getLast().id();
            }
        }
    }

    /**
     * Writes a project's demonstrations with the given status ({@code null}: APPROVED, the only
     * ones fit for training); returns the number of lines written.
     */
    public long exportDemonstrations(long projectId, DemoFormat format, @Nullable DemoStatus status, OutputStream out) {
        requireProject(projectId);
        if (format == null) {
            throw new InvalidInputException("format", "format must be PROMPT_COMPLETION or MESSAGES");
        }
        DemoStatus wanted = status == null ? DemoStatus.APPROVED : status;
        Counter rows = rows("demonstrations", format.name());
        long written = 0;
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            long after = 0;
            while (true) {
                List<DemoRow> page = jdbc.sql("""
                                SELECT id, instruction, response FROM demonstrations
                                 WHERE project_id = ? AND status = ? AND id > ? ORDER BY project_id, status, id LIMIT ?""")
                        .params(projectId, wanted.name(), after, limits.exportPageSize())
                        .query((rs, n) -> new DemoRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
                        .list();
                for (DemoRow r : page) {
                    JsonlWriters.demo(g, format, r);
                }
                g.flush();
                written += page.size();
                rows.increment(page.size());
                if (page.size() < limits.exportPageSize()) {
                    return written;
                }
                after = page.getLast().id();
            }
        }
    }

    /**
     * Writes every judgment a labeler made on a project's tasks, oldest first, one {@link
     * JudgmentRow} a line ({@code task_id, labeler, tiers, judgment_id, created_at}), and each
     * adjudicated ranking in its place, marked {@code "adjudicated": true}, and each AI judge's
     * ranking marked {@code "ai": true}; imported judgments (no
     * task, no labeler account) are not in it. Returns the number of lines written.
     */
    public long exportJudgments(long projectId, OutputStream out) {
        requireProject(projectId);
        Counter rows = rows("judgments", "JSONL");
        long[] written = {0};
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            forEachJudgmentPage(projectId, page -> {
                for (JudgmentRow r : page) {
                    JsonlWriters.judgment(g, r);
                }
                g.flush();
                written[0] += page.size();
                rows.increment(page.size());
            });
        }
        return written[0];
    }

    /**
     * Hands every labeler judgment of {@link #exportJudgments} to {@code each}, in the same order,
     * page by page, without holding them all; adjudicated rankings are left out (agreement is
     * between labelers).
     */
    public void forEachJudgment(long projectId, Consumer<JudgmentRow> each) {
        forEachJudgment(projectId, false, each);
    }

    /**
     * Like {@link #forEachJudgment(long, Consumer)}; AI judges' rankings are left out (agreement is
     * between people) unless {@code includeAi}.
     */
    public void forEachJudgment(long projectId, boolean includeAi, Consumer<JudgmentRow> each) {
        requireProject(projectId);
        forEachJudgmentPage(projectId, page -> page.stream()
                .filter(j -> !j.adjudicated() && (includeAi || !j.ai())).forEach(each));
    }

    private void forEachJudgmentPage(long projectId, Consumer<List<JudgmentRow>> each) {
        long after = 0;
        while (true) {
            List<JudgmentRow> page = jdbc.sql("""
                            SELECT j.id, j.task_id, COALESCE(a.username, r.username), j.tiers, j.created_at,
                                   d.judgment_id, j.ai
                              FROM judgments j
                              LEFT JOIN accounts a ON a.id = j.labeler_id
                              LEFT JOIN adjudications d ON d.judgment_id = j.id
                              LEFT JOIN accounts r ON r.id = d.reviewer_id
                             WHERE j.project_id = ? AND j.task_id IS NOT NULL AND j.id > ?
                               AND (j.labeler_id IS NOT NULL OR d.judgment_id IS NOT NULL)
                             ORDER BY j.project_id, j.id LIMIT ?""")
                    .params(projectId, after, limits.exportPageSize())
                    .query((rs, n) -> new JudgmentRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                            Ids.splitTiers(rs.getString(4)), rs.getObject(5, OffsetDateTime.class).toInstant(),
                            rs.getObject(6) != null, rs.getBoolean(7)))
                    .list();
            each.accept(page);
            if (page.size() < limits.exportPageSize()) {
                return;
            }
            after = page.getLast().judgmentId();
        }
    }

    // ORDER BY repeats the index columns (project_id, id): H2 only reads an index in order, and
    // stops after LIMIT rows, when the ORDER BY names its leading columns; by id alone it sorts
    // every remaining row on every page (quadratic over an export).
    private List<PairRow> pairPage(long projectId, long after, int size) {
        return jdbc.sql("""
                        SELECT p.id, p.judgment_id, q.text, c.text, r.text, p.margin,
                               COALESCE(a.username, v.username), d.judgment_id
                          FROM preference_pairs p
                          JOIN prompts q ON q.id = p.prompt_id
                          JOIN responses c ON c.id = p.chosen_response_id
                          JOIN responses r ON r.id = p.rejected_response_id
                          JOIN judgments j ON j.id = p.judgment_id
                          LEFT JOIN accounts a ON a.id = j.labeler_id
                          LEFT JOIN adjudications d ON d.judgment_id = j.id
                          LEFT JOIN accounts v ON v.id = d.reviewer_id
                         WHERE p.project_id = ? AND p.id > ?
                         ORDER BY p.project_id, p.id LIMIT ?""")
                .params(projectId, after, size)
                .query((rs, n) -> new PairRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getObject(8) != null))
                .list();
    }

    private Counter rows(String kind, String format) {
        return Counter.builder("pairwise.export.rows").description("Rows written by exports")
                .tag("kind", kind).tag("format", format).register(meters);
    }

    private void requireProject(long projectId) {
        if (!projects.existsById(projectId)) {
            throw NotFoundException.of("projectId", "project", projectId);
        }
    }
}

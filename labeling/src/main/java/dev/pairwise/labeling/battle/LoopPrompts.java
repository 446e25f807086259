package dev.pairwise.labeling.battle;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.project.ProjectRepository;
import dev.pairwise.labeling.task.Origin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prompts a sampling or evaluation job draws responses for: a project's prompts, oldest
 * first, or prompts named by id. Plain JDBC reads of two columns: a job snapshots ids at
 * submission and reads the texts when it runs, without loading entities.
 */
@Service
public class LoopPrompts {

    private final JdbcClient jdbc;
    private final ProjectRepository projects;

    LoopPrompts(JdbcClient jdbc, ProjectRepository projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /**
     * The ids of a project's first {@code limit} prompts in id (creation) order.
     *
     * @throws NotFoundException naming {@code field} when the project does not exist
     */
    @Transactional(readOnly = true)
    public List<Long> promptIds(long projectId, int limit, String field) {
        if (!projects.existsById(projectId)) {
            throw NotFoundException.of(field, "project", projectId);
        }
        if (limit < 1) {
            throw new InvalidInputException(field, "at least one prompt must be read, limit was " + limit);
        }
        return jdbc.sql("SELECT id FROM prompts WHERE project_id = :p ORDER BY project_id, id LIMIT :n")
                .param("p", projectId).param("n", limit).query(Long.class).list();
    }

    /**
     * How many prompts of a project have a response of exactly this origin (kind, model and
     * settings text). A sampling job records its own id in the settings, so this counts the
     * prompts it has stored, and a resumed job knows where to go on.
     */
    @Transactional(readOnly = true)
    public long promptsWithResponseFrom(long projectId, Origin origin) {
        return jdbc.sql("""
                        SELECT COUNT(DISTINCT r.prompt_id) FROM responses r JOIN prompts p ON p.id = r.prompt_id
                         WHERE p.project_id = :p AND r.origin_kind = :kind AND r.origin_model = :model
                           AND r.origin_settings = :settings""")
                .param("p", projectId).param("kind", origin.kind().name()).param("model", origin.model())
                .param("settings", origin.settings()).query(Long.class).single();
    }

    /**
     * The texts of a project's prompts that have a response of exactly this origin, each with how
     * many such prompts have it. A job that skips prompts (a failed call) stores no prefix of its
     * snapshot, so a resumed one matches its snapshot's texts against these instead of counting.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> promptTextsWithResponseFrom(long projectId, Origin origin) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT p.text FROM prompts p WHERE p.project_id = :p AND EXISTS (
                          SELECT 1 FROM responses r WHERE r.prompt_id = p.id AND r.origin_kind = :kind
                             AND r.origin_model = :model AND r.origin_settings = :settings)""")
                .param("p", projectId).param("kind", origin.kind().name()).param("model", origin.model())
                .param("settings", origin.settings()).query(String.class).list()
                .forEach(text -> counts.merge(text, 1L, Long::sum));
        return counts;
    }

    /**
     * The prompts with these ids, in the order given.
     *
     * @throws NotFoundException naming {@code field} and the first id that does not exist
     */
    @Transactional(readOnly = true)
    public List<ProjectPrompt> texts(List<Long> ids, String field) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ProjectPrompt> byId = new HashMap<>();
        jdbc.sql("SELECT id, project_id, text FROM prompts WHERE id IN (:ids)").param("ids", ids)
                .query((rs, n) -> new ProjectPrompt(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .list().forEach(p -> byId.put(p.id(), p));
        return ids.stream().map(id -> {
            ProjectPrompt p = byId.get(id);
            if (p == null) {
                throw NotFoundException.of(field, "prompt", id);
            }
            return p;
        }).toList();
    }
}

package dev.pairwise.labeling.importing;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.labeling.LabelingLimits;
import dev.pairwise.labeling.NotFoundException;
import dev.pairwise.labeling.PlannerStatistics;
import dev.pairwise.labeling.judgment.Judgment;
import dev.pairwise.labeling.judgment.JudgmentRepository;
import dev.pairwise.labeling.judgment.JudgmentPair;
import dev.pairwise.labeling.judgment.JudgmentPairRepository;
import dev.pairwise.labeling.judgment.RankedPair;
import dev.pairwise.labeling.project.Project;
import dev.pairwise.labeling.project.ProjectRepository;
import dev.pairwise.labeling.project.ProjectService;
import dev.pairwise.labeling.project.ProjectSettings;
import dev.pairwise.labeling.project.ProjectView;
import dev.pairwise.labeling.task.AddedPrompt;
import dev.pairwise.labeling.task.NewPrompt;
import dev.pairwise.labeling.task.Origin;
import dev.pairwise.labeling.task.Prompt;
import dev.pairwise.labeling.task.PromptRepository;
import dev.pairwise.labeling.task.Response;
import dev.pairwise.labeling.task.ResponseRepository;
import dev.pairwise.labeling.task.TaskService;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/**
 * Imports prompts with responses (JSONL, CSV) as comparison tasks, pre-judged pairs (HH-RLHF,
 * TRL) as imported judgments with their preference pairs, and battle votes (BATTLES) as imported
 * judgments of two systems' answers, written in JDBC batches ({@link BattleWriter}) because vote
 * histories run to many thousands of lines. One pass, one transaction: if any line is bad, the
 * transaction rolls back and the bad lines are reported, so an import lands whole or not at all.
 */
@Service
public class ImportService {

    /** Entities kept in the persistence context before a flush and clear. */
    private static final int BATCH = 500;

    private final ProjectRepository projects;
    private final TaskService tasks;
    private final PromptRepository prompts;
    private final ResponseRepository responses;
    private final JudgmentRepository judgments;
    private final JudgmentPairRepository pairs;
    private final EntityManager em;
    private final JdbcTemplate jdbc;
    private final ProjectService projectService;
    private final LabelingLimits limits;
    private final PlannerStatistics statistics;
    private final Clock clock;

    ImportService(ProjectRepository projects, TaskService tasks, PromptRepository prompts,
                  ResponseRepository responses, JudgmentRepository judgments, JudgmentPairRepository pairs,
                  EntityManager em, JdbcTemplate jdbc, ProjectService projectService, LabelingLimits limits,
                  PlannerStatistics statistics, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.prompts = prompts;
        this.responses = responses;
        this.judgments = judgments;
        this.pairs = pairs;
        this.em = em;
        this.jdbc = jdbc;
        this.projectService = projectService;
        this.limits = limits;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** Reads the file and reports what would be imported and which lines are bad; stores nothing. */
    @Transactional(readOnly = true)
    public ImportPreview preview(long projectId, ImportFormat format, InputStream in) {
        Project project = project(projectId);
        List<ImportItem> sample = new ArrayList<>();
        ParseSummary s = ImportParser.parse(require(format), in, rules(project), item -> {
            if (sample.size() < 20) {
                sample.add(item);
            }
        });
        return new ImportPreview(format, s.lines(), s.items(), s.errorCount(), s.errors(), List.copyOf(sample));
    }

    /**
     * Imports a whole file into a project, or nothing: throws {@link ImportRejectedException}
     * listing the bad lines, or {@link InvalidInputException} naming {@code file} if it is empty.
     *
     * @param source a short name for the origin of imported responses (e.g. the file name)
     */
    @Transactional
    public ImportResult importFile(long projectId, ImportFormat format, @Nullable String source, InputStream in) {
        Project project = project(projectId);
        String origin = originName(require(format), source);
        Instant now = clock.instant();
        Sink sink = new Sink(project.getId(), format, origin, now, new BattleWriter(jdbc, project.getId(), origin, now));
        ParseSummary s = ImportParser.parse(format, in, rules(project), sink::store);
        if (s.errorCount() > 0) {
            throw new ImportRejectedException(s.errors(), s.errorCount());
        }
        if (s.items() == 0) {
            throw new InvalidInputException("file", "the file holds no " + format + " lines");
        }
        sink.finish();
        em.flush();
        statistics.afterImport(sink.prompts, sink.judgments);
        return new ImportResult(sink.prompts, sink.responses, sink.tasks, sink.judgments, sink.pairCount);
    }

    /**
     * Creates a project for a file of battle votes and imports them, in one transaction: a bad
     * line leaves neither the project nor any vote behind. The project has K = 2 (one battle is
     * two answers), overlap 1 and the default lease, and no guidelines.
     *
     * @throws InvalidInputException naming {@code format} for any format but BATTLES, or
     *                               {@code name} when it is empty or too long
     * @throws dev.pairwise.labeling.ConflictException naming {@code name} when it is taken
     */
    @Transactional
    public ProjectImport importIntoNewProject(@Nullable String name, ImportFormat format, @Nullable String source,
                                              InputStream in) {
        if (require(format) != ImportFormat.BATTLES) {
            throw new InvalidInputException("format", "a new project is made from BATTLES files only; import "
                    + format + " into an existing project (POST /api/projects/{id}/import)");
        }
        ProjectView project = projectService.create(new ProjectSettings(name, "", 2, ProjectSettings.DEFAULT_OVERLAP,
                true, false, ProjectSettings.DEFAULT_LEASE_MINUTES));
        return new ProjectImport(project, importFile(project.id(), format, source, in));
    }

    private static ImportFormat require(ImportFormat format) {
        if (format == null) {
            throw new InvalidInputException("format", "format must be one of "
                    + java.util.Arrays.toString(ImportFormat.values()));
        }
        return format;
    }

    private static String originName(ImportFormat format, @Nullable String source) {
        String name = "import:" + format.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (source != null && !source.isBlank()) {
            name += ":" + source.strip();
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private ImportRules rules(Project project) {
        return new ImportRules(project.getK(), limits.maxTextChars());
    }

    private Project project(long projectId) {
        return projects.findById(projectId).orElseThrow(() -> NotFoundException.of("projectId", "project", projectId));
    }

    /** Stores items as the parser hands them over; after a bad line it only keeps counting. */
    private final class Sink {
        private final long projectId;
        private final ImportFormat format;
        private final Origin origin;
        private final Instant now;
        private final Map<String, Group> groups = new HashMap<>();
        private final BattleWriter battles;
        private int prompts;
        private int responses;
        private int tasks;
        private int judgments;
        private int pairCount;
        private int sinceFlush;

        Sink(long projectId, ImportFormat format, String originName, Instant now, BattleWriter battles) {
            this.projectId = projectId;
            this.format = format;
            this.origin = Origin.imported(originName);
            this.now = now;
            this.battles = battles;
        }

        /** Writes what is still buffered and adds the battle votes to the counts. */
        void finish() {
            battles.flush();
            prompts += battles.votes();
            responses += 2 * battles.votes();
            judgments += battles.votes();
            pairCount += battles.pairs();
        }

        void store(ImportItem item) {
            switch (item) {
                case ImportItem.Ranked r -> {
                    AddedPrompt added = ImportService.this.tasks.store(projectId, withOrigin(r), now);
                    prompts++;
                    responses += added.responseIds().size();
                    tasks++;
                }
                case ImportItem.Pair p -> storePair(p);
                case ImportItem.Battle b -> {
                    battles.add(b);
                    return; // batched by the writer; nothing in the persistence context
                }
            }
            if (++sinceFlush >= BATCH) {
                em.flush();
                em.clear();
                sinceFlush = 0;
            }
        }

        /** Plain imported responses get this file's name as their origin. */
        private NewPrompt withOrigin(ImportItem.Ranked r) {
            List<NewPrompt.NewResponse> rs = r.prompt().responses().stream()
                    .map(x -> x.origin() == RankedLines.IMPORTED ? new NewPrompt.NewResponse(x.text(), origin) : x)
                    .toList();
            return new NewPrompt(r.prompt().text(), rs);
        }

        private void storePair(ImportItem.Pair p) {
            // lines of one group with different prompts become separate judgments
            String key = p.group() == null ? null : p.group() + "\u0000" + p.prompt();
            Group g = key == null ? null : groups.get(key);
            if (g == null) {
                Prompt prompt = ImportService.this.prompts.save(new Prompt(projectId, p.prompt(), now));
                prompts++;
                String source = "import:" + format.name().toLowerCase(Locale.ROOT).replace('_', '-');
                Judgment j = ImportService.this.judgments.save(Judgment.imported(projectId, prompt.getId(),
                        source, List.of(), List.of(), now));
                judgments++;
                g = new Group(prompt.getId(), j);
                if (key != null) {
                    groups.put(key, g);
                }
            }
            long chosen = g.response(p.chosen());
            long rejected = g.response(p.rejected());
            ImportService.this.pairs.save(new JudgmentPair(g.judgment.getId(), projectId, g.promptId,
                    new RankedPair(chosen, rejected, p.margin())));
            pairCount++;
        }

        /**
         * One imported judgment and its responses, deduplicated by text. An imported judgment has
         * no presented order and no tiers (nobody saw a screen): its pairs are the whole record.
         */
        private final class Group {
            final long promptId;
            final Judgment judgment;
            final Map<String, Long> ids = new LinkedHashMap<>();

            Group(long promptId, Judgment judgment) {
                this.promptId = promptId;
                this.judgment = judgment;
            }

            long response(String text) {
                Long id = ids.get(text);
                if (id == null) {
                    id = ImportService.this.responses.save(new Response(promptId, text, origin, null, now)).getId();
                    ids.put(text, id);
                    responses++;
                }
                return id;
            }
        }
    }
}

package dev.pairwise.labeling.importing;

import dev.pairwise.labeling.judgment.ResponseFlag;
import dev.pairwise.labeling.task.Ids;
import dev.pairwise.labeling.task.OriginKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores battle votes at import speed: votes are buffered and written a chunk at a time as
 * batched JDBC inserts (prompts, then their two answers, then the judgments, then the preference
 * pairs and both-bad flags), in the caller's transaction, so a rejected file still rolls back
 * whole. One vote is one prompt, two IMPORTED responses whose {@code origin_model} is the
 * system's name (the leaderboard reads systems from there, as it reads a sampled response's
 * checkpoint), and one imported judgment with no task and no labeler account, presented A then
 * B, tiers as {@link BattleWinner} says, and the voter's name, if given, as its
 * {@code external_labeler}. Inserting entity by entity through JPA costs a round trip per row
 * (identity keys cannot be batched by Hibernate); a batch with generated keys costs a few per chunk.
 */
final class BattleWriter {

    /** Votes per chunk: 5 round trips of up to 1,000 rows each, a few MB of text in memory at most. */
    static final int CHUNK = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SOURCE = "import:battles";

    private final JdbcTemplate jdbc;
    private final long projectId;
    private final String settings;
    private final OffsetDateTime now;
    private final List<ImportItem.Battle> buffer = new ArrayList<>(CHUNK);
    private int votes;
    private int pairs;

    /** @param originName where the votes came from, kept in each answer's origin settings */
    BattleWriter(JdbcTemplate jdbc, long projectId, String originName, Instant now) {
        this.jdbc = jdbc;
        this.projectId = projectId;
        this.settings = JSON.writeValueAsString(Map.of("imported_from", originName));
        this.now = now.atOffset(ZoneOffset.UTC);
    }

    void add(ImportItem.Battle vote) {
        buffer.add(vote);
        if (buffer.size() >= CHUNK) {
            flush();
        }
    }

    /** Writes what is buffered. */
    void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        List<ImportItem.Battle> chunk = List.copyOf(buffer);
        buffer.clear();
        int n = chunk.size();
        long[] prompts = insert("INSERT INTO prompts (project_id, text, created_at) VALUES (?, ?, ?)", n, (ps, i) -> {
            ps.setLong(1, projectId);
            ps.setString(2, chunk.get(i).prompt());
            ps.setObject(3, now);
        });
        long[] answers = insert("""
                INSERT INTO responses (prompt_id, text, origin_kind, origin_model, origin_settings, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", 2 * n, (ps, r) -> {
            ImportItem.Battle v = chunk.get(r / 2);
            boolean a = r % 2 == 0;
            ps.setLong(1, prompts[r / 2]);
            ps.setString(2, a ? v.answerA() : v.answerB());
            ps.setString(3, OriginKind.IMPORTED.name());
            ps.setString(4, a ? v.modelA() : v.modelB());
            ps.setString(5, settings);
            ps.setObject(6, now);
        });
        long[] judgments = insert("""
                INSERT INTO judgments (project_id, prompt_id, source, presented_order, tiers, all_bad, created_at,
                                       external_labeler)
                VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)""", n, (ps, i) -> {
            ImportItem.Battle v = chunk.get(i);
            long a = answers[2 * i];
            long b = answers[2 * i + 1];
            ps.setLong(1, projectId);
            ps.setLong(2, prompts[i]);
            ps.setString(3, SOURCE);
            ps.setString(4, Ids.join(List.of(a, b)));
            ps.setString(5, Ids.joinTiers(v.winner().tiers(a, b)));
            ps.setObject(6, now);
            if (v.labeler() == null) {
                ps.setNull(7, Types.VARCHAR);
            } else {
                ps.setString(7, v.labeler());
            }
        });
        List<long[]> decisive = new ArrayList<>(); // {judgment, prompt, chosen, rejected}
        List<long[]> bothBad = new ArrayList<>(); // {judgment, response}
        for (int i = 0; i < n; i++) {
            long a = answers[2 * i];
            long b = answers[2 * i + 1];
            switch (chunk.get(i).winner()) {
                case A -> decisive.add(new long[] {judgments[i], prompts[i], a, b});
                case B -> decisive.add(new long[] {judgments[i], prompts[i], b, a});
                case BOTH_BAD -> {
                    bothBad.add(new long[] {judgments[i], a});
                    bothBad.add(new long[] {judgments[i], b});
                }
                case TIE -> {
                    // one shared tier: no pair, no flag
                }
            }
        }
        batch("""
                INSERT INTO preference_pairs (judgment_id, project_id, prompt_id, chosen_response_id,
                                              rejected_response_id, margin)
                VALUES (?, ?, ?, ?, ?, 1)""", decisive.size(), (ps, i) -> {
            long[] p = decisive.get(i);
            ps.setLong(1, p[0]);
            ps.setLong(2, projectId);
            ps.setLong(3, p[1]);
            ps.setLong(4, p[2]);
            ps.setLong(5, p[3]);
        });
        batch("INSERT INTO response_ratings (judgment_id, response_id, flags) VALUES (?, ?, ?)", bothBad.size(),
                (ps, i) -> {
                    ps.setLong(1, bothBad.get(i)[0]);
                    ps.setLong(2, bothBad.get(i)[1]);
                    ps.setString(3, ResponseFlag.LOW_QUALITY.name());
                });
        votes += n;
        pairs += decisive.size();
    }

    /** Votes written so far: each one prompt, two responses and one judgment. */
    int votes() {
        return votes;
    }

    /** Preference pairs written so far: one per decisive vote. */
    int pairs() {
        return pairs;
    }

    @FunctionalInterface
    private interface RowSetter {
        void set(PreparedStatement ps, int row) throws SQLException;
    }

    /** One batch of {@code rows} inserts; the generated ids in row order. */
    private long[] insert(String sql, int rows, RowSetter setter) {
        return jdbc.execute((ConnectionCallback<long[]>) con -> {
            try (PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"})) {
                for (int r = 0; r < rows; r++) {
                    setter.set(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
                long[] ids = new long[rows];
                int found = 0;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        if (found == rows) {
                            throw new IllegalStateException("the driver returned more keys than rows: " + sql);
                        }
                        ids[found++] = keys.getLong(1);
                    }
                }
                if (found != rows) {
                    throw new IllegalStateException("the driver returned " + found + " keys for " + rows + " rows");
                }
                return ids;
            }
        });
    }

    private void batch(String sql, int rows, RowSetter setter) {
        if (rows == 0) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                for (int r = 0; r < rows; r++) {
                    setter.set(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}

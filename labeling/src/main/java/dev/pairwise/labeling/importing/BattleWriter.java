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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores battle votes at import speed: votes are buffered and written a chunk at a time as
 * multi-row JDBC inserts (prompts, then their two answers, then the judgments, then the
 * preference pairs and both-bad flags), in the caller's transaction, so a rejected file still
 * rolls back whole. One vote is one prompt, two IMPORTED responses whose {@code origin_model} is the
 * system's name (the leaderboard reads systems from there, as it reads a sampled response's
 * checkpoint), and one imported judgment with no task and no labeler account, presented A then
 * B, tiers as {@link BattleWinner} says, and the voter's name, if given, as its
 * {@code external_labeler}. Inserting entity by entity through JPA costs a statement and a round
 * trip per row (Hibernate cannot batch identity keys); a JDBC batch still costs the database a
 * statement per row; a multi-row insert costs one statement per thousand rows.
 */
final class BattleWriter {

    /**
     * Votes per chunk; its 2,000 answers take two statements. About 2 MB of text at the integration test's
     * 1.9 KB a vote; at most 3,000 texts of {@code pairwise.labeling.max-text-chars} (32,768 by default).
     */
    static final int CHUNK = 1000;
    /** Rows per INSERT: 7 parameters a row stays far below PostgreSQL's limit of 32,767 per statement. */
    static final int ROWS_PER_STATEMENT = 1000;

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
        long[] prompts = insert("INSERT INTO prompts (project_id, text, created_at) VALUES ", "(?, ?, ?)", n,
                (ps, p, i) -> {
                    ps.setLong(p, projectId);
                    ps.setString(p + 1, chunk.get(i).prompt());
                    ps.setObject(p + 2, now);
                });
        long[] answers = insert("INSERT INTO responses (prompt_id, text, origin_kind, origin_model, origin_settings,"
                + " created_at) VALUES ", "(?, ?, ?, ?, ?, ?)", 2 * n, (ps, p, r) -> {
            ImportItem.Battle v = chunk.get(r / 2);
            boolean a = r % 2 == 0;
            ps.setLong(p, prompts[r / 2]);
            ps.setString(p + 1, a ? v.answerA() : v.answerB());
            ps.setString(p + 2, OriginKind.IMPORTED.name());
            ps.setString(p + 3, a ? v.modelA() : v.modelB());
            ps.setString(p + 4, settings);
            ps.setObject(p + 5, now);
        });
        long[] judgments = insert("INSERT INTO judgments (project_id, prompt_id, source, presented_order, tiers,"
                + " all_bad, created_at, external_labeler) VALUES ", "(?, ?, ?, ?, ?, FALSE, ?, ?)", n, (ps, p, i) -> {
            ImportItem.Battle v = chunk.get(i);
            long a = answers[2 * i];
            long b = answers[2 * i + 1];
            ps.setLong(p, projectId);
            ps.setLong(p + 1, prompts[i]);
            ps.setString(p + 2, SOURCE);
            ps.setString(p + 3, Ids.join(List.of(a, b)));
            ps.setString(p + 4, Ids.joinTiers(v.winner().tiers(a, b)));
            ps.setObject(p + 5, now);
            if (v.labeler() == null) {
                ps.setNull(p + 6, Types.VARCHAR);
            } else {
                ps.setString(p + 6, v.labeler());
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
        insert("INSERT INTO preference_pairs (judgment_id, project_id, prompt_id, chosen_response_id,"
                + " rejected_response_id, margin) VALUES ", "(?, ?, ?, ?, ?, 1)", decisive.size(), (ps, p, i) -> {
            long[] pair = decisive.get(i);
            ps.setLong(p, pair[0]);
            ps.setLong(p + 1, projectId);
            ps.setLong(p + 2, pair[1]);
            ps.setLong(p + 3, pair[2]);
            ps.setLong(p + 4, pair[3]);
        });
        insert("INSERT INTO response_ratings (judgment_id, response_id, flags) VALUES ", "(?, ?, ?)", bothBad.size(),
                (ps, p, i) -> {
                    ps.setLong(p, bothBad.get(i)[0]);
                    ps.setLong(p + 1, bothBad.get(i)[1]);
                    ps.setString(p + 2, ResponseFlag.LOW_QUALITY.name());
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
        /** Sets row {@code row}'s parameters, the first at index {@code first}. */
        void set(PreparedStatement ps, int first, int row) throws SQLException;
    }

    /**
     * Inserts {@code rows} rows as multi-row INSERT statements of up to {@link #ROWS_PER_STATEMENT}
     * rows each, and returns the generated ids in row order. Both databases draw identity values in
     * the order a VALUES list names its rows, so the ids of one statement, sorted, are its rows'
     * ids in order (sorting guards against a driver that hands the keys back in another order).
     */
    private long[] insert(String head, String tuple, int rows, RowSetter setter) {
        long[] ids = new long[rows];
        int perRow = (int) tuple.chars().filter(c -> c == '?').count();
        for (int from = 0; from < rows; from += ROWS_PER_STATEMENT) {
            int first = from;
            int count = Math.min(ROWS_PER_STATEMENT, rows - from);
            String sql = head + String.join(", ", java.util.Collections.nCopies(count, tuple));
            jdbc.execute((ConnectionCallback<Void>) con -> {
                try (PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"})) {
                    for (int r = 0; r < count; r++) {
                        setter.set(ps, 1 + r * perRow, first + r);
                    }
                    ps.executeUpdate();
                    long[] keys = new long[count];
                    int found = 0;
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        while (rs.next()) {
                            if (found == count) {
                                throw new IllegalStateException("more generated keys than rows in " + head);
                            }
                            keys[found++] = rs.getLong(1);
                        }
                    }
                    if (found != count) {
                        throw new IllegalStateException(found + " generated keys for " + count + " rows in " + head);
                    }
                    Arrays.sort(keys);
                    System.arraycopy(keys, 0, ids, first, count);
                }
                return null;
            });
        }
        return ids;
    }
}

package dev.pairwise.labeling.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.Fixtures;
import dev.pairwise.labeling.H2Test;
import dev.pairwise.labeling.importing.ImportFormat;
import dev.pairwise.labeling.importing.ImportService;
import dev.pairwise.labeling.project.ProjectView;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exports a million pairs and checks that the live heap stays flat while it runs: every 200,000
 * lines a full GC runs and the heap still in use is recorded. Keeping the rows (or a growing
 * persistence context) would add hundreds of megabytes; keyset pages keep one page alive.
 */
@H2Test
class ExportScaleIT {

    private static final int PAIRS = 1_000_000;
    /** Live-heap growth allowed during the export; a million retained rows need far more. */
    private static final long SLACK_BYTES = 48L * 1024 * 1024;

    @Autowired
    ApplicationContext ctx;
    @Autowired
    ImportService imports;
    @Autowired
    ExportService export;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_million_pairs_export_in_constant_memory() {
        ProjectView p = new Fixtures(ctx).project(2, 1);
        imports.importFile(p.id(), ImportFormat.TRL, "scale", new ByteArrayInputStream(
                "{\"prompt\":\"Which is better?\",\"chosen\":\"This one, with a longer text to carry some bytes.\",\"rejected\":\"That one.\"}\n"
                        .getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("""
                INSERT INTO preference_pairs (judgment_id, project_id, prompt_id, chosen_response_id,
                                              rejected_response_id, margin)
                SELECT p.judgment_id, p.project_id, p.prompt_id, p.chosen_response_id, p.rejected_response_id, p.margin
                  FROM preference_pairs p, SYSTEM_RANGE(1, ?) r WHERE p.project_id = ?""")
                .params(PAIRS - 1, p.id()).update();

        LiveHeapProbe out = new LiveHeapProbe(200_000);
        long started = System.nanoTime();
        long rows = export.exportPairs(p.id(), PairFormat.TRL, out);
        System.out.printf("ExportScaleIT: %d pairs in %.1f s; live heap %d MB before, at most %d MB during%n",
                rows, (System.nanoTime() - started) / 1e9, out.baseline >> 20, out.maxLive >> 20);

        assertThat(rows).isEqualTo(PAIRS);
        assertThat(out.lines).isEqualTo(PAIRS);
        assertThat(out.maxLive - out.baseline)
                .as("live heap growth during export (baseline %d MB)", out.baseline >> 20)
                .isLessThan(SLACK_BYTES);
    }

    /** Discards bytes, counts lines, and samples the live heap after a GC every {@code every} lines. */
    private static final class LiveHeapProbe extends OutputStream {
        private final int every;
        final long baseline;
        long maxLive;
        long lines;

        LiveHeapProbe(int every) {
            this.every = every;
            this.baseline = live();
            this.maxLive = baseline;
        }

        @Override
        public void write(int b) {
            if (b == '\n' && ++lines % every == 0) {
                maxLive = Math.max(maxLive, live());
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        private static long live() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}

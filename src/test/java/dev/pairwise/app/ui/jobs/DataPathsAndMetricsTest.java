package dev.pairwise.app.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the job and model screens show of server paths and metric values. */
class DataPathsAndMetricsTest {

    @Test
    void paths_are_shown_relative_to_the_data_folder_and_others_by_their_name_only() {
        DataPaths paths = DataPaths.under(Path.of("/srv/pairwise/data"));
        assertThat(paths.shown("/srv/pairwise/data/checkpoints/job-7/model")).isEqualTo("checkpoints/job-7/model");
        assertThat(paths.shown("/elsewhere/secret/model")).isEqualTo("…/model");
        DataPaths relative = new DataPaths(Path.of("./data/checkpoints"));
        assertThat(relative.shown(Path.of("data/checkpoints/job-3/step-4").toAbsolutePath().toString()))
                .isEqualTo("checkpoints/job-3/step-4");
    }

    @Test
    void counts_are_shown_in_full_as_the_job_log_writes_them() {
        assertThat(Metrics.flat("{\"parameters\": 139840, \"loss\": 1.234567}"))
                .containsEntry("parameters", "139,840")
                .containsEntry("loss", "1.235");
        assertThat(Metrics.headline("{\"parameters\": 139840}")).isEqualTo("parameters=139,840");
    }
}

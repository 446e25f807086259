package dev.pairwise.app.instruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a resumed job reads back is what the job saved. */
class SelfInstructStateTest {

    @TempDir
    Path tmp;

    @Test
    void saved_state_reads_back_whole() {
        SelfInstructState s = new SelfInstructState();
        s.candidate();
        s.candidate();
        s.candidate();
        s.rejected(Rejection.SIMILAR);
        s.answered(List.of("Name two rivers in Africa.", "Describe a cat \"in detail\"."), 2);
        s.failed();
        Path dir = tmp.resolve("state");
        s.save(dir);
        SelfInstructState back = SelfInstructState.load(dir);
        assertThat(back.requests()).isEqualTo(2);
        assertThat(back.failedRequests()).isEqualTo(1);
        assertThat(back.kept()).isEqualTo(2);
        assertThat(back.candidates()).isEqualTo(3);
        assertThat(back.rejections(Rejection.SIMILAR)).isEqualTo(1);
        assertThat(back.rejections(Rejection.DUPLICATE)).isZero();
        assertThat(back.generated()).containsExactly("Name two rivers in Africa.", "Describe a cat \"in detail\".");
        assertThat(back.rejectionSummary()).isEqualTo("similar 1");
        assertThat(SelfInstructState.load(tmp.resolve("none")).requests()).isZero();
    }
}

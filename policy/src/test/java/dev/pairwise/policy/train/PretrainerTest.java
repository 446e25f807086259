package dev.pairwise.policy.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.pairwise.policy.model.GptModel;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PretrainerTest {

    private OneThread oneThread;

    @org.junit.jupiter.api.BeforeEach
    void oneThread() {
        oneThread = OneThread.enter();
    }

    @org.junit.jupiter.api.AfterEach
    void restoreThreads() {
        oneThread.close();
    }


    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void loss_falls_on_a_tiny_corpus(boolean modern) {
        TrainConfig tc = TrainConfig.of(80, 8, 1e-2, 1).withEval(0, 4);
        try (GptModel model = GptModel.create(TinyRuns.model(modern), 1, Device.cpu());
             Pretrainer trainer = new Pretrainer(model, TinyRuns.dataset(16), tc)) {
            TrainResult r = trainer.run(TrainingListener.NONE, () -> false);
            double first = trainer.history().getFirst().loss();
            assertThat(first).isCloseTo(Math.log(28), Offset.offset(0.3));
            assertThat(r.stepsDone()).isEqualTo(80);
            assertThat(r.finalEval()).isNotNull();
            // the text repeats a 45-character sentence: a model that learned it is far below ln(28) = 3.3
            assertThat(r.finalEval().valLoss()).isLessThan(1.0);
            assertThat(r.tokensPerSecond()).isPositive();
        }
    }

    @Test
    void progress_is_reported_every_step_and_cancellation_stops_between_steps() {
        TrainConfig tc = TrainConfig.of(50, 4, 1e-3, 1);
        List<TrainingProgress> seen = new ArrayList<>();
        try (GptModel model = GptModel.create(TinyRuns.model(false), 1, Device.cpu());
             Pretrainer trainer = new Pretrainer(model, TinyRuns.dataset(16), tc)) {
            TrainResult r = trainer.run(seen::add, () -> seen.size() >= 3);
            assertThat(r.cancelled()).isTrue();
            assertThat(r.stepsDone()).isEqualTo(3);
            assertThat(r.finalEval()).isNull();
            assertThat(seen).extracting(TrainingProgress::step).containsExactly(1, 2, 3);
            TrainingProgress p = seen.get(2);
            assertThat(p.totalSteps()).isEqualTo(50);
            assertThat(p.lr()).isEqualTo(tc.lrAt(2));
            assertThat(p.tokensPerSecond()).isPositive();
            assertThat(p.eta().toNanos()).isPositive();
            assertThat(p.loss()).isFinite();
        }
    }

    @Test
    void periodic_evaluation_runs_at_the_interval_and_at_the_end() {
        TrainConfig tc = TrainConfig.of(10, 4, 1e-3, 1).withEval(4, 2);
        try (GptModel model = GptModel.create(TinyRuns.model(true), 1, Device.cpu());
             Pretrainer trainer = new Pretrainer(model, TinyRuns.dataset(16), tc)) {
            TrainResult r = trainer.run(TrainingListener.NONE, () -> false);
            assertThat(r.evals()).extracting(EvalResult::step).containsExactly(4, 8, 10);
        }
    }

    @Test
    void gradient_accumulation_averages_the_micro_batches() {
        // two micro-batches of 4 give the mean of the two losses, and training still works
        TrainConfig tc = TrainConfig.of(30, 4, 1e-2, 1).withAccumulation(2);
        try (GptModel model = GptModel.create(TinyRuns.model(false), 1, Device.cpu());
             Pretrainer trainer = new Pretrainer(model, TinyRuns.dataset(16), tc)) {
            trainer.run(TrainingListener.NONE, () -> false);
            assertThat(trainer.history().getLast().loss()).isLessThan(trainer.history().getFirst().loss() - 0.5);
        }
    }

    @Test
    void learning_rate_warms_up_linearly_then_decays_by_cosine_to_the_minimum() {
        TrainConfig tc = TrainConfig.of(1000, 4, 1e-3, 1);
        assertThat(tc.warmupIters()).isEqualTo(100);
        assertThat(tc.lrAt(0)).isCloseTo(1e-5, Offset.offset(1e-12));
        assertThat(tc.lrAt(49)).isCloseTo(5e-4, Offset.offset(1e-12));
        assertThat(tc.lrAt(99)).isCloseTo(1e-3, Offset.offset(1e-12));
        assertThat(tc.lrAt(550)).isCloseTo(1e-4 + 0.5 * 9e-4, Offset.offset(1e-12));
        assertThat(tc.lrAt(1000)).isEqualTo(1e-4);
        assertThatThrownBy(() -> TrainConfig.of(0, 4, 1e-3, 1)).hasMessageContaining("iters");
        assertThatThrownBy(() -> TrainConfig.of(10, 4, -1, 1)).hasMessageContaining("lr");
    }
}

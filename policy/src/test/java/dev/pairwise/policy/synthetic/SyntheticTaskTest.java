package dev.pairwise.policy.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

class SyntheticTaskTest {

    @Test
    void best_answers_are_computed() {
        assertThat(SyntheticTask.add(23, 58).answer()).isEqualTo("81");
        assertThat(SyntheticTask.reverse("c", "a", "f").answer()).isEqualTo("f a c");
        assertThat(SyntheticTask.sort(5, 2, 9).answer()).isEqualTo("2 5 9");
        assertThat(SyntheticTask.uppercase("red", "fox").answer()).isEqualTo("RED FOX");
    }

    @Test
    void prompts_parse_back_into_their_task() {
        TaskGenerator gen = new TaskGenerator();
        java.util.Random rng = new java.util.Random(1);
        for (int i = 0; i < 200; i++) {
            SyntheticTask t = gen.next(rng);
            assertThat(SyntheticTask.parse(t.prompt())).isEqualTo(t);
        }
        assertThatThrownBy(() -> SyntheticTask.parse("write a poem")).hasMessageContaining("not a synthetic task");
    }

    @Test
    void the_split_is_deterministic_and_disjoint() {
        TaskGenerator gen = new TaskGenerator();
        TaskGenerator.Split a = gen.split(300, 50, 7);
        TaskGenerator.Split b = gen.split(300, 50, 7);
        assertThat(a).isEqualTo(b);
        assertThat(a.train()).hasSize(300);
        assertThat(a.heldOut()).hasSize(50);
        Set<String> train = new HashSet<>();
        a.train().forEach(t -> train.add(t.prompt()));
        assertThat(train).hasSize(300);
        assertThat(a.heldOut()).noneMatch(t -> train.contains(t.prompt()));
        assertThat(gen.split(300, 50, 8)).isNotEqualTo(a);
        // all four kinds show up
        assertThat(a.train().stream().map(SyntheticTask::kind).distinct()).hasSize(TaskKind.values().length);
    }

    @Test
    void an_impossible_split_is_refused() {
        assertThatThrownBy(() -> new TaskGenerator(1).split(30_000, 100, 1)).hasMessageContaining("distinct prompts");
    }
}

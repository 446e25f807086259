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
    void a_generator_limited_to_some_kinds_draws_only_those() {
        TaskGenerator.Split s = new TaskGenerator(20, java.util.EnumSet.of(TaskKind.UPPERCASE, TaskKind.REVERSE))
                .split(200, 20, 3);
        assertThat(s.train().stream().map(SyntheticTask::kind).distinct())
                .containsExactlyInAnyOrder(TaskKind.UPPERCASE, TaskKind.REVERSE);
        assertThat(s.heldOut()).allMatch(t -> t.kind() == TaskKind.UPPERCASE || t.kind() == TaskKind.REVERSE);
        assertThatThrownBy(() -> new TaskGenerator(20, java.util.EnumSet.noneOf(TaskKind.class)))
                .hasMessageContaining("kinds");
    }

    @Test
    void the_lazy_answer_copies_the_input_and_is_never_right() {
        java.util.Random rng = new java.util.Random(1);
        assertThat(Corruptions.copy(SyntheticTask.reverse("c", "a", "f"), rng)).isEqualTo("c a f");
        assertThat(Corruptions.copy(SyntheticTask.uppercase("red", "fox"), rng)).isEqualTo("red fox");
        assertThat(Corruptions.copy(SyntheticTask.sort(5, 2, 9), rng)).isEqualTo("5 2 9");
        assertThat(Corruptions.copy(SyntheticTask.add(23, 58), rng)).isEqualTo("23 58");
        // a palindrome reversed is itself: the copy would be right, so a slip is returned instead
        SyntheticTask palindrome = SyntheticTask.reverse("a", "b", "a");
        assertThat(Corruptions.copy(palindrome, rng)).isNotEqualTo(palindrome.answer());
    }

    @Test
    void an_impossible_split_is_refused() {
        assertThatThrownBy(() -> new TaskGenerator(1).split(30_000, 100, 1)).hasMessageContaining("distinct prompts");
    }
}

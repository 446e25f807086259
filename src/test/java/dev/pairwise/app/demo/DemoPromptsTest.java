package dev.pairwise.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoPromptsTest {

    private final List<DemoPrompt> prompts = DemoProject.prompts();

    @Test
    void the_demo_project_has_at_least_twelve_prompts_of_four_kinds() {
        assertThat(prompts).hasSizeGreaterThanOrEqualTo(12);
        assertThat(prompts.stream().map(DemoPrompt::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("coding", "advice", "facts", "creative");
    }

    @Test
    void every_prompt_has_four_distinct_non_blank_responses() {
        for (DemoPrompt p : prompts) {
            assertThat(p.responses()).hasSize(4).allMatch(r -> !r.isBlank());
            assertThat(Set.copyOf(p.responses())).as(p.prompt()).hasSize(4);
        }
    }

    @Test
    void coding_prompts_show_code_blocks() {
        assertThat(prompts.stream().filter(p -> p.kind().equals("coding")))
                .allMatch(p -> p.responses().stream().anyMatch(r -> r.contains("```")));
    }

    @Test
    void prompts_are_interleaved_by_kind_so_the_first_four_show_every_kind() {
        assertThat(prompts.subList(0, 4).stream().map(DemoPrompt::kind).collect(Collectors.toSet())).hasSize(4);
    }
}

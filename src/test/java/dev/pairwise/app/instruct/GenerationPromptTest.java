package dev.pairwise.app.instruct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The request as the paper's {@code encode_prompt} writes it, and the numbered list read back. */
class GenerationPromptTest {

    @Test
    void encodes_numbered_examples_and_leaves_the_next_number_open() {
        String prompt = GenerationPrompt.encode(List.of("Name a  fruit\nthat is red.", "Answer the question:"));
        assertThat(prompt).isEqualTo("Come up with a series of tasks:\n1. Name a fruit that is red.\n"
                + "2. Answer the question\n3.");
    }

    @Test
    void parses_a_continued_list() {
        String answer = " Suggest a name for a bakery.\n4. Explain   photosynthesis to a child.\n5 . Give two\n"
                + "synonyms of happy.\n6. ";
        assertThat(GenerationPrompt.parse(answer, false)).containsExactly("Suggest a name for a bakery.",
                "Explain photosynthesis to a child.", "Give two synonyms of happy.");
    }

    @Test
    void tolerates_a_repeated_number_and_drops_commentary_after_a_blank_line() {
        String answer = "9. list three primary colors.\n10. Describe a sunset.\n\nI hope these help!";
        assertThat(GenerationPrompt.parse(answer, false))
                .containsExactly("List three primary colors.", "Describe a sunset.");
    }

    @Test
    void an_opened_but_empty_last_number_is_not_part_of_the_last_item() {
        assertThat(GenerationPrompt.parse("Describe a cat in detail.\n10. Name two rivers in Africa.\n11.", false))
                .containsExactly("Describe a cat in detail.", "Name two rivers in Africa.");
    }

    @Test
    void a_cut_off_answer_loses_its_unfinished_last_item() {
        assertThat(GenerationPrompt.parse("Describe a cat.\n10. Explain how tides wo", true))
                .containsExactly("Describe a cat.");
        assertThat(GenerationPrompt.parse("", false)).isEmpty();
    }
}

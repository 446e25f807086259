package dev.pairwise.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.labeling.ConflictException;
import dev.pairwise.labeling.InvalidInputException;
import org.junit.jupiter.api.Test;

class UiMessagesTest {

    @Test
    void a_refusal_shows_its_own_message() {
        assertThat(Ui.messageOf(new InvalidInputException("k", "k must be between 2 and 9")))
                .isEqualTo("k must be between 2 and 9");
        assertThat(Ui.messageOf(new ConflictException("taskId", "task 3 was already judged")))
                .isEqualTo("task 3 was already judged");
    }

    @Test
    void anything_else_shows_an_error_id_and_never_the_exception_text() {
        String shown = Ui.messageOf(new org.springframework.dao.DataIntegrityViolationException(
                "could not execute statement [Check constraint invalid: \"ck_jobs_type: \"]"));
        assertThat(shown).matches("Something went wrong on our side \\(error [0-9a-f]{8}\\)\\..*")
                .doesNotContain("constraint", "ck_jobs_type", "Exception");
    }
}

package dev.pairwise.app.aijudge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.connections.ChatMessage;
import dev.pairwise.labeling.ai.AiJudgments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge's account names and the question it is asked. */
class JudgeNamesAndPromptTest {

    @Test
    void a_plain_system_name_is_its_account_name_and_any_other_gets_a_hash_to_stay_unique() {
        assertThat(AiJudgments.accountName("gpt-4o-judge")).isEqualTo("ai.gpt-4o-judge");
        String odd = AiJudgments.accountName("GPT 4o / judge");
        assertThat(odd).startsWith("ai.gpt-4o-judge-").hasSize("ai.gpt-4o-judge-".length() + 8)
                .matches("[a-z0-9][a-z0-9._-]{1,63}");
        assertThat(AiJudgments.accountName("gpt 4o / judge")).isNotEqualTo(odd);
        String longName = "x".repeat(200);
        assertThat(AiJudgments.accountName(longName)).hasSizeLessThanOrEqualTo(64)
                .isNotEqualTo(AiJudgments.accountName(longName + "y"));
    }

    @Test
    void the_question_states_the_rubric_numbers_the_responses_and_asks_for_the_format() {
        List<ChatMessage> m = JudgePrompt.messages("Be honest.", "What is 2+2?", List.of("4", "5"));
        assertThat(m).extracting(ChatMessage::role).containsExactly(ChatMessage.Role.SYSTEM, ChatMessage.Role.USER);
        assertThat(m.get(0).content()).endsWith("principles:\nBe honest.");
        assertThat(m.get(1).content()).startsWith("Prompt:\nWhat is 2+2?\n\n[1]\n4\n\n[2]\n5\n\n")
                .contains("Ranking:");
        // The format example in the question is not itself read as an answer about two responses.
        assertThat(RankingAnswer.read(m.get(1).content(), 2).ok()).isFalse();
    }
}

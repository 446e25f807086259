package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatTokensTest {

    @Test
    void a_sampled_response_is_cut_before_a_special_token() {
        assertThat(ChatTokens.cleanResponse("81<|user|>add 2")).isEqualTo("81");
        assertThat(ChatTokens.cleanResponse("f a c")).isEqualTo("f a c");
        assertThat(ChatTokens.cleanResponse("<|pad|>")).isEmpty();
    }

    @Test
    void fit_drops_prompt_tokens_from_the_left_first() {
        ChatTokens.Fitted f = ChatTokens.fit(new int[] {1, 2, 3, 4, 5}, new int[] {7, 8, 9}, 6, 1);
        assertThat(f.prompt()).containsExactly(3, 4, 5);
        assertThat(f.response()).containsExactly(7, 8, 9);
        assertThat(f.droppedPromptTokens()).isEqualTo(2);
        assertThat(f.joined()).containsExactly(3, 4, 5, 7, 8, 9);
    }

    @Test
    void fit_cuts_the_response_tail_only_when_the_prompt_is_down_to_its_minimum() {
        ChatTokens.Fitted f = ChatTokens.fit(new int[] {1, 2, 3}, new int[] {7, 8, 9, 10}, 4, 1);
        assertThat(f.prompt()).containsExactly(3);
        assertThat(f.response()).containsExactly(7, 8, 9);
        assertThat(f.droppedResponseTokens()).isEqualTo(1);
        assertThat(ChatTokens.fit(new int[] {1}, new int[] {2}, 5, 1).truncated()).isFalse();
        assertThatThrownBy(() -> ChatTokens.fit(new int[] {1}, new int[] {2}, 1, 1)).hasMessageContaining("no room");
    }
}

package dev.pairwise.policy.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.policy.tokenizer.CharTokenizer;
import dev.pairwise.policy.tokenizer.SpecialTokens;
import dev.pairwise.policy.tokenizer.Tokenizer;
import dev.pairwise.policy.tokenizer.Tokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTokensTest {

    @Test
    void missing_names_the_chat_tokens_a_tokenizer_lacks(@TempDir Path dir) throws IOException {
        CharTokenizer ours = CharTokenizer.train(List.of("hello"));
        assertThat(ChatTokens.missing(ours)).isEmpty();
        ours.save(dir);
        // An imported model's own chat tokens in place of two of ours.
        Path json = dir.resolve("tokenizer.json");
        Files.writeString(json, Files.readString(json).replace("<|user|>", "<|im_start|>").replace("<|end|>", "<|im_end|>"));
        Tokenizer theirs = Tokenizers.load(dir);
        assertThat(ChatTokens.missing(theirs)).containsExactly(SpecialTokens.USER, SpecialTokens.END);
        assertThatThrownBy(() -> new ChatTokens(theirs)).hasMessageContaining("<|user|>");
    }

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

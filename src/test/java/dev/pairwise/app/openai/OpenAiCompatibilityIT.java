package dev.pairwise.app.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.FinishReason;
import dev.pairwise.formats.Speaker;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.sample.Sample;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1} through an OpenAI client nobody here wrote: LangChain4j's {@code OpenAiChatModel}
 * and {@code OpenAiStreamingChatModel} (langchain4j-open-ai 1.19.0, its own JDK HTTP client and
 * SSE parser), pointed at the app's base URL with an API token as the key. The answers must be
 * what the sampler draws for the same seed, and our errors must reach the client as the
 * exceptions it raises for OpenAI's.
 */
class OpenAiCompatibilityIT extends V1AppTest {

    private static final String QUESTION = TinyChatCheckpoints.prompt(4);
    private static final List<Turn> TURNS = List.of(new Turn(Speaker.SYSTEM, "add"), new Turn(Speaker.USER, QUESTION));

    private OpenAiChatModel chatModel(String model, String key) {
        return OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey(key).modelName(model)
                .temperature(0.9).seed(11).maxTokens(20).maxRetries(0).timeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void langchain4j_chat_model_gets_the_answer_and_its_usage() {
        ChatResponse response = chatModel(TEN, researcher).chat(SystemMessage.from("add"), UserMessage.from(QUESTION));

        Sample expected = TinyChatCheckpoints.reference(TinyChatCheckpoints.tenSteps(), TURNS, 1, 0.9, 20, 11).getFirst();
        assertThat(response.aiMessage().text()).isEqualTo(expected.text());
        assertThat(response.finishReason())
                .isEqualTo(expected.finishReason().label().equals("stop") ? FinishReason.STOP : FinishReason.LENGTH);
        assertThat(response.tokenUsage().inputTokenCount())
                .isEqualTo(TinyChatCheckpoints.promptTokens(TinyChatCheckpoints.tenSteps(), TURNS));
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(expected.tokenCount());
        assertThat(response.metadata().modelName()).isEqualTo(TEN);
        assertThat(response.metadata().id()).startsWith("chatcmpl-");
    }

    @Test
    void langchain4j_streaming_chat_model_streams_the_same_answer() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().baseUrl(baseUrl()).apiKey(researcher)
                .modelName(TEN).temperature(0.9).seed(11).maxTokens(20).timeout(Duration.ofSeconds(60)).build();
        StringBuilder partials = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        model.chat(List.of(SystemMessage.from("add"), UserMessage.from(QUESTION)), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                partials.append(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(60, TimeUnit.SECONDS);

        Sample expected = TinyChatCheckpoints.reference(TinyChatCheckpoints.tenSteps(), TURNS, 1, 0.9, 20, 11).getFirst();
        assertThat(partials.toString()).isEqualTo(expected.text());
        assertThat(response.aiMessage().text()).isEqualTo(expected.text());
        // The streaming model asks for stream_options.include_usage: the usage chunk must reach it.
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(expected.tokenCount());
    }

    @Test
    void our_errors_reach_langchain4j_as_the_exceptions_it_raises_for_openai() {
        assertThatThrownBy(() -> chatModel("no-such-model", researcher).chat("hi"))
                .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> chatModel(TEN, "pw_wrong").chat("hi"))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("Incorrect API key");
        assertThatThrownBy(() -> OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey(researcher).modelName(TEN)
                .temperature(3.0).maxRetries(0).build().chat("hi"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("temperature");
    }
}

package dev.pairwise.app.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON the {@code /v1} endpoint answers, field for field as OpenAI's chat-completions API
 * writes it (https://platform.openai.com/docs/api-reference/chat), so that its clients read it
 * unchanged. Fields OpenAI sends as {@code null} are written as {@code null}.
 */
final class OpenAiSchema {

    private OpenAiSchema() {
    }

    /** {@code GET /v1/models}. */
    record ModelList(String object, List<Model> data) {
        ModelList(List<Model> data) {
            this("list", data);
        }
    }

    /** One served checkpoint: {@code id} is its registry name, {@code created} its registration time. */
    record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy) {
        Model(String id, long created) {
            this(id, "model", created, "pairwise");
        }
    }

    /** A whole completion ({@code stream} false). */
    record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {
    }

    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    record Message(String role, String content) {
    }

    /** Tokens of the prompt (counted once, whatever {@code n}) and of all choices together. */
    record Usage(@JsonProperty("prompt_tokens") int promptTokens,
                 @JsonProperty("completion_tokens") int completionTokens,
                 @JsonProperty("total_tokens") int totalTokens) {
        Usage(int promptTokens, int completionTokens) {
            this(promptTokens, completionTokens, promptTokens + completionTokens);
        }
    }

    /**
     * One server-sent event of a streamed completion. {@code usage} is left out but on the last
     * chunk when the client asked for it ({@code stream_options.include_usage}); that chunk has no
     * choices.
     */
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
                 @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Usage usage) {
    }

    record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") @Nullable String finishReason) {
    }

    /** What a chunk adds to its choice: the role first, then content pieces, then nothing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(@Nullable String role, @Nullable String content) {
    }

    /** {@code {"error":{...}}}. */
    record ErrorBody(Error error) {
    }

    record Error(String message, String type, @Nullable String param, @Nullable String code) {
    }
}

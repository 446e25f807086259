package dev.pairwise.app.openai;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Our checkpoints over OpenAI's chat-completions protocol:
 * {@code GET /v1/models} and {@code POST /v1/chat/completions}, whole or streamed as server-sent
 * events. The request thread only checks the request and hands it to {@link ChatService}; the
 * answer is written from the generator's thread through a {@link ResponseBodyEmitter}, so no
 * request thread waits for a model. Who may call it is set in the security configuration
 * (researchers and admins, with an API token).
 */
@RestController
class ChatCompletionsController {

    private final LoadedModels models;
    private final ChatService chat;
    private final V1Settings settings;

    ChatCompletionsController(LoadedModels models, ChatService chat, V1Settings settings) {
        this.models = models;
        this.chat = chat;
        this.settings = settings;
    }

    @GetMapping("/v1/models")
    OpenAiSchema.ModelList models() {
        return new OpenAiSchema.ModelList(models.served().stream()
                .map(c -> new OpenAiSchema.Model(c.name(), c.createdAt().getEpochSecond())).toList());
    }

    @GetMapping("/v1/models/{model}")
    OpenAiSchema.Model model(@PathVariable String model) {
        var c = models.resolve(model);
        return new OpenAiSchema.Model(c.name(), c.createdAt().getEpochSecond());
    }

    /**
     * A completion. The body is read as bytes whatever its content type (OpenAI's clients send
     * JSON; {@code curl -d} says form data) and parsed here, so a bad one is a 400 in OpenAI's
     * words. Both kinds of answer go out through an emitter, written from the generator's thread:
     * a whole answer as one JSON body (status and headers are not sent before it, so a failure is
     * still an error status), a stream as events.
     */
    @PostMapping("/v1/chat/completions")
    ResponseEntity<ResponseBodyEmitter> complete(@RequestBody(required = false) byte[] body) {
        ChatRequest request = ChatRequest.parse(parse(body), settings.maxN());
        var emitter = new ResponseBodyEmitter(settings.timeout().toMillis());
        AtomicReference<Generation> generation = new AtomicReference<>();
        ChatService.Sink sink;
        if (request.stream()) {
            EventStream events = new EventStream(emitter, request.includeUsage());
            emitter.onTimeout(() -> {
                cancel(generation);
                events.fail(timedOut());
            });
            sink = events;
        } else {
            emitter.onTimeout(() -> {
                cancel(generation);
                emitter.completeWithError(timedOut());
            });
            sink = new WholeAnswer(emitter);
        }
        emitter.onError(e -> cancel(generation));
        generation.set(chat.start(request, sink));
        if (request.stream()) {
            return ResponseEntity.ok().contentType(EventStream.TYPE).cacheControl(CacheControl.noCache())
                    .header("X-Accel-Buffering", "no") // a proxy must pass each event on at once
                    .body(emitter);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(emitter);
    }

    private static void cancel(AtomicReference<Generation> generation) {
        Generation g = generation.get();
        if (g != null) {
            g.cancel();
        }
    }

    private OpenAiException timedOut() {
        return new OpenAiException(HttpStatus.SERVICE_UNAVAILABLE, "timeout", null, "timeout",
                "The completion did not finish within pairwise.v1.timeout (" + settings.timeout()
                        + "), waiting included; it was stopped.", 0);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new OpenAiException(HttpStatus.BAD_REQUEST, "invalid_request_error", null, null,
                    "The request has no body: send a JSON object with 'model' and 'messages'.", 0);
        }
        try {
            return OpenAiErrorResolver.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new OpenAiException(HttpStatus.BAD_REQUEST, "invalid_request_error", null, null,
                    "We could not parse the JSON body of your request: " + e.getOriginalMessage(), 0);
        }
    }

    /** Sends the whole answer as one JSON body when the generation is done. */
    private static final class WholeAnswer implements ChatService.Sink {
        private final ResponseBodyEmitter emitter;
        private ChatService.@Nullable Header header;

        WholeAnswer(ResponseBodyEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void begin(ChatService.Header header, int choices) {
            this.header = header;
        }

        @Override
        public void piece(int index, String text) {
        }

        @Override
        public void finish(int index, String reason) {
        }

        @Override
        public void done(Generation.Result r) {
            ChatService.Header h = Objects.requireNonNull(header);
            List<OpenAiSchema.Choice> choices = new ArrayList<>();
            for (int i = 0; i < r.texts().size(); i++) {
                choices.add(new OpenAiSchema.Choice(i, new OpenAiSchema.Message("assistant", r.texts().get(i)),
                        r.finishReasons().get(i)));
            }
            byte[] json = OpenAiErrorResolver.JSON.writeValueAsBytes(new OpenAiSchema.ChatCompletion(h.id(),
                    "chat.completion", h.created(), h.model(), choices,
                    new OpenAiSchema.Usage(r.promptTokens(), r.completionTokens())));
            try {
                emitter.send(json, MediaType.APPLICATION_OCTET_STREAM);
                emitter.complete();
            } catch (IOException | IllegalStateException e) {
                // The client is gone or out of time; its answer has nowhere to go.
            }
        }

        @Override
        public void failed(RuntimeException e) {
            emitter.completeWithError(e); // nothing sent yet: the error resolver answers with a status
        }
    }
}

package dev.pairwise.app.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * A streamed completion as OpenAI sends it: server-sent events {@code data: <chunk JSON>}, each
 * {@code chat.completion.chunk} carrying one choice's delta (first its role, then content pieces,
 * then an empty delta with the finish reason), optionally a last chunk with the usage, and
 * {@code data: [DONE]}. The events are written byte for byte (with the space after
 * {@code data:}, as OpenAI writes it) and flushed one by one. When the client is gone, the next
 * write cancels the generation.
 */
final class EventStream implements ChatService.Sink {

    static final MediaType TYPE = new MediaType("text", "event-stream", StandardCharsets.UTF_8);

    private final ResponseBodyEmitter emitter;
    private final boolean includeUsage;
    private ChatService.@Nullable Header header;
    private boolean closed;

    EventStream(ResponseBodyEmitter emitter, boolean includeUsage) {
        this.emitter = emitter;
        this.includeUsage = includeUsage;
    }

    @Override
    public void begin(ChatService.Header header, int choices) {
        this.header = header;
        for (int i = 0; i < choices; i++) {
            chunk(List.of(new OpenAiSchema.ChunkChoice(i, new OpenAiSchema.Delta("assistant", ""), null)), null);
        }
    }

    @Override
    public void piece(int index, String text) {
        chunk(List.of(new OpenAiSchema.ChunkChoice(index, new OpenAiSchema.Delta(null, text), null)), null);
    }

    @Override
    public void finish(int index, String reason) {
        chunk(List.of(new OpenAiSchema.ChunkChoice(index, new OpenAiSchema.Delta(null, null), reason)), null);
    }

    @Override
    public void done(Generation.Result result) {
        if (includeUsage) {
            chunk(List.of(), new OpenAiSchema.Usage(result.promptTokens(), result.completionTokens()));
        }
        end();
    }

    @Override
    public void failed(RuntimeException e) {
        fail(e);
    }

    /** Sends the error as the stream's last event (the status line is long gone), then ends it. */
    synchronized void fail(Throwable e) {
        if (!closed) {
            try {
                send(OpenAiErrorResolver.json(OpenAiErrorResolver.of(e)));
            } catch (Generation.Cancelled gone) {
                return;
            }
            end();
        }
    }

    private synchronized void chunk(List<OpenAiSchema.ChunkChoice> choices, OpenAiSchema.@Nullable Usage usage) {
        ChatService.Header h = header;
        send(OpenAiErrorResolver.JSON.writeValueAsBytes(new OpenAiSchema.Chunk(h.id(), "chat.completion.chunk",
                h.created(), h.model(), choices, usage)));
    }

    private synchronized void end() {
        if (!closed) {
            sendRaw("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            closed = true;
            emitter.complete();
        }
    }

    private void send(byte[] json) {
        byte[] event = new byte[json.length + 8];
        System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, event, 0, 6);
        System.arraycopy(json, 0, event, 6, json.length);
        event[event.length - 2] = '\n';
        event[event.length - 1] = '\n';
        sendRaw(event);
    }

    private void sendRaw(byte[] bytes) {
        if (closed) {
            throw new Generation.Cancelled();
        }
        try {
            emitter.send(bytes, MediaType.APPLICATION_OCTET_STREAM);
        } catch (IOException | IllegalStateException e) {
            closed = true; // the client hung up, or the stream timed out: stop generating for it
            throw new Generation.Cancelled();
        }
    }
}

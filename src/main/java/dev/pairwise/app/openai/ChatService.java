package dev.pairwise.app.openai;

import dev.pairwise.app.registry.CheckpointView;
import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.sample.Policy;
import dev.pairwise.policy.sample.SamplingConfig;
import dev.pairwise.policy.tokenizer.SpecialTokens;
import dev.pairwise.policy.tokenizer.Tokenizer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Chat completions from the registry's checkpoints. A request is checked, given a place in the
 * {@link GenerationQueue} (or refused with 429), its checkpoint leased from {@link LoadedModels},
 * its messages rendered in the chat template the SFT policies learned
 * ({@code <|user|>…<|end|><|assistant|>}, see {@link ChatTokens}), and then generated on a worker
 * by the KV-cache sampler as a {@link Generation} that reports to a {@link Sink}. Every step up to
 * the hand-over runs on the request thread, so a refusal is an ordinary HTTP answer; after it,
 * only the sink hears of the request.
 */
@Service
class ChatService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LoadedModels models;
    private final GenerationQueue queue;
    private final Clock clock;

    ChatService(LoadedModels models, V1Settings settings, Clock clock, MeterRegistry meters) {
        this.models = models;
        this.queue = new GenerationQueue(settings.maxConcurrent(), settings.maxQueued());
        this.clock = clock;
        Gauge.builder("pairwise.v1.in.flight", queue, GenerationQueue::inFlight)
                .description("chat completions generating or waiting for a generator").register(meters);
        Gauge.builder("pairwise.v1.rejected", queue, GenerationQueue::rejectedCount)
                .description("chat completions refused with 429 since start").register(meters);
        Gauge.builder("pairwise.v1.loaded.models", models, LoadedModels::loadedCount)
                .description("checkpoints loaded for /v1").register(meters);
    }

    /** What every answer to one request repeats: its id, time and model. */
    record Header(String id, long created, String model) {
    }

    /** Hears what a generation produces, on its worker thread, in order. */
    interface Sink {

        /** Called once, on the request thread, before the generation is queued. */
        void begin(Header header, int choices);

        /** More text of choice {@code index}; never empty. */
        void piece(int index, String text);

        /** Choice {@code index} is complete: {@code "stop"} or {@code "length"}. */
        void finish(int index, String reason);

        /** Every choice is complete; the whole answer. */
        void done(Generation.Result result);

        /** The generation failed (not when it was cancelled). */
        void failed(RuntimeException e);
    }

    /**
     * Starts a completion.
     *
     * @return the generation, queued; cancel it when its client is gone or its time is up
     * @throws OpenAiException 404 for an unknown model, 429 when the queue is full, 400 when the
     *                         conversation does not fit the model
     */
    Generation start(ChatRequest request, Sink sink) {
        CheckpointView checkpoint = models.resolve(request.model());
        GenerationQueue.Place place = queue.admit();
        LoadedModels.Lease lease = null;
        try {
            lease = models.lease(checkpoint);
            Policy policy = lease.policy();
            int[] prompt = render(policy, request);
            Header header = new Header("chatcmpl-" + HexFormat.of().formatHex(randomBytes()),
                    clock.instant().getEpochSecond(), checkpoint.name());
            Generation generation = new Generation(lease, prompt, config(policy, request), request.n(),
                    request.stop(), sink);
            sink.begin(header, request.n());
            queue.run(place, generation);
            return generation;
        } catch (RuntimeException e) {
            if (lease != null) {
                lease.close();
            }
            place.release();
            throw e;
        }
    }

    /** The conversation in the chat template, ending with the assistant's turn marker. */
    private static int[] render(Policy policy, ChatRequest request) {
        int[] prompt = new ChatTokens(policy.tokenizer()).prompt(request.messages());
        int context = policy.model().config().contextLength();
        if (prompt.length >= context) {
            throw OpenAiException.tooLong("This model's maximum context length is " + context + " tokens. However, "
                    + "your messages resulted in " + prompt.length + " tokens, which leaves no room for an answer. "
                    + "Please shorten the messages.");
        }
        return prompt;
    }

    /**
     * The sampler's settings: every chat special token ends the answer (the model's turn is over
     * at {@code <|end|>}, and a {@code <|user|>} it starts is not its answer), {@code top_p} 0 is
     * greedy, and without {@code max_tokens} the answer may fill the context.
     */
    private static SamplingConfig config(Policy policy, ChatRequest request) {
        Tokenizer tokenizer = policy.tokenizer();
        Set<Integer> stopIds = new HashSet<>();
        for (String special : SpecialTokens.ALL) {
            stopIds.add(tokenizer.specialId(special));
        }
        boolean greedyTopP = request.topP() == 0;
        int maxNew = request.maxTokens() != null ? request.maxTokens() : policy.model().config().contextLength();
        long seed = request.seed() != null ? request.seed() : RANDOM.nextLong();
        return new SamplingConfig(request.temperature(), greedyTopP ? 1 : request.topK(),
                greedyTopP ? 1.0 : request.topP(), maxNew, stopIds, seed);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }

    @PreDestroy
    void close() {
        queue.close();
    }
}

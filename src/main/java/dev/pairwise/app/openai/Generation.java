package dev.pairwise.app.openai;

import dev.pairwise.policy.sample.FinishReason;
import dev.pairwise.policy.sample.Policy;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;
import dev.pairwise.policy.sample.TokenListener;
import java.util.Arrays;
import java.util.List;

/**
 * One chat completion being generated: the prompt's {@code n} choices decoded together by the
 * KV-cache {@link Sampler} (one prefill, n rows), each piece of text passed through the choice's
 * {@link StopMatcher} to the sink as soon as it is safe to show, and each choice finished the
 * moment it ends (stop token, stop string, or its token budget) rather than when the slowest
 * does. Deterministic for a given seed: the sampler's draws depend only on (seed, choice).
 */
final class Generation implements Runnable {

    /** A whole answer: each choice's text and finish reason, and the tokens it took. */
    record Result(List<String> texts, List<String> finishReasons, int promptTokens, int completionTokens) {
    }

    /** Thrown through the sampler to abandon a generation nobody waits for any more. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final LoadedModels.Lease lease;
    private final int[] prompt;
    private final SamplingConfig config;
    private final int n;
    private final ChatService.Sink sink;
    private final StopMatcher[] matchers;
    private final int[] generated;
    private final String[] reasons;
    private final int budget;
    private volatile boolean cancelled;

    Generation(LoadedModels.Lease lease, int[] prompt, SamplingConfig config, int n, List<String> stop,
               ChatService.Sink sink) {
        this.lease = lease;
        this.prompt = prompt;
        this.config = config;
        this.n = n;
        this.sink = sink;
        this.matchers = new StopMatcher[n];
        Arrays.setAll(matchers, i -> new StopMatcher(stop));
        this.generated = new int[n];
        this.reasons = new String[n];
        // The sampler's own budget: the answer stops at max_tokens or at the end of the context.
        this.budget = Math.min(config.maxNewTokens(), lease.policy().model().config().contextLength() - prompt.length);
    }

    /** Asks the generation to stop at its next token (or not to start); the sink hears nothing more. */
    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        try (lease) {
            if (cancelled) {
                return;
            }
            Policy policy = lease.policy();
            List<Sample> samples = new Sampler(policy.model(), policy.tokenizer())
                    .sample(List.of(prompt), n, config, new Listener());
            int completionTokens = 0;
            for (Sample s : samples) {
                completionTokens += s.tokenCount();
                if (reasons[s.sampleIndex()] == null) { // cannot happen: the listener saw its last token
                    finish(s.sampleIndex(), s.finishReason().label());
                }
            }
            sink.done(new Result(Arrays.stream(matchers).map(StopMatcher::text).toList(), List.of(reasons),
                    prompt.length, completionTokens));
        } catch (Cancelled e) {
            // The client is gone or out of time: nothing to report to anyone.
        } catch (RuntimeException e) {
            if (!cancelled) {
                sink.failed(e);
            }
        }
    }

    private void finish(int choice, String reason) {
        String rest = matchers[choice].flush();
        if (!rest.isEmpty()) {
            sink.piece(choice, rest);
        }
        reasons[choice] = reason;
        sink.finish(choice, reason);
    }

    /** Feeds each token's text through its choice's stop matcher and ends choices as they finish. */
    private final class Listener implements TokenListener {

        @Override
        public void onToken(int promptIndex, int choice, int tokenId, String piece) {
            if (cancelled) {
                throw new Cancelled();
            }
            generated[choice]++;
            String shown = matchers[choice].push(piece);
            if (!shown.isEmpty()) {
                sink.piece(choice, shown);
            }
            if (config.stopTokens().contains(tokenId) || matchers[choice].stopped()) {
                finish(choice, FinishReason.STOP.label());
            } else if (generated[choice] == budget) {
                finish(choice, FinishReason.LENGTH.label());
            }
        }

        @Override
        public boolean endsSample(int promptIndex, int choice) {
            return matchers[choice].stopped();
        }
    }
}

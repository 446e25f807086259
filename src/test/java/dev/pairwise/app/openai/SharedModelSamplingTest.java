package dev.pairwise.app.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.policy.align.ChatTokens;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.sample.Policy;
import dev.pairwise.policy.sample.Sample;
import dev.pairwise.policy.sample.Sampler;
import dev.pairwise.policy.sample.SamplingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1} lets {@code pairwise.v1.max-concurrent} generators sample one loaded model at once,
 * each with its own sampler, managers and cache: the model's forward pass only reads its
 * parameters. Four threads started together, each drawing several completions, must get exactly
 * what the same draws give one after another.
 */
class SharedModelSamplingTest {

    private static List<String> draw(Policy policy, int[] prompt, Set<Integer> stops, long seed) {
        return new Sampler(policy.model(), policy.tokenizer())
                .sample(List.of(prompt), 3, new SamplingConfig(1.0, 0, 1.0, 30, stops, seed))
                .stream().map(Sample::text).toList();
    }

    @Test
    void concurrent_generations_on_one_model_draw_what_sequential_ones_draw() throws Exception {
        try (Policy policy = Policy.load(TinyChatCheckpoints.tenSteps())) {
            ChatTokens chat = new ChatTokens(policy.tokenizer());
            int[] prompt = chat.prompt(Turn.user(TinyChatCheckpoints.prompt(0)));
            Set<Integer> stops = Set.of(chat.endId());
            int threads = 4;
            int rounds = 5;
            List<List<String>> sequential = new ArrayList<>();
            for (int i = 0; i < threads * rounds; i++) {
                sequential.add(draw(policy, prompt, stops, i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<List<String>>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        start.await();
                        List<List<String>> mine = new ArrayList<>();
                        for (int r = 0; r < rounds; r++) {
                            mine.add(draw(policy, prompt, stops, thread * rounds + r));
                        }
                        return mine;
                    }));
                }
                start.countDown();
                for (int t = 0; t < threads; t++) {
                    assertThat(results.get(t).get()).isEqualTo(sequential.subList(t * rounds, (t + 1) * rounds));
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}

package dev.pairwise.policy.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.model.NoGrad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final Utf8BytesTokenizer TOKENIZER = new Utf8BytesTokenizer();
    private static GptModel model;
    private static Sampler sampler;

    private final List<int[]> prompts = List.of(TOKENIZER.encode("Hi"), TOKENIZER.encode("To be"),
            TOKENIZER.encode("Or"));
    private final SamplingConfig config = SamplingConfig.defaults().withMaxNewTokens(8).withSeed(42);

    @BeforeAll
    static void tinyRandomModel() {
        model = TinyModels.sharp(TinyModels.tiny(true), 3);
        sampler = new Sampler(model, TOKENIZER);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void the_same_seed_gives_the_same_samples_and_another_seed_others() {
        List<Sample> first = sampler.sample(prompts, 3, config);
        List<Sample> again = sampler.sample(prompts, 3, config);
        List<Sample> other = sampler.sample(prompts, 3, config.withSeed(43));
        assertThat(ids(again)).isEqualTo(ids(first));
        assertThat(again.stream().map(Sample::text).toList()).isEqualTo(first.stream().map(Sample::text).toList());
        assertThat(ids(other)).isNotEqualTo(ids(first));
    }

    @Test
    void the_k_samples_of_a_prompt_differ() {
        List<Sample> samples = sampler.sample(List.of(prompts.getFirst()), 4, config);
        assertThat(ids(samples).stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void samples_do_not_depend_on_batching_or_on_the_cache() {
        List<Sample> batched = sampler.sample(prompts, 3, config);
        assertThat(ids(sampler.withMaxBatchRows(1).sample(prompts, 3, config))).isEqualTo(ids(batched));
        assertThat(ids(sampler.withoutCache().sample(prompts, 3, config))).isEqualTo(ids(batched));
    }

    @Test
    void top_k_one_equals_greedy_and_greedy_follows_the_argmax_of_a_full_forward_pass() {
        List<Sample> greedy = sampler.sample(prompts, 2, config.withTemperature(0));
        List<Sample> topOne = sampler.sample(prompts, 2, config.withTopK(1).withTemperature(3.0));
        assertThat(ids(topOne)).isEqualTo(ids(greedy));
        for (Sample s : greedy) {
            assertThat(s.tokenIds()).isEqualTo(argmaxContinuation(prompts.get(s.promptIndex()), 8));
        }
        assertThat(Arrays.stream(greedy.getFirst().tokenIds()).distinct().count())
                .as("greedy text that repeats one token would not test the cache").isGreaterThan(2);
    }

    @Test
    void a_stop_token_ends_the_sample_and_is_left_out_of_the_text() {
        int[] free = sampler.sample(prompts, 1, config.withTemperature(0)).getFirst().tokenIds();
        int stop = free[3];
        int at = Arrays.stream(free).boxed().toList().indexOf(stop);
        Sample s = sampler.sample(prompts, 1, config.withTemperature(0).withStopTokens(Set.of(stop))).getFirst();
        assertThat(s.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(s.tokenIds()).isEqualTo(Arrays.copyOf(free, at + 1));
        assertThat(s.text()).isEqualTo(TOKENIZER.decode(Arrays.copyOf(free, at)));
    }

    @Test
    void generation_stops_at_the_context_window() {
        int context = model.config().contextLength();
        int[] nearlyFull = new int[context - 3];
        Arrays.fill(nearlyFull, 'a');
        Sample s = sampler.sample(List.of(nearlyFull), 1, config.withMaxNewTokens(50)).getFirst();
        assertThat(s.tokenCount()).isEqualTo(3);
        assertThat(s.finishReason()).isEqualTo(FinishReason.LENGTH);
        int[] full = new int[context];
        Arrays.fill(full, 'a');
        assertThat(sampler.sample(List.of(full), 2, config).getFirst().tokenCount()).isZero();
    }

    @Test
    void the_listener_sees_every_token_and_its_pieces_make_the_text() {
        List<List<Integer>> streamed = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        for (int i = 0; i < prompts.size() * 2; i++) {
            streamed.add(new ArrayList<>());
            texts.add(new StringBuilder());
        }
        List<Sample> samples = sampler.sample(prompts, 2, config, (p, j, id, piece) -> {
            streamed.get(p * 2 + j).add(id);
            texts.get(p * 2 + j).append(piece);
        });
        for (Sample s : samples) {
            int row = s.promptIndex() * 2 + s.sampleIndex();
            assertThat(streamed.get(row)).containsExactlyElementsOf(Arrays.stream(s.tokenIds()).boxed().toList());
            assertThat(texts.get(row).toString()).isEqualTo(s.text());
        }
    }

    @Test
    void a_listener_ends_a_sample_after_a_token_it_saw_and_that_token_stays_text() {
        SamplingConfig greedy = config.withTemperature(0);
        List<Sample> free = sampler.sample(prompts, 2, greedy);
        int[] seen = new int[prompts.size() * 2];
        List<Sample> ended = sampler.sample(prompts, 2, greedy, new TokenListener() {
            @Override
            public void onToken(int promptIndex, int sampleIndex, int tokenId, String piece) {
                seen[promptIndex * 2 + sampleIndex]++;
            }

            @Override
            public boolean endsSample(int promptIndex, int sampleIndex) {
                // Prompt 1, sample 0 ends after its third token; every other row runs on.
                return promptIndex == 1 && sampleIndex == 0 && seen[2] == 3;
            }
        });
        for (int r = 0; r < ended.size(); r++) {
            Sample s = ended.get(r);
            if (r == 2) {
                assertThat(s.finishReason()).isEqualTo(FinishReason.STOP);
                assertThat(s.tokenIds()).isEqualTo(Arrays.copyOf(free.get(r).tokenIds(), 3));
                assertThat(s.text()).isEqualTo(TOKENIZER.decode(Arrays.copyOf(free.get(r).tokenIds(), 3)));
            } else {
                assertThat(s.tokenIds()).isEqualTo(free.get(r).tokenIds());
                assertThat(s.finishReason()).isEqualTo(free.get(r).finishReason());
            }
        }
    }

    @Test
    void bad_input_is_rejected_with_a_message_naming_the_problem() {
        int context = model.config().contextLength();
        assertThatThrownBy(() -> sampler.sample(List.of(new int[] {1}, new int[context + 1]), 1, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prompt 1 has " + (context + 1) + " tokens")
                .hasMessageContaining("context length of " + context);
        assertThatThrownBy(() -> sampler.sample(List.of(new int[0]), 1, config)).hasMessageContaining("prompt 0 is empty");
        assertThatThrownBy(() -> sampler.sample(List.of(new int[] {5, 999}), 1, config))
                .hasMessageContaining("token id 999");
        assertThatThrownBy(() -> sampler.sample(prompts, 0, config)).hasMessageContaining("k (samples per prompt)");
        assertThatThrownBy(() -> sampler.sample(List.of(), 1, config)).hasMessageContaining("prompts");
    }

    /** Greedy decoding by hand: full forward pass, argmax of the last position, append, repeat. */
    private static int[] argmaxContinuation(int[] prompt, int n) {
        int[] seq = Arrays.copyOf(prompt, prompt.length + n);
        try (NoGrad off = NoGrad.enter(); NDManager m = NDManager.newBaseManager(Device.cpu())) {
            for (int len = prompt.length; len < prompt.length + n; len++) {
                try (NDManager step = m.newSubManager()) {
                    float[] logits = model.forward(step.create(Arrays.copyOf(seq, len), new Shape(1, len)))
                            .get("0, -1, :").toFloatArray();
                    seq[len] = TokenChooser.argmax(logits);
                }
            }
        }
        return Arrays.copyOfRange(seq, prompt.length, seq.length);
    }

    private static List<List<Integer>> ids(List<Sample> samples) {
        return samples.stream().map(s -> Arrays.stream(s.tokenIds()).boxed().toList()).toList();
    }
}

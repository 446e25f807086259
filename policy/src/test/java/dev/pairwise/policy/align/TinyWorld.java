package dev.pairwise.policy.align;

import ai.djl.Device;
import dev.pairwise.policy.data.pairs.SftExample;
import dev.pairwise.policy.model.GptConfig;
import dev.pairwise.policy.model.GptModel;
import dev.pairwise.policy.synthetic.SyntheticData;
import dev.pairwise.policy.synthetic.SyntheticTask;
import dev.pairwise.policy.synthetic.TaskGenerator;
import dev.pairwise.policy.tokenizer.CharTokenizer;

import java.util.List;

/**
 * A tiny world for trainer tests: synthetic tasks, a character tokenizer over their text, and a
 * 2-layer GPT of width 32 (a few seconds of CPU per test).
 */
public final class TinyWorld {

    public final TaskGenerator.Split tasks;
    public final ChatTokens chat;
    public final GptConfig config;

    public TinyWorld(int train, int heldOut, long seed) {
        tasks = new TaskGenerator(20).split(train, heldOut, seed);
        String corpus = SyntheticData.pretrainingCorpus(tasks.train(), 200, 0, seed);
        StringBuilder all = new StringBuilder(corpus);
        for (SyntheticTask t : tasks.train()) {
            all.append(t.prompt()).append('\n').append(t.answer()).append('\n');
        }
        for (SyntheticTask t : tasks.heldOut()) {
            all.append(t.prompt()).append('\n');
        }
        // every character the tasks can use, so corrupted answers encode too
        all.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :+=-\n");
        CharTokenizer tok = CharTokenizer.train(List.of(all.toString()));
        chat = new ChatTokens(tok);
        config = GptConfig.of(tok.vocabSize(), 48, 2, 2, 32);
    }

    public GptModel newModel(long seed) {
        return GptModel.create(config, seed, Device.cpu());
    }

    public List<SftExample> demonstrations(double errorRate, long seed) {
        return SyntheticData.demonstrations(tasks.train(), errorRate, seed);
    }
}

package dev.pairwise.policy.data.pairs;

import dev.pairwise.formats.JsonLines;
import dev.pairwise.formats.Message;
import dev.pairwise.formats.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SFT demonstrations from JSONL (plain or gzipped): {@code {"prompt": str, "completion": str}}
 * or {@code {"messages": [{"role","content"}, ...]}} whose last message is the assistant's reply
 * to learn (earlier turns are context, masked from the loss). Records with an empty prompt or
 * completion are counted and skipped.
 */
public final class SftReader {

    private SftReader() {
    }

    /** Reads every demonstration of {@code file}. */
    public static ReadReport<SftExample> read(Path file) throws IOException {
        List<SftExample> examples = new ArrayList<>();
        int[] empty = {0};
        JsonlFile.read(file, o -> {
            List<Turn> prompt;
            String completion;
            if (o.has("messages")) {
                List<Message> messages = Messages.list(o, "messages");
                completion = Messages.reply(messages, "messages");
                prompt = Turn.of(messages.subList(0, messages.size() - 1));
            } else {
                prompt = Turn.user(JsonLines.string(o, "prompt"));
                completion = JsonLines.string(o, "completion");
            }
            if (prompt.isEmpty() || prompt.stream().allMatch(t -> t.content().isBlank()) || completion.isBlank()) {
                empty[0]++;
            } else {
                examples.add(new SftExample(prompt, completion));
            }
        });
        return new ReadReport<>(examples, 0, empty[0]);
    }

    /**
     * Reads prompts for rollouts (PPO, sampling): {@code {"prompt": str}} or
     * {@code {"messages": [...]}} ending with the user's turn. Blank prompts are skipped.
     */
    public static List<List<Turn>> readPrompts(Path file) throws IOException {
        List<List<Turn>> prompts = new ArrayList<>();
        JsonlFile.read(file, o -> {
            List<Turn> turns = o.has("messages") && o.get("messages").isArray()
                    ? Turn.of(Messages.list(o, "messages"))
                    : Turn.user(JsonLines.string(o, "prompt"));
            if (!turns.isEmpty() && turns.stream().anyMatch(t -> !t.content().isBlank())) {
                prompts.add(Turn.checkPrompt(turns));
            }
        });
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException(file + ": no prompts");
        }
        return prompts;
    }
}

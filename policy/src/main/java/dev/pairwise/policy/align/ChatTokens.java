package dev.pairwise.policy.align;

import dev.pairwise.formats.Speaker;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.tokenizer.SpecialTokens;
import dev.pairwise.policy.tokenizer.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chat template as token ids: {@code <|user|>text<|end|><|assistant|>text<|end|>…}. A prompt
 * ends with {@code <|assistant|>}, the response that follows ends with {@code <|end|>} (the
 * model learns to stop). Text is encoded as plain text, so a user who types {@code <|end|>}
 * cannot forge a special token. There is no system token: a system turn is rendered as a user
 * turn prefixed with {@code "System: "} (a deliberate simplification).
 *
 * <p>{@link #fit} cuts a prompt from the left when prompt + response exceed the context, keeping
 * the response whole where possible (the response is what every trainer learns from), and says
 * how many tokens it dropped so trainers can report truncation in their metrics.
 */
public final class ChatTokens {

    private final Tokenizer tokenizer;
    private final int user;
    private final int assistant;
    private final int end;
    private final int pad;

    public ChatTokens(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.user = tokenizer.specialId(SpecialTokens.USER);
        this.assistant = tokenizer.specialId(SpecialTokens.ASSISTANT);
        this.end = tokenizer.specialId(SpecialTokens.END);
        this.pad = tokenizer.specialId(SpecialTokens.PAD);
    }

    /**
     * The chat template's special tokens that {@code tokenizer} does not have, in
     * {@link SpecialTokens#ALL} order; empty when {@link #ChatTokens(Tokenizer)} accepts it. A model
     * imported with its own {@code tokenizer.json} (Qwen's {@code <|im_start|>}, say) has none.
     */
    public static List<String> missing(Tokenizer tokenizer) {
        List<String> missing = new ArrayList<>();
        for (String token : SpecialTokens.ALL) {
            try {
                tokenizer.specialId(token);
            } catch (IllegalArgumentException e) {
                missing.add(token);
            }
        }
        return missing;
    }

    /** The tokenizer the ids belong to. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** {@code <|end|>}: a response stops here. */
    public int endId() {
        return end;
    }

    /** {@code <|pad|>}: fills rows of a batch; never learned from (masked). */
    public int padId() {
        return pad;
    }

    /** The prompt's turns, then {@code <|assistant|>}. */
    public int[] prompt(List<Turn> turns) {
        IntBuffer out = new IntBuffer();
        for (Turn t : turns) {
            out.add(t.role() == Speaker.ASSISTANT ? assistant : user);
            out.addAll(tokenizer.encode(t.role() == Speaker.SYSTEM ? "System: " + t.content() : t.content()));
            out.add(end);
        }
        out.add(assistant);
        return out.toArray();
    }

    /** The response's tokens, then {@code <|end|>}. */
    public int[] response(String text) {
        int[] ids = tokenizer.encode(text);
        int[] out = Arrays.copyOf(ids, ids.length + 1);
        out[ids.length] = end;
        return out;
    }

    /**
     * A sampled response as text a reward model or a labeler sees: cut before the first special
     * token the model produced mid-answer (a new {@code <|user|>} turn, say), since the sampler
     * renders special tokens as their strings and the answer ends there.
     */
    public static String cleanResponse(String text) {
        int cut = text.length();
        for (String special : SpecialTokens.ALL) {
            int i = text.indexOf(special);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return text.substring(0, cut);
    }

    /** A prompt and a response fitted into {@code maxLength} tokens. */
    public record Fitted(int[] prompt, int[] response, int droppedPromptTokens, int droppedResponseTokens) {

        /** Prompt then response. */
        public int[] joined() {
            int[] out = Arrays.copyOf(prompt, prompt.length + response.length);
            System.arraycopy(response, 0, out, prompt.length, response.length);
            return out;
        }

        public boolean truncated() {
            return droppedPromptTokens + droppedResponseTokens > 0;
        }
    }

    /**
     * Fits prompt + response into {@code maxLength}: drops prompt tokens from the left first,
     * keeping at least {@code minPrompt} of them (the {@code <|assistant|>} marker at least), then
     * cuts the response's tail. Throws if not even one response token fits.
     */
    public static Fitted fit(int[] prompt, int[] response, int maxLength, int minPrompt) {
        if (response.length == 0) {
            throw new IllegalArgumentException("response is empty");
        }
        int keepPrompt = Math.max(Math.min(prompt.length, minPrompt), 1);
        if (maxLength < keepPrompt + 1) {
            throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room for a response");
        }
        int over = prompt.length + response.length - maxLength;
        if (over <= 0) {
            return new Fitted(prompt, response, 0, 0);
        }
        int dropPrompt = Math.min(over, prompt.length - keepPrompt);
        int[] p = Arrays.copyOfRange(prompt, dropPrompt, prompt.length);
        int dropResponse = over - dropPrompt;
        int[] r = dropResponse > 0 ? Arrays.copyOf(response, response.length - dropResponse) : response;
        return new Fitted(p, r, dropPrompt, dropResponse);
    }

    private static final class IntBuffer {
        private int[] data = new int[64];
        private int size;

        void add(int x) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = x;
        }

        void addAll(int[] xs) {
            for (int x : xs) {
                add(x);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}

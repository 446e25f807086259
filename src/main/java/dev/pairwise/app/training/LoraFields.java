package dev.pairwise.app.training;

import dev.pairwise.app.jobs.config.ConfigField;
import dev.pairwise.app.jobs.config.JobSettings;
import dev.pairwise.policy.lora.LoraConfig;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The LoRA fields of the fine-tuning jobs (SFT, DPO): rank 0 trains every weight as before; a rank
 * above 0 freezes the model and trains low-rank adapters (Hu et al. 2021) on its projections,
 * merged into the weights when saved, so the registered checkpoint is a plain one every stage
 * loads. For imported models (Llama family: q/k/v, o, gate/up, down) the adapters are what make a
 * CPU run affordable.
 */
final class LoraFields {

    /** All four projections of a block: attention (fused q/k/v, o) and MLP (fused gate/up, down). */
    static final String ATTENTION_AND_MLP = "attention+mlp";
    /** The attention projections only (fused q/k/v and o), as Hu et al. */
    static final String ATTENTION = "attention";

    static final List<ConfigField> FIELDS = List.of(
            ConfigField.integer("loraRank", "LoRA rank", 0, 0, 256,
                    "0 trains every weight; r > 0 freezes the model and trains rank-r adapters (8 is PEFT's default), "
                            + "the way to tune an imported model on a CPU."),
            ConfigField.number("loraAlpha", "LoRA alpha", 16, 0.01, 1024,
                    "With a LoRA rank: the adapters' update is scaled by alpha/r; 16 = 2r at r 8, the usual choice."),
            ConfigField.choice("loraTargets", "LoRA on", List.of(ATTENTION_AND_MLP, ATTENTION),
                    "With a LoRA rank: attention+mlp adapts q/k/v, o, gate/up and down (QLoRA's choice); attention "
                            + "only q/k/v and o (Hu et al.)."));

    private LoraFields() {
    }

    /**
     * A fine-tuning job's fields (SFT, DPO): its own, then the LoRA fields, the resume point
     * interval and the seed.
     */
    static List<ConfigField> after(List<ConfigField> own) {
        return ResumePoint.withResumeAndSeed(Stream.concat(own.stream(), FIELDS.stream()).toList(), 50, "Steps", 1234,
                "Seeds the 90/10 split, the shuffles and LoRA's initial A.");
    }

    /** The LoRA settings of a checked config, or null for full fine-tuning (rank 0). */
    static @Nullable LoraConfig of(JobSettings s) {
        int rank = s.integer("loraRank");
        if (rank == 0) {
            return null;
        }
        Set<String> targets = s.choice("loraTargets").equals(ATTENTION) ? Set.of("attn.c_attn", "attn.c_proj")
                : LoraConfig.PROJECTIONS;
        return new LoraConfig(rank, s.number("loraAlpha"), targets, true);
    }

    /** One log line saying how the job trains. */
    static String describe(@Nullable LoraConfig lora) {
        return lora == null ? "full fine-tuning (every weight trains)"
                : "LoRA r " + lora.rank() + ", alpha " + lora.alpha() + " on " + String.join(", ", lora.targets().stream()
                        .sorted().toList()) + " (the rest frozen; merged when saved)";
    }
}

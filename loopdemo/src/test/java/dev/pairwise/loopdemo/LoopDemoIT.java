package dev.pairwise.loopdemo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.pairwise.policy.synthetic.SyntheticEval;
import dev.pairwise.policy.train.OneThread;
import org.junit.jupiter.api.Test;

/**
 * The fast proof of the alignment loop: the whole tiny loop (pretrain → SFT on partly wrong
 * demonstrations → K = 4 samples → simulated rankings → reward model → DPO, and separately PPO)
 * in a minute or three on a CPU, and both aligned policies must beat the SFT policy on held-out
 * prompts by a margin beyond sampling noise while staying close to it in KL. An IT (minutes, not
 * seconds): run with {@code ./mvnw verify -Dit.test=LoopDemoIT}.
 */
class LoopDemoIT {

    @Test
    void dpo_and_ppo_beat_the_sft_policy_on_held_out_prompts_with_bounded_kl() {
        LoopDemo.Result r;
        try (OneThread one = OneThread.enter()) {
            r = LoopDemo.run(LoopDemo.Size.tiny(), LoopDemo.Knobs.tiny(), 1, Device.cpu(), System.out::println);
        }
        System.out.println(r.toJson());
        assertBeatsSft("dpo", r.dpo(), r.sft());
        assertBeatsSft("ppo", r.ppo(), r.sft());
        assertThat(r.rewardAccuracy()).as("reward model held-out accuracy").isGreaterThan(0.6);
    }

    private static void assertBeatsSft(String name, SyntheticEval.Result aligned, SyntheticEval.Result sft) {
        SyntheticEval.Difference gain = SyntheticEval.pairedDifference(aligned, sft);
        // at least 3 standard errors of the paired difference, and at least 3 points
        assertThat(gain.meanPct()).as(name + " gain over SFT in points (± " + gain.standardErrorPct() + ")")
                .isGreaterThan(Math.max(3.0, 3 * gain.standardErrorPct()));
        assertThat(SyntheticEval.winRate(aligned, sft)).as(name + " win rate against SFT").isGreaterThan(0.5);
        assertThat(aligned.kl()).as(name + " KL to the SFT reference, nats per response").isBetween(0.0, 5.0);
    }
}

/**
 * Self-Instruct (Wang et al. 2023, "Self-Instruct: Aligning Language Models with Self-Generated
 * Instructions", arXiv:2212.10560): SELF_INSTRUCT jobs grow a pool of instructions from seed tasks
 * through a model connection or a policy checkpoint. Each request shows the model eight
 * instructions (six seeds, two generated ones when there are any) and reads the numbered list it
 * continues; {@link dev.pairwise.app.instruct.InstructionFilter} applies the paper's rules and
 * {@link dev.pairwise.app.instruct.RougeL} its similarity bound. Survivors are stored as prompts
 * (and optionally draft demonstrations) by the labeling domain's
 * {@link dev.pairwise.labeling.instruct.InstructionStore}.
 */
@NullMarked
package dev.pairwise.app.instruct;

import org.jspecify.annotations.NullMarked;

/**
 * AI labelers (RLAIF, Lee et al. 2023; Constitutional AI, Bai et al. 2022): the accounts of AI
 * judges, their verdicts with the raw model answers, and the judgments those verdicts store,
 * marked as AI ({@code judgments.ai}) so that people's queues, agreement and training choose
 * whether to see them. The judging itself (prompting a model, parsing its answer) is the app's.
 */
@NullMarked
package dev.pairwise.labeling.ai;

import org.jspecify.annotations.NullMarked;

/**
 * The AI labeler (RLAIF, Lee et al. 2023; Constitutional AI, Bai et al. 2022): AI_JUDGE jobs in
 * which a model connection or a policy checkpoint ranks a project's tasks by a written rubric of
 * principles. Each task is asked twice, responses in the stored order and reversed, to cancel
 * position bias; answers are read by {@link dev.pairwise.app.aijudge.RankingAnswer} and the two
 * orders reconciled by {@link dev.pairwise.app.aijudge.BothOrders}. Verdicts are stored by the
 * labeling domain's {@link dev.pairwise.labeling.ai.AiJudgments}, apart from people's judgments.
 */
@NullMarked
package dev.pairwise.app.aijudge;

import org.jspecify.annotations.NullMarked;

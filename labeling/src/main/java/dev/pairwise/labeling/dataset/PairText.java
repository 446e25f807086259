package dev.pairwise.labeling.dataset;

/**
 * A preference pair with its texts.
 *
 * @param judgmentId         the ranking it came from; pairs of one judgment form one training group
 * @param chosenResponseId   identifies the chosen text within its judgment's group
 * @param rejectedResponseId identifies the rejected text within its judgment's group
 * @param margin             tiers between chosen and rejected (1 = adjacent)
 */
public record PairText(long id, long judgmentId, String prompt, long chosenResponseId, String chosen,
                       long rejectedResponseId, String rejected, int margin) {
}

package dev.pairwise.app.demo;

import dev.pairwise.labeling.demo.DemoDraft;
import dev.pairwise.labeling.demo.DemonstrationService;
import dev.pairwise.labeling.demo.DemonstrationView;

/**
 * Three demonstrations for the demo project, so the review queue is not empty on first start:
 * all written by the demo labeler (nobody approves their own), two awaiting review, one already
 * approved by the demo admin.
 */
final class DemoDemonstrations {

    private DemoDemonstrations() {
    }

    static void seed(DemonstrationService demos, long projectId, long labelerId, long adminId) {
        demos.create(labelerId, new DemoDraft(projectId, "Explain what a hash map is in two or three sentences.", """
                A hash map stores key–value pairs. It runs each key through a *hash function* to pick a \
                bucket, so looking up, inserting or deleting a key takes constant time on average, \
                however many entries there are. Java's `HashMap` and Python's `dict` are hash maps.
                """.strip(), true));
        demos.create(labelerId, new DemoDraft(projectId, "Give me three tips for writing a clear commit message.", """
                1. **Start with a short summary line** (about 50 characters) in the imperative: \
                "Fix crash when the list is empty", not "Fixed stuff".
                2. **Leave a blank line, then explain why** the change was needed, not only what changed.
                3. **Keep one logical change per commit**, so the message can describe it precisely.
                """.strip(), true));
        DemonstrationView approved = demos.create(labelerId, new DemoDraft(projectId,
                "Convert 100 degrees Fahrenheit to Celsius and show the calculation.", """
                °C = (°F − 32) × 5/9

                (100 − 32) × 5/9 = 68 × 5/9 ≈ **37.8 °C**
                """.strip(), true));
        demos.review(adminId, approved.id(), true, "Correct and shows the formula.");
    }
}

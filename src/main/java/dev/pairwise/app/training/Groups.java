package dev.pairwise.app.training;

import dev.pairwise.labeling.dataset.PairText;
import dev.pairwise.policy.data.pairs.PreferenceGroup;
import dev.pairwise.policy.data.pairs.PreferencePair;
import dev.pairwise.policy.data.pairs.Turn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored preference pairs as the trainers' records. The reward model trains on all pairs of one
 * judgment as one element (InstructGPT §3.5: pairs of one ranking are correlated); DPO on pairs.
 * A stored prompt is one user turn.
 */
final class Groups {

    private Groups() {
    }

    /** One group per judgment, in the order the judgments first appear; each response once per group. */
    static List<PreferenceGroup> byJudgment(List<PairText> pairs) {
        Map<Long, List<PairText>> byJudgment = new LinkedHashMap<>();
        for (PairText p : pairs) {
            byJudgment.computeIfAbsent(p.judgmentId(), k -> new ArrayList<>()).add(p);
        }
        List<PreferenceGroup> groups = new ArrayList<>();
        for (List<PairText> judgment : byJudgment.values()) {
            Map<Long, Integer> index = new LinkedHashMap<>();
            List<String> responses = new ArrayList<>();
            List<PreferenceGroup.Preference> prefs = new ArrayList<>();
            for (PairText p : judgment) {
                int w = index.computeIfAbsent(p.chosenResponseId(), id -> add(responses, p.chosen()));
                int l = index.computeIfAbsent(p.rejectedResponseId(), id -> add(responses, p.rejected()));
                prefs.add(new PreferenceGroup.Preference(w, l));
            }
            groups.add(new PreferenceGroup(Turn.user(judgment.getFirst().prompt()), responses, prefs));
        }
        return groups;
    }

    private static int add(List<String> responses, String text) {
        responses.add(text);
        return responses.size() - 1;
    }

    /** The pairs one by one. */
    static List<PreferencePair> pairs(List<PairText> pairs) {
        return pairs.stream().map(p -> new PreferencePair(Turn.user(p.prompt()), p.chosen(), p.rejected())).toList();
    }
}

package dev.pairwise.labeling.battle;

import java.util.List;
import java.util.Map;

/**
 * One stored ranking (a labeler's judgment or an imported one) with the system behind each
 * response that has one: the checkpoint name of a MODEL response, the source name of an
 * IMPORTED one. HUMAN responses (a labeler's better answer, say) have no system and are absent
 * from {@code systemOf}.
 *
 * @param judgmentId the judgment: the battles it yields are one correlated group
 * @param projectId  its project
 * @param promptId   its prompt
 * @param tiers      response ids, best tier first; ids in one tier are tied
 * @param systemOf   response id → system name, for the responses that have one
 */
public record SystemRanking(long judgmentId, long projectId, long promptId, List<List<Long>> tiers,
                            Map<Long, String> systemOf) {

    public SystemRanking {
        tiers = tiers.stream().map(List::copyOf).toList();
        systemOf = Map.copyOf(systemOf);
    }
}

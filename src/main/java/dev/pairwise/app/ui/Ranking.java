package dev.pairwise.app.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * The ranking a labeler is building: tiers of response ids, best first ( responses in one tier
 * are tied), plus the responses not placed yet. Every operation keeps each response in exactly
 * one place and never leaves an empty tier, so {@link #tiers()} is always a valid ranking of the
 * placed responses. Pure state, no UI: the keyboard and drag-and-drop both drive it.
 */
final class Ranking {

    private final List<Long> presented;
    private final List<List<Long>> tiers = new ArrayList<>();
    private final SequencedSet<Long> unranked = new LinkedHashSet<>();

    Ranking(List<Long> presented) {
        this.presented = List.copyOf(presented);
        unranked.addAll(presented);
    }

    /** Response ids in the order shown (position 1 first). */
    List<Long> presented() {
        return presented;
    }

    /** The tiers, best first; copies. */
    List<List<Long>> tiers() {
        return tiers.stream().map(List::copyOf).toList();
    }

    /** Responses not placed yet, in presented order. */
    List<Long> unranked() {
        return presented.stream().filter(unranked::contains).toList();
    }

    /** True when every response is in a tier. */
    boolean isComplete() {
        return unranked.isEmpty();
    }

    /** The 0-based tier of a response, if it is placed. */
    Optional<Integer> tierOf(long id) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).contains(id)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Places an unranked response in a new tier below all others; a placed one stays put. */
    void place(long id) {
        check(id);
        if (unranked.remove(id)) {
            tiers.add(new ArrayList<>(List.of(id)));
        }
    }

    /**
     * Moves a response one step better: alone in its tier, it swaps with the tier above; tied,
     * it leaves its tier for a new one just above. An unranked response is placed last first.
     */
    void moveUp(long id) {
        place(id);
        int t = tierOf(id).orElseThrow();
        if (tiers.get(t).size() > 1) {
            tiers.get(t).remove(id);
            tiers.add(t, new ArrayList<>(List.of(id)));
        } else if (t > 0) {
            tiers.add(t - 1, tiers.remove(t));
        }
    }

    /** Moves a response one step worse: the mirror of {@link #moveUp}. */
    void moveDown(long id) {
        place(id);
        int t = tierOf(id).orElseThrow();
        if (tiers.get(t).size() > 1) {
            tiers.get(t).remove(id);
            tiers.add(t + 1, new ArrayList<>(List.of(id)));
        } else if (t < tiers.size() - 1) {
            tiers.add(t + 1, tiers.remove(t));
        }
    }

    /** Ties a response with the tier above it (placing it first if needed); the top tier stays. */
    void tieWithAbove(long id) {
        place(id);
        int t = tierOf(id).orElseThrow();
        if (t == 0) {
            return;
        }
        remove(id);
        // Removing may have deleted tier t (it held only id); tier t-1 is unaffected either way.
        tiers.get(t - 1).add(id);
    }

    /** Takes a tied response out of its tier into a new tier just below; alone, nothing changes. */
    void untie(long id) {
        int t = tierOf(id).orElse(-1);
        if (t >= 0 && tiers.get(t).size() > 1) {
            tiers.get(t).remove(id);
            tiers.add(t + 1, new ArrayList<>(List.of(id)));
        }
    }

    /** Moves a response into an existing tier (a tie with its members). */
    void moveToTier(long id, int tier) {
        check(id);
        if (tier < 0 || tier >= tiers.size() || tiers.get(tier).contains(id)) {
            return;
        }
        List<Long> target = tiers.get(tier);
        remove(id);
        target.add(id);
    }

    /** Moves a response into a new tier inserted before tier {@code index} (= tier count: last). */
    void moveToNewTier(long id, int index) {
        check(id);
        List<Long> before = index < tiers.size() ? tiers.get(Math.max(index, 0)) : null;
        if (before != null && before.size() == 1 && before.contains(id)) {
            return; // already alone right there
        }
        remove(id);
        int at = before == null ? tiers.size() : indexOfIdentity(before);
        if (at < 0) {
            at = tiers.size();
        }
        tiers.add(at, new ArrayList<>(List.of(id)));
    }

    /** Returns a response to the unranked pool. */
    void unrank(long id) {
        check(id);
        remove(id);
        unranked.add(id);
    }

    /** Back to the start: every response unranked. */
    void reset() {
        tiers.clear();
        unranked.addAll(presented);
    }

    private void remove(long id) {
        unranked.remove(id);
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).remove(id)) {
                if (tiers.get(i).isEmpty()) {
                    tiers.remove(i);
                }
                return;
            }
        }
    }

    private int indexOfIdentity(List<Long> tier) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i) == tier) {
                return i;
            }
        }
        return -1;
    }

    private void check(long id) {
        if (!presented.contains(id)) {
            throw new IllegalArgumentException("Response " + id + " is not part of this task");
        }
    }
}

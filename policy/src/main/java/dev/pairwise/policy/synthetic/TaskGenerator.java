package dev.pairwise.policy.synthetic;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws synthetic tasks, uniformly over the chosen kinds (all four by default), deterministically
 * under a seed. Sizes are small so a tiny character-level GPT can learn them on a CPU in minutes;
 * a subset of kinds gives a smaller model fewer skills to learn.
 */
public final class TaskGenerator {

    /** Short words for the upper-case task: lower-case letters only, 3–5 characters. */
    static final List<String> WORDS = List.of("red", "blue", "cat", "dog", "sun", "moon", "tree", "fish",
            "bird", "cake", "milk", "rain", "snow", "star", "ship", "book", "lamp", "road", "gold", "king");
    private static final String LETTERS = "abcdefgh";

    private final int maxOperand;
    private final TaskKind[] kinds;

    /** Operands of {@code add} are drawn from {@code 0..maxOperand}; every kind. */
    public TaskGenerator(int maxOperand) {
        this(maxOperand, EnumSet.allOf(TaskKind.class));
    }

    /** Operands of {@code add} are drawn from {@code 0..maxOperand}; only {@code kinds}, uniformly. */
    public TaskGenerator(int maxOperand, Set<TaskKind> kinds) {
        if (maxOperand < 1 || maxOperand > 9999) {
            throw new IllegalArgumentException("maxOperand must be in 1..9999, got " + maxOperand);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds must name at least one task kind");
        }
        this.maxOperand = maxOperand;
        this.kinds = EnumSet.copyOf(kinds).toArray(TaskKind[]::new);
    }

    /** The default: operands up to 49 (sums up to 98, two digits: learnable by a tiny model). */
    public TaskGenerator() {
        this(49);
    }

    /** One task drawn from {@code rng}. */
    public SyntheticTask next(Random rng) {
        TaskKind kind = kinds[rng.nextInt(kinds.length)];
        return switch (kind) {
            case ADD -> SyntheticTask.add(rng.nextInt(maxOperand + 1), rng.nextInt(maxOperand + 1));
            case REVERSE -> {
                String[] items = new String[3 + rng.nextInt(2)];
                for (int i = 0; i < items.length; i++) {
                    items[i] = String.valueOf(LETTERS.charAt(rng.nextInt(LETTERS.length())));
                }
                yield SyntheticTask.reverse(items);
            }
            case SORT -> {
                int[] digits = new int[3 + rng.nextInt(2)];
                for (int i = 0; i < digits.length; i++) {
                    digits[i] = rng.nextInt(10);
                }
                yield SyntheticTask.sort(digits);
            }
            case UPPERCASE -> {
                String[] words = new String[1 + rng.nextInt(2)];
                for (int i = 0; i < words.length; i++) {
                    words[i] = WORDS.get(rng.nextInt(WORDS.size()));
                }
                yield SyntheticTask.uppercase(words);
            }
        };
    }

    /** Train and held-out tasks with no prompt in both (and no prompt twice within either). */
    public record Split(List<SyntheticTask> train, List<SyntheticTask> heldOut) {
    }

    /** Draws {@code heldOut} then {@code train} distinct prompts under {@code seed}. */
    public Split split(int train, int heldOut, long seed) {
        if (train < 0 || heldOut < 0) {
            throw new IllegalArgumentException("split sizes must be >= 0, got " + train + ", " + heldOut);
        }
        Random rng = new Random(seed);
        Map<String, SyntheticTask> seen = new LinkedHashMap<>();
        int misses = 0;
        while (seen.size() < train + heldOut) {
            SyntheticTask t = next(rng);
            if (seen.putIfAbsent(t.prompt(), t) == null) {
                misses = 0;
            } else if (++misses > 20_000) {
                throw new IllegalArgumentException("cannot draw " + (train + heldOut)
                        + " distinct prompts: the task space is nearly exhausted at " + seen.size());
            }
        }
        List<SyntheticTask> all = new ArrayList<>(seen.values());
        return new Split(List.copyOf(all.subList(heldOut, all.size())), List.copyOf(all.subList(0, heldOut)));
    }
}

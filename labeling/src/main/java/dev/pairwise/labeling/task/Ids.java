package dev.pairwise.labeling.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lists of ids as compact text columns ("3,5,9"), and rankings as tiers ("3,5;9": 3 and 5 tie
 * for first, 9 is last). Small fixed-size lists need no join table.
 */
public final class Ids {

    private Ids() {
    }

    public static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public static List<Long> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }

    public static String joinTiers(List<List<Long>> tiers) {
        return tiers.stream().map(Ids::join).collect(Collectors.joining(";"));
    }

    public static List<List<Long>> splitTiers(String text) {
        List<List<Long>> tiers = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tiers;
        }
        for (String tier : text.split(";")) {
            tiers.add(split(tier));
        }
        return tiers;
    }
}

package dev.pairwise.app.instruct;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules Self-Instruct's {@code post_process_gpt3_response} applies to each generated
 * instruction by itself, before the pool is consulted (yizhongw/self-instruct,
 * {@code self_instruct/bootstrap_instructions.py}): more than 3 and at most 150 words; none of the
 * paper's blacklisted words as a whole word in any case (image(s), graph(s), picture(s), file(s),
 * map(s), draw, plot, "go to"), to which we add Stanford Alpaca's later additions (video, audio,
 * music, flowchart, diagram); not "Write a program" at the start; not starting with ASCII
 * punctuation or a non-ASCII character. Similarity to the pool is {@link InstructionPool}'s.
 */
public final class InstructionFilter {

    /** Words that ask for something a text-only model cannot perceive or produce. */
    static final List<String> BLACKLIST = List.of("image", "images", "graph", "graphs", "picture", "pictures",
            "file", "files", "map", "maps", "draw", "plot", "go to", "video", "audio", "music", "flowchart", "diagram");

    private static final Pattern BLACKLISTED = Pattern.compile("\\b(" + String.join("|", BLACKLIST) + ")\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Python's {@code string.punctuation}. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private InstructionFilter() {
    }

    /** Runs of white space as one space, trimmed (how the paper normalises every candidate). */
    public static String normalize(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /**
     * Why {@code instruction} (already {@link #normalize normalized}, not blank) is refused by
     * itself, or empty when it passes these rules.
     */
    public static Optional<Rejection> check(String instruction) {
        int words = instruction.split(" ").length;
        if (words <= 3) {
            return Optional.of(Rejection.TOO_SHORT);
        }
        if (words > 150) {
            return Optional.of(Rejection.TOO_LONG);
        }
        if (BLACKLISTED.matcher(instruction).find()) {
            return Optional.of(Rejection.BLACKLISTED);
        }
        // The paper compares after Python's str.capitalize(), which lower-cases the rest: any case.
        if (instruction.toLowerCase(Locale.ROOT).startsWith("write a program")) {
            return Optional.of(Rejection.WRITE_A_PROGRAM);
        }
        char first = instruction.charAt(0);
        if (PUNCTUATION.indexOf(first) >= 0) {
            return Optional.of(Rejection.PUNCTUATION);
        }
        if (first > 0x7F) {
            return Optional.of(Rejection.NON_ASCII);
        }
        return Optional.empty();
    }
}

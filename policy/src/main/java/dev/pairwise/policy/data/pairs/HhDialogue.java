package dev.pairwise.policy.data.pairs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anthropic HH-RLHF dialogues (Bai et al. 2022): {@code "\n\nHuman: …\n\nAssistant: …"}, one
 * string per side of a pair, the two sides sharing everything but the final assistant turn. The
 * prompt is everything up to and including the last {@code "\n\nAssistant:"} of the common prefix
 * (as TRL's {@code extract_prompt}); taking it from the common prefix rather than from each side
 * keeps a response that itself contains {@code "\n\nAssistant:"} in one piece (9 pairs of
 * helpful-base do).
 */
public final class HhDialogue {

    static final String ASSISTANT = "\n\nAssistant:";
    private static final Pattern SPEAKER = Pattern.compile("\n\n(Human|Assistant):");

    private HhDialogue() {
    }

    /** The shared prompt text and each side's final assistant reply (leading space removed). */
    public record Split(String prompt, String chosen, String rejected) {
    }

    /** Splits a pair of dialogues; throws if their common prefix holds no assistant marker. */
    public static Split split(String chosen, String rejected) {
        int common = 0;
        int max = Math.min(chosen.length(), rejected.length());
        while (common < max && chosen.charAt(common) == rejected.charAt(common)) {
            common++;
        }
        int cut = chosen.lastIndexOf(ASSISTANT, common - ASSISTANT.length());
        if (cut < 0) {
            throw new IllegalArgumentException("no \"\\n\\nAssistant:\" in the shared part of chosen and rejected");
        }
        int end = cut + ASSISTANT.length();
        return new Split(chosen.substring(0, end), reply(chosen.substring(end)), reply(rejected.substring(end)));
    }

    /** The turns of a prompt text; the final empty {@code Assistant:} marker is dropped. */
    public static List<Turn> turns(String prompt) {
        List<Turn> turns = new ArrayList<>();
        Matcher m = SPEAKER.matcher(prompt);
        int start = -1;
        Role role = null;
        while (m.find()) {
            if (role != null) {
                turns.add(new Turn(role, reply(prompt.substring(start, m.start()))));
            } else if (!prompt.substring(0, m.start()).isBlank()) {
                throw new IllegalArgumentException("text before the first Human/Assistant marker");
            }
            role = Role.parse(m.group(1));
            start = m.end();
        }
        if (role == null) {
            throw new IllegalArgumentException("no Human/Assistant markers in the dialogue");
        }
        String last = reply(prompt.substring(start));
        if (role != Role.ASSISTANT || !last.isEmpty()) {
            turns.add(new Turn(role, last));
        }
        return turns;
    }

    private static String reply(String s) {
        return s.startsWith(" ") ? s.substring(1) : s;
    }
}

package dev.pairwise.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Anthropic's HH-RLHF layout (Bai et al. 2022): {@code {"chosen", "rejected"}}, each a whole
 * dialogue {@code "\n\nHuman: …\n\nAssistant: …"}, the two sharing everything but the final
 * assistant reply. The prompt is the shared dialogue up to the last {@code "\n\nAssistant:"} that
 * lies in the common prefix of the two sides (as TRL's {@code extract_prompt}), not the last one
 * of each side: a reply may itself contain {@code "\n\nAssistant:"} (9 pairs of the helpful-base
 * test split do), and splitting each side at its own last marker would cut that reply apart.
 */
public final class HhRlhf {

    private static final String HUMAN = "\n\nHuman: ";
    private static final String ASSISTANT = "\n\nAssistant:";
    private static final Pattern SPEAKER = Pattern.compile("\n\n(Human|Assistant):");

    private HhRlhf() {
    }

    /**
     * One record split.
     *
     * @param context  the shared dialogue before the final {@code "\n\nAssistant:"}
     * @param turns    {@code context} as turns; the last is the human's
     * @param chosen   the preferred final reply (its leading space removed)
     * @param rejected the other final reply
     */
    public record Pair(String context, List<Message> turns, String chosen, String rejected) {

        public Pair {
            turns = List.copyOf(turns);
        }

        /**
         * The prompt as one text: the bare human message of a one-turn dialogue, else the whole
         * dialogue; {@link HhRlhf#dialogue} turns it and a reply back into the original side.
         */
        public String prompt() {
            return turns.size() == 1 && context.startsWith(HUMAN) ? context.substring(HUMAN.length()) : context;
        }
    }

    /** Splits the {@code "chosen"} and {@code "rejected"} dialogues of a record. */
    public static Pair read(JsonNode record) {
        return split(JsonLines.string(record, "chosen"), JsonLines.string(record, "rejected"));
    }

    /** Splits a pair of dialogues into their shared prompt and each side's final reply. */
    public static Pair split(String chosen, String rejected) {
        if (!chosen.contains(ASSISTANT)) {
            throw new FormatException("'chosen' has no \"\\n\\nAssistant:\" turn");
        }
        if (!rejected.contains(ASSISTANT)) {
            throw new FormatException("'rejected' has no \"\\n\\nAssistant:\" turn");
        }
        int common = 0;
        int max = Math.min(chosen.length(), rejected.length());
        while (common < max && chosen.charAt(common) == rejected.charAt(common)) {
            common++;
        }
        int cut = chosen.lastIndexOf(ASSISTANT, common - ASSISTANT.length());
        if (cut < 0) {
            throw new FormatException("chosen and rejected differ before the last Assistant turn");
        }
        String context = chosen.substring(0, cut);
        List<Message> turns = turns(context);
        if (turns.getLast().speaker() != Speaker.USER) {
            throw new FormatException(
                    "the shared dialogue ends with an Assistant turn;"
                    + " chosen and rejected must differ in their last one only");
        }
        int end = cut + ASSISTANT.length();
        return new Pair(context, turns, reply(chosen.substring(end)), reply(rejected.substring(end)));
    }

    /** The side of a record for a prompt as {@link Pair#prompt} gives it and a final reply. */
    public static String dialogue(String prompt, String reply) {
        String context = prompt.startsWith("\n\nHuman:") ? prompt : HUMAN + prompt;
        return context + ASSISTANT + " " + reply;
    }

    /** The turns of a dialogue text, which must open with a speaker marker. */
    static List<Message> turns(String dialogue) {
        List<Message> turns = new ArrayList<>();
        Matcher m = SPEAKER.matcher(dialogue);
        int start = -1;
        Speaker speaker = null;
        while (m.find()) {
            if (speaker != null) {
                turns.add(new Message(speaker, reply(dialogue.substring(start, m.start()))));
            } else if (!dialogue.substring(0, m.start()).isBlank()) {
                throw new FormatException("text before the first Human/Assistant marker");
            }
            speaker = Speaker.parse(m.group(1));
            start = m.end();
        }
        if (speaker == null) {
            throw new FormatException("no Human/Assistant markers before the last Assistant turn");
        }
        turns.add(new Message(speaker, reply(dialogue.substring(start))));
        return turns;
    }

    private static String reply(String s) {
        return s.startsWith(" ") ? s.substring(1) : s;
    }
}

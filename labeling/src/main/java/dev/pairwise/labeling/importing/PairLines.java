package dev.pairwise.labeling.importing;

import dev.pairwise.formats.HhRlhf;
import dev.pairwise.formats.Message;
import dev.pairwise.formats.Speaker;
import dev.pairwise.formats.TrlPreference;
import dev.pairwise.labeling.InvalidInputException;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * HH-RLHF and TRL lines as imported pairs: the shared parsers of {@code dev.pairwise.formats}
 * read the line, then the limits of what a stored pair can hold apply. A prompt is one text (an
 * HH dialogue is kept whole, see {@link HhRlhf.Pair#prompt}), so a TRL prompt is one user
 * message and each answer one assistant message; a margin counts tiers, an integer 1..8.
 */
final class PairLines {

    private PairLines() {
    }

    static ImportItem.Pair hhRlhf(int line, JsonNode node) {
        HhRlhf.Pair p = HhRlhf.read(node);
        return new ImportItem.Pair(line, p.prompt(), p.chosen(), p.rejected(), 1, null);
    }

    static ImportItem.Pair trl(int line, JsonNode node) {
        TrlPreference.Pair p = TrlPreference.read(node);
        int margin = 1;
        if (p.margin() != null) {
            double m = p.margin();
            if (m != Math.rint(m) || m < 1 || m > 8) {
                throw new InvalidInputException("margin", "'margin' must be an integer 1..8");
            }
            margin = (int) m;
        }
        return new ImportItem.Pair(line, only(p.prompt(), "prompt", Speaker.USER),
                only(p.chosen(), "chosen", Speaker.ASSISTANT), only(p.rejected(), "rejected", Speaker.ASSISTANT),
                margin, p.groupId());
    }

    private static String only(List<Message> messages, String field, Speaker speaker) {
        if (messages.size() != 1) {
            throw new InvalidInputException(field, "'" + field + "' must hold exactly one message");
        }
        if (messages.getFirst().speaker() != speaker) {
            throw new InvalidInputException(field,
                    "'" + field + "' must be a " + speaker.name().toLowerCase(Locale.ROOT) + " message");
        }
        return messages.getFirst().content();
    }
}

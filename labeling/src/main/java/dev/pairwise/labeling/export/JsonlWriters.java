package dev.pairwise.labeling.export;

import dev.pairwise.formats.HhRlhf;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one JSON object per line for each export format. Field names follow the formats the
 * training libraries read (TRL's {@code prompt/chosen/rejected}, HH-RLHF's dialogues), so the
 * files feed TRL or Pairwise's own trainers and import back unchanged.
 */
final class JsonlWriters {

    private JsonlWriters() {
    }

    static void pair(JsonGenerator g, PairFormat format, PairRow r) {
        g.writeStartObject();
        switch (format) {
            case TRL -> {
                g.writeStringProperty("prompt", r.prompt());
                g.writeStringProperty("chosen", r.chosen());
                g.writeStringProperty("rejected", r.rejected());
                g.writeNumberProperty("group_id", r.judgmentId());
                g.writeNumberProperty("margin", r.margin());
                if (r.labeler() == null) {
                    g.writeNullProperty("labeler");
                } else {
                    g.writeStringProperty("labeler", r.labeler());
                }
                g.writeNumberProperty("judgment_id", r.judgmentId());
                if (r.adjudicated()) {
                    g.writeBooleanProperty("adjudicated", true);
                }
            }
            case HH_RLHF -> {
                g.writeStringProperty("chosen", HhRlhf.dialogue(r.prompt(), r.chosen()));
                g.writeStringProperty("rejected", HhRlhf.dialogue(r.prompt(), r.rejected()));
            }
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    /**
     * {@code {"task_id", "labeler", "tiers": [[id, …], …], "judgment_id", "created_at"}}, the judgments
     * export; an adjudicated ranking adds {@code "adjudicated": true} (its labeler is the reviewer),
     * an AI judge's ranking {@code "ai": true} (its labeler is the judge's AI account).
     */
    static void judgment(JsonGenerator g, JudgmentRow r) {
        g.writeStartObject();
        g.writeNumberProperty("task_id", r.taskId());
        g.writeStringProperty("labeler", r.labeler());
        g.writeArrayPropertyStart("tiers");
        for (List<Long> tier : r.tiers()) {
            g.writeStartArray();
            for (Long id : tier) {
                g.writeNumber(id);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeNumberProperty("judgment_id", r.judgmentId());
        g.writeStringProperty("created_at", r.createdAt().toString());
        if (r.adjudicated()) {
            g.writeBooleanProperty("adjudicated", true);
        }
        if (r.ai()) {
            g.writeBooleanProperty("ai", true);
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    static void demo(JsonGenerator g, DemoFormat format, DemoRow r) {
        g.writeStartObject();
        switch (format) {
            case PROMPT_COMPLETION -> {
                g.writeStringProperty("prompt", r.instruction());
                g.writeStringProperty("completion", r.response());
            }
            case MESSAGES -> {
                g.writeArrayPropertyStart("messages");
                message(g, "user", r.instruction());
                message(g, "assistant", r.response());
                g.writeEndArray();
            }
        }
        g.writeEndObject();
        g.writeRaw('\n');
    }

    private static void message(JsonGenerator g, String role, String content) {
        g.writeStartObject();
        g.writeStringProperty("role", role);
        g.writeStringProperty("content", content);
        g.writeEndObject();
    }
}

package dev.pairwise.app.aijudge;

import dev.pairwise.app.connections.ChatMessage;
import java.util.List;

/**
 * What a judge is asked: the rubric of principles as the system message (as Constitutional AI
 * states its principles), then the prompt and the numbered responses in the order of this asking,
 * and the answer format {@link RankingAnswer} reads. The model may reason first; only the last
 * {@code Ranking:} line counts. Pure.
 */
public final class JudgePrompt {

    private JudgePrompt() {
    }

    /** The system message: the rubric. */
    public static String system(String rubric) {
        return "You judge responses of an AI assistant. Judge them only by these principles:\n" + rubric.strip();
    }

    /** The user message: the prompt, the responses numbered from 1 in the order given, the format. */
    public static String user(String prompt, List<String> responses) {
        StringBuilder sb = new StringBuilder("Prompt:\n").append(prompt.strip()).append("\n\n");
        for (int i = 0; i < responses.size(); i++) {
            sb.append("[").append(i + 1).append("]\n").append(responses.get(i).strip()).append("\n\n");
        }
        sb.append("Rank the ").append(responses.size()).append(" responses by the principles, best first. ")
                .append("End with one line: 'Ranking:' and the response numbers, '>' between better and worse, ")
                .append("'=' between equally good (for example, for three responses with the third best and ")
                .append("the other two equally good: Ranking: 3 > 1 = 2).");
        return sb.toString();
    }

    /** The chat messages of one asking. */
    public static List<ChatMessage> messages(String rubric, String prompt, List<String> responses) {
        return List.of(ChatMessage.system(system(rubric)), ChatMessage.user(user(prompt, responses)));
    }
}

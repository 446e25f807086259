package dev.pairwise.app.sampling;

import dev.pairwise.labeling.task.Origin;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One system of a job (a checkpoint or a connection), opened for the job's run: it draws its
 * share of each prompt's responses. Not thread-safe; close it to free a checkpoint's weights.
 */
sealed interface SystemDraw extends AutoCloseable permits CheckpointDraw, ConnectionDraw {

    /** What each of its responses is tagged with: the system's name and its settings as JSON. */
    Origin origin();

    /** How many responses per prompt it draws. */
    int count();

    /** The system as a job's log names it (researchers read logs; labelers never see them). */
    String label();

    /**
     * {@link #count()} responses to each prompt, in prompt order.
     *
     * @param firstIndex the first prompt's place in the job's snapshot, so that seeds follow the
     *                   prompt and a resumed job draws what a straight run draws
     */
    List<Drawn> draw(List<String> prompts, long firstIndex);

    /** Tokens generated so far (the server's count for a connection). */
    long tokens();

    @Override
    void close();

    /**
     * One prompt's responses from one system, or why there are none.
     *
     * @param texts   the responses as a task stores them ({@link PolicySampler#shown}); empty on failure
     * @param failure what went wrong (after the client's retries), or null
     */
    record Drawn(List<String> texts, @Nullable String failure) {

        static Drawn ok(List<String> texts) {
            return new Drawn(List.copyOf(texts), null);
        }

        static Drawn failed(String failure) {
            return new Drawn(List.of(), failure);
        }
    }
}

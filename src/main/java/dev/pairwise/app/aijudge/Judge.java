package dev.pairwise.app.aijudge;

import java.util.List;

/**
 * A model that answers judging questions: a connection or a policy checkpoint. An AI_JUDGE job
 * asks at most {@link #concurrency()} questions at once and closes it at the end.
 */
interface Judge extends AutoCloseable {

    /** The system's name, which names the judge's AI account: a connection's or checkpoint's name. */
    String system();

    /**
     * The model's raw answer to the rubric, prompt and responses in the order given.
     *
     * @throws dev.pairwise.app.connections.ConnectionFailure when a connection gave no answer
     *                                                          after its retries
     */
    String ask(String rubric, String prompt, List<String> responses);

    /** How many questions may be asked at once: one unless the judge is safe to share. */
    default int concurrency() {
        return 1;
    }

    @Override
    void close();
}

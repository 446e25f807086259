package dev.pairwise.app.instruct;

/**
 * The model a SELF_INSTRUCT job asks: a connection or a policy checkpoint. Not thread-safe; the
 * job asks one question at a time and closes it at the end.
 */
interface Generator extends AutoCloseable {

    /** What the job's log calls it. */
    String label();

    /**
     * The model's answer to one user turn.
     *
     * @param seedOffset added to the job's seed, so that each request samples repeatably
     * @throws dev.pairwise.app.connections.ConnectionFailure when a connection gave no answer
     *                                                          after its retries
     */
    Answer ask(String prompt, long seedOffset);

    @Override
    void close();

    /**
     * @param text   the answer
     * @param cutOff true when it ran into the token limit (its end is unfinished)
     */
    record Answer(String text, boolean cutOff) {
    }
}

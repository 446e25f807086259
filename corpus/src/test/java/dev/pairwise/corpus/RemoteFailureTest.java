package dev.pairwise.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.JobStatus;
import org.junit.jupiter.api.Test;

/** Reading why a cluster job failed from the printed chain the JobManager's REST endpoint sends. */
class RemoteFailureTest {

    /** The shape of {@code failure-cause.stack-trace} a Flink 2.3 JobManager sent for a bad input line. */
    private static final String BAD_LINE = """
            org.apache.flink.runtime.JobException: Recovery is suppressed by NoRestartBackoffTimeStrategy
            \tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:213)
            \tat java.base/java.lang.Thread.run(Thread.java:1474)
            Caused by: dev.pairwise.corpus.flink.CorpusFormatException: corpus-7.jsonl:2: not valid JSON (Unexpected end-of-input within/between Object entries)
            \tat dev.pairwise.corpus.flink.ReadDocuments.readJsonl(ReadDocuments.java:88)
            \tat org.apache.flink.runtime.taskmanager.Task.run(Task.java:579)
            \t... 1 more
            """;

    @Test
    void a_bad_line_deep_in_the_chain_is_the_users_error_with_its_message() {
        RuntimeException e = RemoteFailure.fromStackTrace(BAD_LINE, JobStatus.FAILED);

        assertThat(e).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corpus-7.jsonl:2: not valid JSON (Unexpected end-of-input within/between Object entries)");
    }

    @Test
    void another_failure_names_the_deepest_cause_and_keeps_a_message_of_several_lines() {
        String trace = """
                org.apache.flink.runtime.JobException: Recovery is suppressed by NoRestartBackoffTimeStrategy
                \tat org.apache.flink.runtime.scheduler.DefaultScheduler.recordTaskFailure(DefaultScheduler.java:300)
                Caused by: java.io.IOException: disk full
                while writing part-0
                \tat dev.pairwise.corpus.flink.JsonlSink.write(JsonlSink.java:40)
                \tSuppressed: java.lang.IllegalArgumentException: not the cause
                \t\tat dev.pairwise.corpus.flink.JsonlSink.close(JsonlSink.java:50)
                """;

        RuntimeException e = RemoteFailure.fromStackTrace(trace, JobStatus.FAILED);

        assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessage("the cleaning job failed: java.io.IOException: disk full\nwhile writing part-0");
        assertThat(RemoteFailure.causes(trace)).hasSize(2);
    }

    @Test
    void a_job_cancelled_on_the_cluster_without_a_cause_says_so() {
        assertThat(RemoteFailure.fromStackTrace("", JobStatus.CANCELED)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cancelled on the cluster");
        assertThat(RemoteFailure.fromStackTrace("", JobStatus.FAILED))
                .hasMessage("the cleaning job ended FAILED on the cluster without a cause");
    }

    @Test
    void only_an_illegal_argument_or_a_corpus_format_error_is_the_users() {
        assertThat(RemoteFailure.userError("java.lang.IllegalArgumentException: --langs xx is no language"))
                .hasMessage("--langs xx is no language");
        assertThat(RemoteFailure.userError("java.lang.IllegalStateException: no")).isNull();
        assertThat(RemoteFailure.userError("my.IllegalArgumentExceptionHolder: no")).isNull();
    }
}

package dev.pairwise.corpus;

import java.util.List;

/**
 * Where the cleaning job runs: an embedded Flink MiniCluster in this JVM (the default), or a
 * running Flink cluster reached through its JobManager's REST endpoint, to which the job's classes
 * are shipped as jars.
 */
public sealed interface Engine {

    /** In this JVM with {@code parallelism} task slots. */
    record Embedded(int parallelism) implements Engine {
        public Embedded {
            if (parallelism < 1 || parallelism > 256) {
                throw new IllegalArgumentException("parallelism must be in 1..256, was " + parallelism);
            }
        }
    }

    /**
     * On the cluster whose JobManager REST endpoint is {@code host:port}.
     *
     * @param jars the jars the job's classes travel in (see {@link JobJars}); the cluster adds them
     *             to the job's class loader
     */
    record Remote(String host, int port, int parallelism, List<String> jars) implements Engine {
        public Remote {
            jars = List.copyOf(jars);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be in 1..65535, was " + port);
            }
            if (parallelism < 1 || parallelism > 4096) {
                throw new IllegalArgumentException("parallelism must be in 1..4096, was " + parallelism);
            }
        }
    }

    /** Parses {@code host:port}. */
    static Remote remote(String hostPort, int parallelism, List<String> jars) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("a cluster is HOST:PORT (the JobManager's REST port, 8081 by default), was '"
                    + hostPort + "'");
        }
        try {
            return new Remote(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), parallelism, jars);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of '" + hostPort + "' is not a number");
        }
    }
}

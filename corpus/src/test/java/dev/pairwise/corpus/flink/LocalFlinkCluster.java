package dev.pairwise.corpus.flink;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Flink session cluster on 127.0.0.1: one JobManager and {@code taskManagers} TaskManagers,
 * each its own JVM started from the Maven artifacts' classes, with a generated {@code config.yaml}.
 * The processes' class path is this test's minus our own classes and the libraries the job ships
 * (Lingua, Kotlin, Moshi, Okio, fastutil, Jackson 3): a job only runs if its jars carry them, as on a
 * user's cluster. {@link #close} ends the processes it started, by their handles.
 */
public final class LocalFlinkCluster implements AutoCloseable {

    private static final Pattern SHIPPED = Pattern.compile(
            ".*(/target[^/]*/(test-)?classes/?|/lingua-|/kotlin-|/moshi|/okio|/fastutil|/tools/jackson/).*");

    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    /** The JobManager's REST port on 127.0.0.1. */
    public final int restPort;

    /** Starts the processes (their logs in {@code dir}) and waits until every TaskManager has registered. */
    public LocalFlinkCluster(Path dir, int taskManagers) throws IOException, InterruptedException {
        this.dir = dir;
        this.restPort = freePort();
        int rpcPort = freePort();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + rpcPort,
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.process.size: 768m",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.numberOfTaskSlots: 1",
                // what Flink's start scripts derive and pass: TaskManagerRunner started directly needs them set
                "taskmanager.cpu.cores: 1",
                "taskmanager.memory.task.heap.size: 256m",
                "taskmanager.memory.task.off-heap.size: 0m",
                "taskmanager.memory.network.min: 64m",
                "taskmanager.memory.network.max: 64m",
                "taskmanager.memory.managed.size: 128m",
                "taskmanager.memory.framework.heap.size: 128m",
                "taskmanager.memory.framework.off-heap.size: 128m",
                "taskmanager.memory.jvm-metaspace.size: 256m",
                "taskmanager.memory.jvm-overhead.min: 192m",
                "taskmanager.memory.jvm-overhead.max: 192m",
                "io.tmp.dirs: " + Files.createDirectories(dir.resolve("tmp")),
                "restart-strategy.type: none",
                ""), StandardCharsets.UTF_8);
        String classPath = String.join(File.pathSeparator, clusterClassPath());
        try {
            processes.add(start("jobmanager", classPath, conf,
                    "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint"));
            for (int i = 0; i < taskManagers; i++) {
                processes.add(start("taskmanager-" + i, classPath, conf,
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner"));
            }
            awaitTaskManagers(taskManagers, Duration.ofMinutes(3));
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The PIDs of the processes started, JobManager first. */
    List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    private Process start(String name, String classPath, Path conf, String mainClass) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", classPath, mainClass,
                "--configDir", conf.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".log").toFile());
        return pb.start();
    }

    private void awaitTaskManagers(int expected, Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a Flink process exited at start:\n" + logs());
                }
            }
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/taskmanagers"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = Pattern.compile("\"id\"").matcher(body);
                int count = 0;
                while (m.find()) {
                    count++;
                }
                if (count >= expected) {
                    return;
                }
            } catch (IOException notYet) {
                // the JobManager's REST endpoint is not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the cluster did not register " + expected + " TaskManagers in " + timeout
                + ":\n" + logs());
    }

    /** The last lines of every process log, for a failure message. */
    public String logs() {
        StringBuilder s = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                s.append("--- ").append(log.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(l -> s.append(l).append('\n'));
            }
        } catch (IOException e) {
            s.append("(logs unreadable: ").append(e.getMessage()).append(")");
        }
        return s.toString();
    }

    /** This JVM's class path (expanded from a manifest-only booter jar), minus what the job must ship. */
    static List<String> clusterClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expand(e));
        }
        return entries.stream()
                .filter(e -> !SHIPPED.matcher(Path.of(e).toAbsolutePath().toString().replace('\\', '/')).matches())
                .filter(e -> !Files.isDirectory(Path.of(e, "dev", "pairwise")))
                .toList();
    }

    private static List<String> expand(String entry) throws IOException {
        if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
            return List.of(entry);
        }
        try (JarFile jar = new JarFile(entry)) {
            var manifest = jar.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp == null || !jar.getName().contains("surefirebooter")) {
                return List.of(entry);
            }
            List<String> out = new ArrayList<>();
            for (String url : cp.trim().split("\\s+")) {
                out.add(Path.of(URI.create(url.startsWith("file:") ? url : "file:" + url)).toString());
            }
            return out;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes.reversed()) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}

package dev.pairwise.app.instruct;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How far a SELF_INSTRUCT job got, kept in its folder after each stored batch so that a resumed
 * job goes on where it stopped: requests made, prompts stored, candidates and refusals by reason,
 * and the instructions it generated (the pool its later requests draw in-context examples from).
 */
final class SelfInstructState {

    static final String FILE = "self-instruct-state.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private long requests;
    private long failedRequests;
    private int kept;
    private long candidates;
    private final Map<Rejection, Long> rejections = new EnumMap<>(Rejection.class);
    private final List<String> generated = new ArrayList<>();

    /** The state saved in {@code dir}, or a fresh one when there is none. */
    static SelfInstructState load(Path dir) {
        SelfInstructState s = new SelfInstructState();
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return s;
        }
        JsonNode n = JSON.readTree(file.toFile());
        s.requests = n.get("requests").longValue();
        s.failedRequests = n.get("failedRequests").longValue();
        s.kept = n.get("kept").intValue();
        s.candidates = n.get("candidates").longValue();
        n.get("rejections").properties().forEach(e -> s.rejections.put(Rejection.valueOf(e.getKey()),
                e.getValue().longValue()));
        n.get("generated").forEach(g -> s.generated.add(g.asString()));
        return s;
    }

    /** Writes the state to {@code dir} through a temporary file, so a crash leaves the old or the new one. */
    void save(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("requests", requests);
        n.put("failedRequests", failedRequests);
        n.put("kept", kept);
        n.put("candidates", candidates);
        ObjectNode r = n.putObject("rejections");
        rejections.forEach((k, v) -> r.put(k.name(), v));
        var list = n.putArray("generated");
        generated.forEach(list::add);
        try {
            Path tmp = Files.createTempFile(dir, FILE, ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(n));
            Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the job's state in " + dir, e);
        }
    }

    long requests() {
        return requests;
    }

    long failedRequests() {
        return failedRequests;
    }

    int kept() {
        return kept;
    }

    long candidates() {
        return candidates;
    }

    long rejections(Rejection reason) {
        return rejections.getOrDefault(reason, 0L);
    }

    List<String> generated() {
        return generated;
    }

    /** A request that got no answer. */
    void failed() {
        requests++;
        failedRequests++;
    }

    void candidate() {
        candidates++;
    }

    void rejected(Rejection reason) {
        rejections.merge(reason, 1L, Long::sum);
    }

    /** A request answered: the instructions that passed and how many of them were stored. */
    void answered(List<String> passed, int stored) {
        requests++;
        generated.addAll(passed);
        kept += stored;
    }

    /** The refusals as "reason n, ..." ("none" when there were none). */
    String rejectionSummary() {
        return rejections.isEmpty() ? "none" : rejections.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}

package dev.pairwise.app.training;

import dev.pairwise.labeling.InvalidInputException;
import dev.pairwise.policy.hf.HfTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server folders an IMPORT job may read: those under the roots an admin configures in
 * {@code pairwise.jobs.import-roots} (comma-separated; default the app's data folder). A job
 * names a folder by an absolute path inside a root, or by a path relative to the first root.
 * Anything else is refused, so a researcher's job cannot read arbitrary files of the server.
 * SELF_INSTRUCT jobs read their seed-task file under the same roots ({@link #file}).
 */
@Component
public class ImportFolders {

    public static final String PROPERTY = "pairwise.jobs.import-roots";

    private final List<Path> roots;

    ImportFolders(@Value("${" + PROPERTY + ":./data}") String roots) {
        List<Path> list = new ArrayList<>();
        for (String r : roots.split(",")) {
            if (!r.isBlank()) {
                list.add(Path.of(r.strip()).toAbsolutePath().normalize());
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException(PROPERTY + " names no folder");
        }
        this.roots = List.copyOf(list);
    }

    /**
     * The Hugging Face folder {@code text} names, checked: inside a root (links resolved), a
     * folder, with {@code config.json} and {@code model.safetensors} or its shard index.
     *
     * @throws InvalidInputException naming {@code field} with what is wrong
     */
    Path resolve(String field, String text) {
        Path real = inside(field, text, true);
        if (!Files.isRegularFile(real.resolve("config.json"))) {
            throw new InvalidInputException(field, real + " has no config.json: is it a Hugging Face model folder?");
        }
        if (!Files.isRegularFile(real.resolve(HfTensors.SINGLE)) && !Files.isRegularFile(real.resolve(HfTensors.INDEX))) {
            throw new InvalidInputException(field, real + " has neither " + HfTensors.SINGLE + " nor " + HfTensors.INDEX
                    + " (only safetensors weights are read; convert pytorch_model.bin first)");
        }
        return real;
    }

    /**
     * The regular file {@code text} names, checked like a folder: inside a root (links resolved),
     * a relative path read under the first root.
     *
     * @throws InvalidInputException naming {@code field} with what is wrong
     */
    public Path file(String field, String text) {
        return inside(field, text, false);
    }

    /** The real path of the folder (or file) {@code text} names, refused outside the roots. */
    private Path inside(String field, String text, boolean folder) {
        String what = folder ? "folder" : "file";
        Path given;
        try {
            given = Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new InvalidInputException(field, "Not a " + what + " path: \"" + text + "\" (" + e.getReason() + ")");
        }
        Path path = (given.isAbsolute() ? given : roots.getFirst().resolve(given)).normalize();
        if (folder ? !Files.isDirectory(path) : !Files.isRegularFile(path)) {
            throw new InvalidInputException(field, "No " + what + " " + path + " on the server"
                    + (given.isAbsolute() ? "" : " (a relative path is read under " + roots.getFirst() + ")"));
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new InvalidInputException(field, "Cannot read the " + what + " " + path + ": " + e.getMessage());
        }
        if (roots.stream().noneMatch(root -> real.startsWith(realOrSelf(root)))) {
            throw new InvalidInputException(field, path + " is outside the folders IMPORT jobs may read (SELF_INSTRUCT jobs too: "
                    + String.join(", ", roots.stream().map(Path::toString).toList()) + "; an admin sets them in "
                    + PROPERTY + ")");
        }
        return real;
    }

    private static Path realOrSelf(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root;
        }
    }
}

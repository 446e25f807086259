package dev.pairwise.app.ui.jobs;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Server paths as the screens show them: relative to the data folder (the parent of
 * {@code pairwise.jobs.checkpoint-dir}), so a page says {@code checkpoints/job-7/model}, not where
 * the server keeps its files. A path outside the data folder is shown by its file name only.
 */
@Component
class DataPaths {

    private final Path dataFolder;

    DataPaths(@Value("${pairwise.jobs.checkpoint-dir:./data/checkpoints}") Path checkpointRoot) {
        Path root = checkpointRoot.toAbsolutePath().normalize();
        this.dataFolder = root.getParent() == null ? root : root.getParent();
    }

    /** For tests: the data folder itself. */
    static DataPaths under(Path dataFolder) {
        return new DataPaths(dataFolder.resolve("checkpoints"));
    }

    String shown(String path) {
        try {
            Path p = Path.of(path).toAbsolutePath().normalize();
            if (p.startsWith(dataFolder)) {
                return dataFolder.relativize(p).toString().replace('\\', '/');
            }
            Path name = p.getFileName();
            return name == null ? path : "…/" + name;
        } catch (InvalidPathException e) {
            return path;
        }
    }
}

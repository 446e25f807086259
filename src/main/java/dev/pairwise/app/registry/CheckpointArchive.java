package dev.pairwise.app.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A checkpoint folder (weights, configs, tokenizer, metadata) as a zip, written file by file to
 * the stream it is given, so a large model costs no memory. Entries are named
 * {@code <folder>/<relative path>}; symbolic links are skipped, so nothing outside the folder
 * leaks into a download. Used by the registry's download link and by the REST API.
 */
public final class CheckpointArchive {

    private CheckpointArchive() {
    }

    /** The download name of a checkpoint: its registry name, made safe for a file name. */
    public static String fileName(CheckpointView checkpoint) {
        return checkpoint.name().replaceAll("[^A-Za-z0-9._-]+", "_") + ".zip";
    }

    /**
     * Writes the checkpoint's folder (or its single file) to {@code out} as a zip; {@code out} is
     * finished but not closed.
     *
     * @throws NoSuchFileException when the folder is gone (deleted by hand, another machine's path)
     */
    public static void write(CheckpointView checkpoint, OutputStream out) throws IOException {
        Path root = Path.of(checkpoint.path());
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(root.toString(), null, "the checkpoint's files are missing");
        }
        String prefix = root.getFileName() == null ? "checkpoint" : root.getFileName().toString();
        List<Path> files;
        if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS)) {
            files = List.of(root);
            root = root.getParent() == null ? Path.of(".") : root.getParent();
            prefix = "";
        } else {
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Path file : files) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            zip.putNextEntry(new ZipEntry(prefix.isEmpty() ? relative : prefix + "/" + relative));
            Files.copy(file, zip);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }
}

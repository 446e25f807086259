package dev.pairwise.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairwise.labeling.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFoldersTest {

    @TempDir
    Path tmp;

    private static Path model(Path dir, String weights) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{}");
        Files.writeString(dir.resolve(weights), "x");
        return dir;
    }

    private static void refused(ImportFolders folders, String text, String message) {
        assertThatThrownBy(() -> folders.resolve("config.folder", text)).as(text)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("config.folder");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void a_relative_path_is_read_under_the_first_root_and_an_absolute_one_inside_any_root() throws IOException {
        Path first = Files.createDirectories(tmp.resolve("data"));
        Path second = Files.createDirectories(tmp.resolve("models"));
        Path single = model(first.resolve("hf/tiny"), "model.safetensors");
        Path sharded = model(second.resolve("big"), "model.safetensors.index.json");
        ImportFolders folders = new ImportFolders(first + " , " + second);

        assertThat(folders.resolve("config.folder", "hf/tiny")).isEqualTo(single.toRealPath());
        assertThat(folders.resolve("config.folder", sharded.toString())).isEqualTo(sharded.toRealPath());
        refused(folders, "big", "No folder");
    }

    @Test
    void folders_outside_the_roots_even_through_dots_or_a_link_are_refused() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("data"));
        Path outside = model(tmp.resolve("elsewhere"), "model.safetensors");
        Files.createSymbolicLink(root.resolve("link"), outside);
        ImportFolders folders = new ImportFolders(root.toString());

        refused(folders, outside.toString(), "outside the folders IMPORT jobs may read");
        refused(folders, "../elsewhere", "outside the folders IMPORT jobs may read");
        refused(folders, "link", "outside the folders IMPORT jobs may read");
    }

    @Test
    void a_folder_without_config_or_safetensors_weights_is_refused_naming_what_is_missing() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("data"));
        Files.createDirectories(root.resolve("empty"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.writeString(bin.resolve("config.json"), "{}");
        Files.writeString(bin.resolve("pytorch_model.bin"), "x");
        Files.writeString(root.resolve("file.txt"), "x");
        ImportFolders folders = new ImportFolders(root.toString());

        refused(folders, "empty", "has no config.json");
        refused(folders, "bin", "has neither model.safetensors nor model.safetensors.index.json");
        refused(folders, "file.txt", "No folder");
        refused(folders, "a\u0000b", "Not a folder path");
    }
}

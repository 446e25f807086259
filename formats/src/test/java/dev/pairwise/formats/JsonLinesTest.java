package dev.pairwise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {

    @TempDir
    Path dir;

    private static List<JsonLines.Line> lines(InputStream in) {
        List<JsonLines.Line> out = new ArrayList<>();
        JsonLines reader = new JsonLines(in);
        for (JsonLines.Line l = reader.next(); l != null; l = reader.next()) {
            out.add(l);
        }
        return out;
    }

    @Test
    void bad_lines_come_back_with_their_number_and_reason_and_blank_lines_are_skipped() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.writeBytes("{\"a\": 1}\r\n\n  \nnot json\n[1]\n{\"b\": \"".getBytes(StandardCharsets.UTF_8));
        b.write(0xC3); // a lead byte without its continuation
        b.writeBytes("\"}\n{\"c\": 3}".getBytes(StandardCharsets.UTF_8));
        List<JsonLines.Line> lines = lines(new ByteArrayInputStream(b.toByteArray()));
        assertThat(lines).extracting(JsonLines.Line::number).containsExactly(1, 4, 5, 6, 7);
        assertThat(lines.get(0).record().get("a").asInt()).isEqualTo(1);
        assertThat(lines.get(1).error()).startsWith("not valid JSON");
        assertThat(lines.get(2).error()).isEqualTo("expected a JSON object");
        assertThat(lines.get(3).error()).isEqualTo("invalid UTF-8");
        assertThat(lines.get(4).record().get("c").asInt()).isEqualTo(3);
    }

    @Test
    void gzipped_files_are_told_by_their_content_not_their_name() throws IOException {
        Path gz = dir.resolve("pairs.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("{\"x\": \"é\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        Path plain = Files.writeString(dir.resolve("pairs.gz"), "{\"x\": \"é\"}\n");
        for (Path f : List.of(gz, plain)) {
            try (InputStream in = JsonLines.open(f)) {
                assertThat(lines(in)).singleElement().satisfies(l -> assertThat(l.record().get("x").stringValue()).isEqualTo("é"));
            }
        }
    }
}

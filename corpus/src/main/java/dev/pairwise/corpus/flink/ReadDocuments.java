package dev.pairwise.corpus.flink;

import dev.pairwise.policy.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.Collector;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Streams the documents of one input file, line by line: memory holds one document at a time,
 * whatever the file's size. Files go through Flink's file systems, so a cluster reads
 * {@code hdfs://}, {@code s3://} or a shared {@code file://} folder alike. A file is read by one
 * worker (files are the unit of parallelism); split a huge corpus into several files.
 */
final class ReadDocuments extends RichFlatMapFunction<InputFile, Doc> {

    private static final long serialVersionUID = 1L;
    /** Positions within a file take the low 40 bits of the key. */
    static final int FILE_SHIFT = 40;

    private transient LongCounter docsIn;
    private transient LongCounter charsRead;

    @Override
    public void open(OpenContext context) {
        docsIn = getRuntimeContext().getLongCounter(Counters.DOCS_IN);
        charsRead = getRuntimeContext().getLongCounter(Counters.CHARS_READ);
    }

    @Override
    public void flatMap(InputFile file, Collector<Doc> out) throws IOException {
        Path path = new Path(file.uri);
        String name = path.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean gzip = lower.endsWith(".gz");
        String bare = gzip ? lower.substring(0, lower.length() - 3) : lower;
        boolean jsonl = bare.endsWith(".jsonl") || bare.endsWith(".json");
        String label = gzip ? name.substring(0, name.length() - 3) : name;
        FileSystem fs = path.getFileSystem();
        if (!fs.exists(path)) {
            throw new CorpusFormatException("input file not found: " + file.uri);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long base = (long) file.index << FILE_SHIFT;
        int[] lineNo = {0};
        try (InputStream raw = fs.open(path);
             InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, utf8), 1 << 16)) {
            if (jsonl) {
                readJsonl(reader, label, base, lineNo, out);
            } else {
                readParagraphs(reader, label, base, lineNo, out);
            }
        } catch (MalformedInputException e) {
            throw new CorpusFormatException(file.uri + ": not UTF-8 text (a broken byte sequence after line " + lineNo[0] + ")");
        }
    }

    private void readJsonl(BufferedReader reader, String label, long base, int[] lineNo, Collector<Doc> out)
            throws IOException {
        String line;
        long position = 0;
        while ((line = reader.readLine()) != null) {
            lineNo[0]++;
            charsRead.add(line.length() + 1L);
            if (line.isBlank()) {
                continue;
            }
            JsonNode object;
            try {
                object = Json.parse(line);
            } catch (JacksonException e) {
                throw new CorpusFormatException(label + ":" + lineNo[0] + ": not valid JSON (" + e.getOriginalMessage() + ")");
            }
            if (object == null || !object.isObject()) {
                throw new CorpusFormatException(label + ":" + lineNo[0] + ": not a JSON object");
            }
            JsonNode text = object.get("text");
            if (text == null || !text.isString()) {
                throw new CorpusFormatException(label + ":" + lineNo[0] + ": needs a string field \"text\"");
            }
            JsonNode id = object.get("id");
            String docId = id != null && id.isValueNode() && !id.isNull() ? id.asString() : label + ":" + lineNo[0];
            emit(Doc.of(base + position++, docId, text.stringValue()), out);
        }
    }

    private void readParagraphs(BufferedReader reader, String label, long base, int[] lineNo, Collector<Doc> out)
            throws IOException {
        StringBuilder paragraph = new StringBuilder();
        String line;
        long position = 0;
        while ((line = reader.readLine()) != null) {
            lineNo[0]++;
            charsRead.add(line.length() + 1L);
            if (line.isBlank()) {
                if (!paragraph.isEmpty()) {
                    position++;
                    emit(Doc.of(base + position - 1, label + "#" + position, paragraph.toString()), out);
                    paragraph.setLength(0);
                }
            } else {
                if (!paragraph.isEmpty()) {
                    paragraph.append('\n');
                }
                paragraph.append(line);
            }
        }
        if (!paragraph.isEmpty()) {
            position++;
            emit(Doc.of(base + position - 1, label + "#" + position, paragraph.toString()), out);
        }
    }

    private void emit(Doc doc, Collector<Doc> out) {
        docsIn.add(1L);
        out.collect(doc);
    }
}

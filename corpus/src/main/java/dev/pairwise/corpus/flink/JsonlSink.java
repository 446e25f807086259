package dev.pairwise.corpus.flink;

import dev.pairwise.policy.io.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the kept documents to one {@code clean.jsonl} through Flink's file systems (a local or
 * shared folder, HDFS, S3). Runs with parallelism 1 after a keyed pass on the document key, so the
 * file lists documents in input order. One line per document:
 * {@code {"id", "text", "lang"?, "lang_confidence"?, "perplexity"?}}.
 */
final class JsonlSink implements Sink<Doc> {

    private static final long serialVersionUID = 1L;
    static final String FILE = "clean.jsonl";
    private final String outputDir;

    JsonlSink(String outputDir) {
        this.outputDir = outputDir;
    }

    @Override
    public SinkWriter<Doc> createWriter(WriterInitContext context) throws IOException {
        if (context.getTaskInfo().getNumberOfParallelSubtasks() != 1) {
            throw new IllegalStateException("clean.jsonl is written by one writer; parallelism was "
                    + context.getTaskInfo().getNumberOfParallelSubtasks());
        }
        return new Writer(new Path(outputDir, FILE));
    }

    private static final class Writer implements SinkWriter<Doc> {

        private final java.io.Writer out;
        Writer(Path file) throws IOException {
            FileSystem fs = file.getFileSystem();
            fs.mkdirs(file.getParent());
            this.out = new BufferedWriter(new OutputStreamWriter(fs.create(file, FileSystem.WriteMode.OVERWRITE),
                    StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void write(Doc doc, Context context) throws IOException {
            out.write(line(doc));
            out.write('\n');
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** One JSON object without line breaks (they are escaped inside strings, U+2028 and U+2029 too). */
    static String line(Doc doc) {
        ObjectNode o = Json.object();
        o.put("id", doc.id);
        o.put("text", doc.text);
        if (!doc.lang.isEmpty()) {
            o.put("lang", doc.lang);
            o.put("lang_confidence", Math.round(doc.langConfidence * 1e4) / 1e4);
        }
        if (!Double.isNaN(doc.perplexity)) {
            o.put("perplexity", Math.round(doc.perplexity * 1e3) / 1e3);
        }
        return Json.compact(o);
    }
}

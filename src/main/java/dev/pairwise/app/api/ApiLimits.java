package dev.pairwise.app.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code pairwise.api.*}: the largest request bodies the API reads. A larger body is refused with
 * 413 before it is parsed: at once when its {@code Content-Length} says so, else as soon as that
 * many bytes have been read.
 *
 * @param maxJsonBytes   every request body but an import's (1 MB: a judgment, a job config or a
 *                       project is a few KB; the longest text a project accepts is 32,768 chars)
 * @param maxImportBytes an import's request body, raw or a multipart upload alike (64 MB, as the
 *                       import screen allows: about 300,000 prompts with two short responses)
 */
@ConfigurationProperties("pairwise.api")
public record ApiLimits(@DefaultValue("1MB") DataSize maxJsonBytes, @DefaultValue("64MB") DataSize maxImportBytes) {

    public ApiLimits {
        if (maxJsonBytes.toBytes() < 1 || maxImportBytes.toBytes() < 1) {
            throw new IllegalArgumentException("pairwise.api.max-json-bytes and max-import-bytes must be positive");
        }
    }

    /** "1 MB", "64 MB", "1500 bytes": a limit as a person reads it. */
    static String describe(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " bytes";
    }
}

package dev.pairwise.app.connections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 key that encrypts stored API keys: from {@code pairwise.connections.encryption-key}
 * (base64 of 32 bytes) when set, else from the key file, which the first use creates with 32
 * random bytes, readable and writable by the owner only. The log says where the file is, never
 * what is in it.
 */
final class EncryptionKey {

    static final int BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(EncryptionKey.class);

    private EncryptionKey() {
    }

    /** The configured key; {@code null} when none is configured. */
    static @Nullable SecretKey configured(@Nullable String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        return decode(base64.strip(), "pairwise.connections.encryption-key");
    }

    /** The key in {@code file}, made first if the file does not exist. */
    static SecretKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), "the key file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the connection key file " + file.toAbsolutePath()
                    + " (set pairwise.connections.encryption-key or make the folder writable)", e);
        }
    }

    /**
     * Writes a new key to a private temporary file, then links it into place: the link fails if
     * another process made the file first, and then both use that one. Nobody ever reads a
     * half-written key.
     */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = ownerOnly(dir);
        try {
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp);
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (noLinks instanceof FileAlreadyExistsException) {
                    return;
                }
                Files.move(tmp, file);
            }
            log.warn("Generated the key that encrypts stored model-connection API keys: {} (owner-only). Back it up "
                    + "with the database; without it stored API keys cannot be read. Several instances on one "
                    + "database need the same key: set pairwise.connections.encryption-key.", file.toAbsolutePath());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path ownerOnly(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".connections-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Path tmp = Files.createTempFile(dir, ".connections-key", ".tmp");
            tmp.toFile().setReadable(false, false);
            tmp.toFile().setReadable(true, true);
            tmp.toFile().setWritable(false, false);
            tmp.toFile().setWritable(true, true);
            return tmp;
        }
    }

    private static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64 (make one with: openssl rand -base64 32)");
        }
        if (bytes.length != BYTES) {
            throw new IllegalStateException(source + " holds " + bytes.length + " bytes, not " + BYTES
                    + " (make one with: openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}

package dev.pairwise.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys at rest: AES-GCM round trips, ciphertexts differ, a wrong key or an altered value is refused in words. */
class ApiKeyCipherTest {

    @TempDir
    Path dir;

    @Test
    void a_key_round_trips_and_is_not_visible_in_its_ciphertext() {
        ApiKeyCipher cipher = new ApiKeyCipher(() -> EncryptionKey.fromFile(dir.resolve("k")));
        String sealed = cipher.encrypt("sk-secret-value-123");

        assertThat(sealed).startsWith("v1:").doesNotContain("sk-secret");
        assertThat(cipher.encrypt("sk-secret-value-123")).as("a fresh IV each time").isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed)).isEqualTo("sk-secret-value-123");
    }

    @Test
    void another_key_or_an_altered_value_cannot_be_decrypted() {
        String sealed = new ApiKeyCipher(() -> EncryptionKey.fromFile(dir.resolve("a"))).encrypt("sk-one");
        ApiKeyCipher other = new ApiKeyCipher(() -> EncryptionKey.fromFile(dir.resolve("b")));

        assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageContaining("pairwise.connections.encryption-key")
                .hasMessageNotContaining("sk-one");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        ApiKeyCipher same = new ApiKeyCipher(() -> EncryptionKey.fromFile(dir.resolve("a")));
        assertThatThrownBy(() -> same.decrypt("v1:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_generated_key_file_is_made_once_and_readable_by_the_owner_only() throws Exception {
        Path file = dir.resolve("data/connections.key");
        SecretKey first = EncryptionKey.fromFile(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(EncryptionKey.fromFile(file).getEncoded()).isEqualTo(first.getEncoded());
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("connections.key");
        }
    }

    @Test
    void a_configured_key_must_be_32_bytes_of_base64() {
        assertThat(EncryptionKey.configured(" ")).isNull();
        assertThat(EncryptionKey.configured(Base64.getEncoder().encodeToString(new byte[32]))).isNotNull();
        assertThatThrownBy(() -> EncryptionKey.configured(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("16 bytes, not 32").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> EncryptionKey.configured("not base64!"))
                .hasMessageContaining("not base64");
    }
}

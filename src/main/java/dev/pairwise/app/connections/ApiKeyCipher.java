package dev.pairwise.app.connections;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts API keys for storage with AES-256-GCM (JDK crypto): a fresh random 96-bit IV per
 * value, a 128-bit tag, and a fixed associated text that binds the ciphertext to this use.
 * Stored as {@code v1:} + base64(IV ‖ ciphertext ‖ tag); the prefix leaves room for a new
 * scheme or key without guessing. The key is read on first use (see {@link EncryptionKey}).
 */
final class ApiKeyCipher {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD = "pairwise model-connection api key".getBytes(StandardCharsets.UTF_8);

    private final Supplier<SecretKey> key;
    private final SecureRandom random = new SecureRandom();

    ApiKeyCipher(Supplier<SecretKey> key) {
        this.key = key;
    }

    String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The plaintext of a stored value.
     *
     * @throws IllegalStateException when the value was sealed under another key or was altered;
     *                               the message says which setting to check, never the value
     */
    String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("A stored API key is in an unknown format");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(AAD);
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A stored API key cannot be decrypted with this instance's connection "
                    + "key: was pairwise.connections.encryption-key (or the key file) changed? Enter the API key again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }
}

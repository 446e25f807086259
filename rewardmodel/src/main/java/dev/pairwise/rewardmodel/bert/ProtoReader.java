/*
 * The protobuf wire format (protobuf.dev/programming-guides/encoding), only as far as reading an
 * ONNX file needs: varints, 32-bit floats, length-delimited fields (strings, bytes, sub-messages
 * and packed repeated numbers), and skipping everything else. Written here rather than taken from
 * protobuf-java because its CodedInputStream calls sun.misc.Unsafe, which makes every JDK 24+
 * run print a deprecation warning.
 */
package dev.pairwise.rewardmodel.bert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Reads the fields of one protobuf message from a byte buffer (little-endian, as protobuf is). */
final class ProtoReader {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final ByteBuffer buffer;
    private int tag;

    /** Reads the message filling {@code buffer} from its position to its limit. */
    ProtoReader(ByteBuffer buffer) {
        this.buffer = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() throws IOException {
        if (!buffer.hasRemaining()) {
            return false;
        }
        long t = varint();
        if (t >>> 3 == 0 || t > Integer.MAX_VALUE) {
            throw new IOException("corrupt protobuf: field tag " + t + " at byte " + buffer.position());
        }
        tag = (int) t;
        return true;
    }

    /** Whether bytes are left (inside a packed field). */
    boolean hasRemaining() {
        return buffer.hasRemaining();
    }

    int field() {
        return tag >>> 3;
    }

    int wireType() {
        return tag & 7;
    }

    long varint() throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = read();
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IOException("corrupt protobuf: varint longer than 10 bytes");
    }

    float fixed32Float() throws IOException {
        need(4);
        return buffer.getFloat();
    }

    /** The bytes of a length-delimited field, as a view (no copy). */
    ByteBuffer bytes() throws IOException {
        long length = varint();
        if (length < 0 || length > buffer.remaining()) {
            throw new IOException("corrupt protobuf: field of " + length + " bytes with " + buffer.remaining() + " left");
        }
        ByteBuffer out = buffer.slice(buffer.position(), (int) length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(buffer.position() + (int) length);
        return out;
    }

    String string() throws IOException {
        ByteBuffer b = bytes();
        byte[] a = new byte[b.remaining()];
        b.get(a);
        return new String(a, StandardCharsets.UTF_8);
    }

    /** A sub-message. */
    ProtoReader message() throws IOException {
        return new ProtoReader(bytes());
    }

    /** Skips the current field's value. */
    void skip() throws IOException {
        switch (wireType()) {
            case VARINT -> varint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> bytes();
            case FIXED32 -> advance(4);
            default -> throw new IOException("corrupt protobuf: wire type " + wireType() + " of field " + field());
        }
    }

    private void advance(int n) throws IOException {
        need(n);
        buffer.position(buffer.position() + n);
    }

    private byte read() throws IOException {
        need(1);
        return buffer.get();
    }

    private void need(int n) throws IOException {
        if (buffer.remaining() < n) {
            throw new IOException("corrupt protobuf: truncated field");
        }
    }
}

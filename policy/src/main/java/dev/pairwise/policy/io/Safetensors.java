package dev.pairwise.policy.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads and writes the Hugging Face safetensors format, so checkpoints open in the Python
 * ecosystem ({@code safetensors.torch.load_file}) and Python-made files open here.
 *
 * <p>Layout: 8 bytes little-endian header length {@code N}; {@code N} bytes of UTF-8 JSON mapping
 * each tensor name to {@code {"dtype","shape","data_offsets":[begin,end]}} (offsets relative to
 * the data section) plus an optional {@code "__metadata__"} string-to-string map; then the data.
 * As in the reference writer (safetensors {@code tensor.rs}), tensors are ordered by descending
 * dtype and then by name, the JSON is compact with {@code __metadata__} first, and the header is
 * padded with spaces to a multiple of 8 bytes so every tensor starts aligned. The metadata map,
 * a hash map there, is written in key order here.
 *
 * <p>Reading validates everything a corrupt or truncated file could get wrong (header length,
 * UTF-8, JSON syntax, dtypes, shapes, offsets that must tile the data section exactly) and
 * throws an {@link IOException} naming the file and the fault.
 */
public final class Safetensors {

    /** The reference implementation refuses headers above 100 MB; so do we. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    static final String METADATA_KEY = "__metadata__";

    private Safetensors() {
    }

    /** The tensors of a file, by name in sorted order, and its {@code __metadata__} map (maybe empty). */
    public record Contents(SortedMap<String, TensorData> tensors, SortedMap<String, String> metadata) {
        /** Copies both maps into unmodifiable sorted maps. */
        public Contents {
            tensors = Collections.unmodifiableSortedMap(new TreeMap<>(tensors));
            metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
        }

        /** The tensor called {@code name}; throws {@link IllegalArgumentException} naming it if absent. */
        public TensorData tensor(String name) {
            TensorData tensor = tensors.get(name);
            if (tensor == null) {
                throw new IllegalArgumentException("no tensor '" + name + "' (have " + tensors.keySet() + ")");
            }
            return tensor;
        }
    }

    /**
     * Writes {@code tensors} and {@code metadata} to {@code file}, atomically: the bytes go to a
     * temporary file in the same folder that then replaces {@code file}, so a crash never leaves
     * a half-written checkpoint behind.
     */
    public static void write(Path file, Map<String, TensorData> tensors, Map<String, String> metadata)
            throws IOException {
        List<Map.Entry<String, TensorData>> ordered = order(tensors);
        byte[] header = header(ordered, metadata);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Not Files.createTempFile: that makes an owner-only (0600) file; this one gets the umask's mode.
        Path temp = parent.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                writeTo(out, header, ordered);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The bytes {@link #write} would store; for small tensors, tests and network transfer. */
    public static byte[] toBytes(Map<String, TensorData> tensors, Map<String, String> metadata) {
        List<Map.Entry<String, TensorData>> ordered = order(tensors);
        byte[] header = header(ordered, metadata);
        var out = new ByteArrayOutputStream();
        try {
            writeTo(out, header, ordered);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory write failed", e);
        }
        return out.toByteArray();
    }

    /** Reads and validates the whole file. */
    public static Contents read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return SafetensorsReader.read(file, channel);
        }
    }

    /** Writes NDArrays (F32, F64, I32 or I64), copying each off its device first. */
    public static void writeNDArrays(Path file, Map<String, NDArray> arrays, Map<String, String> metadata)
            throws IOException {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        arrays.forEach((name, array) -> tensors.put(name, TensorData.fromNDArray(array)));
        write(file, tensors, metadata);
    }

    /** Reads every tensor of {@code file} into an NDArray attached to {@code manager}. */
    public static Map<String, NDArray> readNDArrays(Path file, NDManager manager) throws IOException {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        read(file).tensors().forEach((name, tensor) -> arrays.put(name, tensor.toNDArray(manager)));
        return arrays;
    }

    private static List<Map.Entry<String, TensorData>> order(Map<String, TensorData> tensors) {
        Objects.requireNonNull(tensors, "tensors");
        List<Map.Entry<String, TensorData>> ordered = new ArrayList<>();
        for (Map.Entry<String, TensorData> entry : tensors.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "tensor name");
            if (name.equals(METADATA_KEY)) {
                throw new IllegalArgumentException("'" + METADATA_KEY + "' is reserved and cannot name a tensor");
            }
            ordered.add(Map.entry(name, Objects.requireNonNull(entry.getValue(), "tensor " + name)));
        }
        ordered.sort(Comparator.<Map.Entry<String, TensorData>, DType>comparing(e -> DType.of(e.getValue().dtype()))
                .reversed().thenComparing(Map.Entry::getKey));
        return ordered;
    }

    private static byte[] header(List<Map.Entry<String, TensorData>> ordered, Map<String, String> metadata) {
        StringBuilder json = new StringBuilder("{");
        if (metadata != null && !metadata.isEmpty()) {
            json.append(quote(METADATA_KEY)).append(":{");
            String separator = "";
            for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
                json.append(separator).append(quote(entry.getKey())).append(':')
                        .append(quote(Objects.requireNonNull(entry.getValue(), "metadata " + entry.getKey())));
                separator = ",";
            }
            json.append('}');
            if (!ordered.isEmpty()) {
                json.append(',');
            }
        }
        long offset = 0;
        String separator = "";
        for (Map.Entry<String, TensorData> entry : ordered) {
            TensorData tensor = entry.getValue();
            long end = offset + tensor.data().remaining();
            json.append(separator).append(quote(entry.getKey())).append(":{\"dtype\":\"").append(tensor.dtype())
                    .append("\",\"shape\":[");
            long[] shape = tensor.shape();
            for (int i = 0; i < shape.length; i++) {
                json.append(i == 0 ? "" : ",").append(shape[i]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
            separator = ",";
        }
        json.append('}');
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (bytes.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(bytes, padded);
        Arrays.fill(header, bytes.length, padded, (byte) ' ');
        return header;
    }

    /** A JSON string literal escaped exactly as serde_json does (control characters as six-character {@code u00xx} escapes, lowercase hex). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static void writeTo(OutputStream out, byte[] header, List<Map.Entry<String, TensorData>> ordered)
            throws IOException {
        ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
        out.write(length.array());
        out.write(header);
        WritableByteChannel channel = Channels.newChannel(out);
        for (Map.Entry<String, TensorData> entry : ordered) {
            ByteBuffer data = entry.getValue().data();
            while (data.hasRemaining()) {
                channel.write(data);
            }
        }
        out.flush();
    }
}

package dev.pairwise.policy.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsTest {

    @TempDir
    Path dir;

    /** Three tensors of three dtypes; the reference writer orders them I64, F32, I32 (descending dtype). */
    private static Map<String, TensorData> sample() {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("b", TensorData.ofInts(new long[] {2}, new int[] {7, -1}));
        tensors.put("a", TensorData.ofFloats(new long[] {2}, new float[] {1.0f, -2.5f}));
        tensors.put("c", TensorData.ofLongs(new long[] {}, new long[] {42}));
        return tensors;
    }

    /** Built by hand from the format description, independent of the writer. */
    private static byte[] handBuiltSample() {
        String json = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"c\":{\"dtype\":\"I64\",\"shape\":[],\"data_offsets\":[0,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]},"
                + "\"b\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[16,24]}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 200, 0, 0, 0, 0, 0, 0, 0}); // 193 bytes of JSON + 7 spaces
        out.writeBytes(json.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("       ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(HexFormat.of().parseHex("2a00000000000000" + "0000803f" + "000020c0" + "07000000" + "ffffffff"));
        return out.toByteArray();
    }

    @Test
    void writer_output_is_byte_identical_to_a_hand_built_reference_file() throws IOException {
        Path file = dir.resolve("model.safetensors");
        Safetensors.write(file, sample(), Map.of("format", "pt"));

        assertThat(Files.readAllBytes(file)).isEqualTo(handBuiltSample());
        assertThat(Safetensors.toBytes(sample(), Map.of("format", "pt"))).isEqualTo(handBuiltSample());
    }

    /** The byte layouts the reference implementation's own unit tests pin down (safetensors tensor.rs). */
    @Test
    void writer_reproduces_the_reference_implementations_test_vectors() {
        byte[] empty = Safetensors.toBytes(Map.of(), Map.of());
        assertThat(empty).isEqualTo(concat(le(8), ascii("{}      ")));

        byte[] metadataOnly = Safetensors.toBytes(Map.of(), Map.of("framework", "pt"));
        assertThat(metadataOnly).isEqualTo(concat(le(40), ascii("{\"__metadata__\":{\"framework\":\"pt\"}}     ")));

        TensorData attn = TensorData.ofFloats(new long[] {1, 1, 2, 3}, new float[] {0, 1, 2, 3, 4, 5});
        byte[] aligned = Safetensors.toBytes(Map.of("attn0", attn), Map.of());
        assertThat(aligned).isEqualTo(concat(le(72),
                ascii("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       "),
                HexFormat.of().parseHex("000000000000803f000000400000404000008040" + "0000a040")));
    }

    @Test
    void reader_accepts_the_reference_implementations_valid_inputs() throws IOException {
        Path unpadded = Files.write(dir.resolve("unpadded.safetensors"), concat(le(60),
                ascii("{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}"), new byte[16]));
        assertThat(Safetensors.read(unpadded).tensor("test").toIntArray()).containsExactly(0, 0, 0, 0);

        Path whitespace = Files.write(dir.resolve("ws.safetensors"), concat(le(6), ascii("{}\r \t\n")));
        assertThat(Safetensors.read(whitespace).tensors()).isEmpty();

        String zeroJson = "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,0],\"data_offsets\":[0, 0]}}";
        Path zero = Files.write(dir.resolve("zero.safetensors"), concat(le(zeroJson.length()), ascii(zeroJson)));
        assertThat(Safetensors.read(zero).tensor("test").shape()).containsExactly(2, 0);
    }

    private static byte[] le(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void hand_built_file_reads_back_values_shapes_and_metadata() throws IOException {
        Path file = dir.resolve("hand.safetensors");
        Files.write(file, handBuiltSample());

        Safetensors.Contents contents = Safetensors.read(file);

        assertThat(contents.metadata()).containsExactly(Map.entry("format", "pt"));
        assertThat(contents.tensors()).containsOnlyKeys("a", "b", "c");
        assertThat(contents.tensor("a").toFloatArray()).containsExactly(1.0f, -2.5f);
        assertThat(contents.tensor("b").toIntArray()).containsExactly(7, -1);
        assertThat(contents.tensor("c").shape()).isEmpty();
        assertThat(contents.tensor("c").toLongArray()).containsExactly(42L);
        assertThat(contents.tensors()).isEqualTo(sample());
    }

    @Test
    void header_is_padded_with_spaces_to_a_multiple_of_eight() {
        for (int nameLength = 1; nameLength <= 9; nameLength++) {
            byte[] bytes = Safetensors.toBytes(
                    Map.of("x".repeat(nameLength), TensorData.ofDoubles(new long[] {1}, new double[] {0.5})), Map.of());
            long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            assertThat(headerLength % 8).isZero();
            String header = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
            assertThat(header.stripTrailing()).endsWith("}").doesNotContain("__metadata__");
            assertThat(header.substring(header.stripTrailing().length())).matches(" *");
        }
    }

    @Test
    void names_and_metadata_with_quotes_unicode_and_control_characters_survive() throws IOException {
        Path file = dir.resolve("odd.safetensors");
        String name = "layer\"0\\ä😀\n\u0001";
        Safetensors.write(file, Map.of(name, TensorData.ofFloats(new long[] {0, 3}, new float[0])),
                Map.of("note", "tab\there <&>"));

        Safetensors.Contents contents = Safetensors.read(file);

        assertThat(contents.tensors()).containsOnlyKeys(name);
        assertThat(contents.tensor(name).shape()).containsExactly(0, 3);
        assertThat(contents.metadata()).containsEntry("note", "tab\there <&>");
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("\\u0001", "<&>");
    }

    @Test
    void ndarrays_of_every_supported_type_round_trip_through_a_file() throws IOException {
        Path file = dir.resolve("nd.safetensors");
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            arrays.put("f32", manager.arange(6f).reshape(2, 3));
            arrays.put("f64", manager.create(new double[] {1e-300, -3.25}));
            arrays.put("i32", manager.create(new int[] {Integer.MIN_VALUE, 5}, new Shape(2, 1)));
            arrays.put("i64", manager.create(new long[] {Long.MAX_VALUE}));
            Safetensors.writeNDArrays(file, arrays, Map.of());

            Map<String, NDArray> back = Safetensors.readNDArrays(file, manager);

            assertThat(back).containsOnlyKeys(arrays.keySet());
            for (String name : arrays.keySet()) {
                assertThat(back.get(name).getShape()).isEqualTo(arrays.get(name).getShape());
                assertThat(back.get(name).getDataType()).isEqualTo(arrays.get(name).getDataType());
                assertThat(back.get(name).contentEquals(arrays.get(name))).as(name).isTrue();
            }
        }
    }

    @Test
    void unsupported_ndarray_type_is_refused_naming_it() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray halves = manager.ones(new Shape(2)).toType(DataType.FLOAT16, false);
            assertThatThrownBy(() -> TensorData.fromNDArray(halves))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("float16");
        }
    }

    @Test
    void tensor_data_refuses_a_byte_count_that_does_not_match_its_shape() {
        assertThatThrownBy(() -> TensorData.ofFloats(new long[] {2, 2}, new float[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 16");
        assertThatThrownBy(() -> new TensorData("BF16", new long[] {1}, ByteBuffer.allocate(4)))
                .hasMessageContaining("BF16").hasMessageContaining("need 2");
        assertThatThrownBy(() -> Safetensors.toBytes(Map.of("__metadata__", TensorData.ofInts(new long[] {0}, new int[0])), Map.of()))
                .hasMessageContaining("reserved");
    }

    @Test
    void truncated_files_fail_with_the_file_name_and_the_fault() throws IOException {
        byte[] good = handBuiltSample();
        assertFault(java.util.Arrays.copyOf(good, 5), "too short");
        assertFault(java.util.Arrays.copyOf(good, 100), "truncated: header length 200");
        assertFault(java.util.Arrays.copyOf(good, good.length - 3), "truncated: tensors need 24 data bytes");
        assertFault(java.util.Arrays.copyOf(good, good.length + 4), "4 trailing bytes");
    }

    @Test
    void corrupt_headers_fail_with_the_file_name_and_the_fault() throws IOException {
        assertFault(withHeader("[1,2]"), "does not start with '{'");
        assertFault(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]"), "not valid safetensors JSON");
        assertFault(withHeader("{\"a\":{\"dtype\":\"Q4\",\"shape\":[1],\"data_offsets\":[0,4]}}"), "unsupported safetensors dtype 'Q4'");
        assertFault(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}"), "lacks data_offsets");
        assertFault(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}"), "not a non-negative integer");
        assertFault(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}"), "needs 8");
        assertFault(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}"), "starts at data offset 4");
        assertFault(withHeader("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{}}"), "twice");
        assertFault(withHeader("{\"__metadata__\":{\"k\":1}}"), "not a string");
        assertFault(withHeader("{\"a\":{\"dtype\":\"I32\",\"shape\":[2,18446744073709551614],\"data_offsets\":[0,16]}}"),
                "not a non-negative integer");
        byte[] badUtf8 = withHeader("{\"\u00e9\":{}}        ");
        badUtf8[10] = (byte) 0xC3;
        badUtf8[11] = (byte) 0x28;
        assertFault(badUtf8, "not valid UTF-8");
        byte[] huge = handBuiltSample();
        huge[7] = 1;
        assertFault(huge, "exceeds the 100000000-byte limit");
    }

    @Test
    void written_file_gets_the_mode_of_an_ordinary_new_file_and_no_temp_file_remains() throws IOException {
        Path file = dir.resolve("w.safetensors");
        Safetensors.write(file, sample(), Map.of());
        Safetensors.write(file, sample(), Map.of("format", "pt")); // replaces the first

        Path probe = Files.createFile(dir.resolve("probe"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(probe));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("w.safetensors", "probe");
        }
        assertThat(Safetensors.read(file).metadata()).containsEntry("format", "pt");
    }

    @Test
    void missing_file_names_the_path() {
        Path missing = dir.resolve("absent.safetensors");
        assertThatThrownBy(() -> Safetensors.read(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining("absent.safetensors");
    }

    /** A file whose header is {@code json} followed by 4 zero data bytes. */
    private static byte[] withHeader(String json) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + header.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(header.length).put(header);
        return buffer.array();
    }

    private void assertFault(byte[] content, String what) throws IOException {
        Path file = Files.write(dir.resolve("bad.safetensors"), content);
        assertThatThrownBy(() -> Safetensors.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(what);
    }
}

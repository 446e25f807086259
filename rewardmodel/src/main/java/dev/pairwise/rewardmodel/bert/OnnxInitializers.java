/*
 * Reads the weights (the graph's initializers) of an ONNX model file: the protobuf wire format
 * walked with protobuf-java's CodedInputStream, the field numbers taken from onnx/onnx.proto
 * (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5; NodeProto.input = 1, name = 3,
 * op_type = 4; TensorProto.dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9,
 * data_location = 14). Generated ONNX classes would bring the whole schema for five fields.
 *
 * PyTorch's exporter keeps a parameter's name when the graph uses it as it is (biases,
 * LayerNorms, embeddings), but a Linear weight enters a MatMul transposed and is renamed
 * "onnx::MatMul_787"; the MatMul node keeps the module path ("/encoder/layer.0/attention/self/
 * query/MatMul"). Such a weight is renamed here to its module's "<path>.weight" and transposed
 * back to PyTorch's [out, in] layout, so the result names every tensor as the original
 * state_dict did.
 */
package dev.pairwise.rewardmodel.bert;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The float32 initializers of an ONNX model, by their PyTorch parameter names. */
public final class OnnxInitializers {

    /** One float32 tensor: its shape and its row-major values. */
    public record Tensor(long[] shape, float[] values) {

        public Tensor {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException(values.length + " values do not fill shape "
                        + java.util.Arrays.toString(shape));
            }
        }

        /** The matrix transposed: {@code [r, c]} becomes {@code [c, r]}. */
        Tensor transposed() {
            if (shape.length != 2) {
                throw new IllegalArgumentException("only a matrix can be transposed, shape has " + shape.length
                        + " dimensions");
            }
            int r = (int) shape[0];
            int c = (int) shape[1];
            float[] t = new float[values.length];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    t[j * r + i] = values[i * c + j];
                }
            }
            return new Tensor(new long[] {c, r}, t);
        }
    }

    private static final int FLOAT = 1;
    private static final int EXTERNAL = 1;

    private OnnxInitializers() {
    }

    /**
     * Reads every float32 initializer of the model in {@code in} (not closed), MatMul weights
     * renamed and transposed as the file header says; other element types (the exporter's int64
     * position ids) are left out.
     *
     * @throws IOException if the stream is not an ONNX model or keeps a weight in an external file
     */
    public static Map<String, Tensor> read(InputStream in) throws IOException {
        CodedInputStream cis = CodedInputStream.newInstance(in);
        cis.setSizeLimit(Integer.MAX_VALUE);
        Map<String, Tensor> initializers = null;
        for (int tag = cis.readTag(); tag != 0; tag = cis.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == 7 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int limit = cis.pushLimit(cis.readRawVarint32());
                initializers = graph(cis);
                cis.popLimit(limit);
            } else {
                cis.skipField(tag);
            }
        }
        if (initializers == null) {
            throw new IOException("not an ONNX model: no graph");
        }
        return initializers;
    }

    private record Node(String name, String opType, List<String> inputs) {
    }

    private static Map<String, Tensor> graph(CodedInputStream cis) throws IOException {
        Map<String, Tensor> byOnnxName = new LinkedHashMap<>();
        List<Node> matMuls = new ArrayList<>();
        while (!cis.isAtEnd()) {
            int tag = cis.readTag();
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 5 || field == 1) {
                int limit = cis.pushLimit(cis.readRawVarint32());
                if (field == 5) {
                    tensor(cis, byOnnxName);
                } else {
                    Node node = node(cis);
                    if (node.opType().equals("MatMul")) {
                        matMuls.add(node);
                    }
                }
                cis.popLimit(limit);
            } else {
                cis.skipField(tag);
            }
        }
        Map<String, String> renamed = new HashMap<>();
        for (Node n : matMuls) {
            if (n.inputs().size() == 2 && byOnnxName.containsKey(n.inputs().get(1)) && n.name().endsWith("/MatMul")) {
                String path = n.name().substring(n.name().startsWith("/") ? 1 : 0, n.name().length() - "/MatMul".length());
                renamed.put(n.inputs().get(1), path.replace('/', '.') + ".weight");
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        byOnnxName.forEach((name, t) -> {
            String torchName = renamed.get(name);
            out.put(torchName == null ? name : torchName, torchName == null ? t : t.transposed());
        });
        return out;
    }

    private static Node node(CodedInputStream cis) throws IOException {
        String name = "";
        String op = "";
        List<String> inputs = new ArrayList<>();
        while (!cis.isAtEnd()) {
            int tag = cis.readTag();
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inputs.add(cis.readStringRequireUtf8());
                case 3 -> name = cis.readStringRequireUtf8();
                case 4 -> op = cis.readStringRequireUtf8();
                default -> cis.skipField(tag);
            }
        }
        return new Node(name, op, inputs);
    }

    private static void tensor(CodedInputStream cis, Map<String, Tensor> out) throws IOException {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        int location = 0;
        String name = null;
        ByteString raw = null;
        List<Float> floats = new ArrayList<>();
        while (!cis.isAtEnd()) {
            int tag = cis.readTag();
            int wire = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> {
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int limit = cis.pushLimit(cis.readRawVarint32());
                        while (!cis.isAtEnd()) {
                            dims.add(cis.readInt64());
                        }
                        cis.popLimit(limit);
                    } else {
                        dims.add(cis.readInt64());
                    }
                }
                case 2 -> type = cis.readInt32();
                case 4 -> {
                    if (wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int limit = cis.pushLimit(cis.readRawVarint32());
                        while (!cis.isAtEnd()) {
                            floats.add(cis.readFloat());
                        }
                        cis.popLimit(limit);
                    } else {
                        floats.add(cis.readFloat());
                    }
                }
                case 8 -> name = cis.readStringRequireUtf8();
                case 9 -> raw = cis.readBytes();
                case 14 -> location = cis.readEnum();
                default -> cis.skipField(tag);
            }
        }
        if (name == null) {
            throw new IOException("ONNX initializer without a name");
        }
        if (location == EXTERNAL) {
            throw new IOException("ONNX initializer '" + name + "' is stored in an external file; "
                    + "only self-contained models are read");
        }
        if (type != FLOAT) {
            return;
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        float[] values;
        if (raw != null) {
            values = new float[raw.size() / Float.BYTES];
            raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            values = new float[floats.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = floats.get(i);
            }
        }
        try {
            out.put(name, new Tensor(shape, values));
        } catch (IllegalArgumentException e) {
            throw new IOException("ONNX initializer '" + name + "': " + e.getMessage(), e);
        }
    }
}

/*
 * Reads the weights (the graph's initializers) of an ONNX model file: its protobuf walked field
 * by field ({@link ProtoReader}), the field numbers taken from onnx/onnx.proto (ModelProto.graph
 * = 7; GraphProto.node = 1, initializer = 5; NodeProto.input = 1, name = 3, op_type = 4;
 * TensorProto.dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9, data_location =
 * 14). Generated ONNX classes would bring the whole schema for these few fields.
 *
 * PyTorch's exporter keeps a parameter's name when the graph uses it as it is (biases,
 * LayerNorms, embeddings), but a Linear weight enters a MatMul transposed and is renamed
 * "onnx::MatMul_787"; the MatMul node keeps the module path ("/encoder/layer.0/attention/self/
 * query/MatMul"). Such a weight is renamed here to its module's "<path>.weight" and transposed
 * back to PyTorch's [out, in] layout, so the result names every tensor as the original
 * state_dict did.
 */
package dev.pairwise.rewardmodel.bert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
        ProtoReader model = new ProtoReader(ByteBuffer.wrap(in.readAllBytes()));
        Map<String, Tensor> initializers = null;
        while (model.next()) {
            if (model.field() == 7 && model.wireType() == ProtoReader.LENGTH_DELIMITED) {
                initializers = graph(model.message());
            } else {
                model.skip();
            }
        }
        if (initializers == null) {
            throw new IOException("not an ONNX model: no graph");
        }
        return initializers;
    }

    private record Node(String name, String opType, List<String> inputs) {
    }

    private static Map<String, Tensor> graph(ProtoReader graph) throws IOException {
        Map<String, Tensor> byOnnxName = new LinkedHashMap<>();
        List<Node> matMuls = new ArrayList<>();
        while (graph.next()) {
            if (graph.field() == 5 && graph.wireType() == ProtoReader.LENGTH_DELIMITED) {
                tensor(graph.message(), byOnnxName);
            } else if (graph.field() == 1 && graph.wireType() == ProtoReader.LENGTH_DELIMITED) {
                Node node = node(graph.message());
                if (node.opType().equals("MatMul")) {
                    matMuls.add(node);
                }
            } else {
                graph.skip();
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

    private static Node node(ProtoReader node) throws IOException {
        String name = "";
        String op = "";
        List<String> inputs = new ArrayList<>();
        while (node.next()) {
            switch (node.field()) {
                case 1 -> inputs.add(node.string());
                case 3 -> name = node.string();
                case 4 -> op = node.string();
                default -> node.skip();
            }
        }
        return new Node(name, op, inputs);
    }

    private static void tensor(ProtoReader t, Map<String, Tensor> out) throws IOException {
        List<Long> dims = new ArrayList<>();
        long type = 0;
        long location = 0;
        String name = null;
        ByteBuffer raw = null;
        List<Float> floats = new ArrayList<>();
        while (t.next()) {
            boolean packed = t.wireType() == ProtoReader.LENGTH_DELIMITED;
            switch (t.field()) {
                case 1 -> {
                    if (packed) {
                        ProtoReader p = new ProtoReader(t.bytes());
                        while (p.hasRemaining()) {
                            dims.add(p.varint());
                        }
                    } else {
                        dims.add(t.varint());
                    }
                }
                case 2 -> type = t.varint();
                case 4 -> {
                    if (packed) {
                        ProtoReader p = new ProtoReader(t.bytes());
                        while (p.hasRemaining()) {
                            floats.add(p.fixed32Float());
                        }
                    } else {
                        floats.add(t.fixed32Float());
                    }
                }
                case 8 -> name = t.string();
                case 9 -> raw = t.bytes();
                case 14 -> location = t.varint();
                default -> t.skip();
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
            values = new float[raw.remaining() / Float.BYTES];
            raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
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

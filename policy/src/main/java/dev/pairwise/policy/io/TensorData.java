package dev.pairwise.policy.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import dev.pairwise.policy.model.NativeArrays;

/**
 * One tensor as safetensors stores it: a dtype name ({@code F32}, {@code F64}, {@code I32},
 * {@code I64}, and, read from Hugging Face checkpoints, {@code F16} and {@code BF16}), a shape ({@code []} for a scalar) and the raw little-endian bytes, row-major.
 *
 * <p>The record is immutable: the shape is copied, and {@link #data()} returns a fresh read-only
 * little-endian view positioned at 0, so no caller can disturb another's reads.
 *
 * @param dtype safetensors dtype name
 * @param shape dimension sizes, each {@code >= 0}
 * @param data  exactly {@code product(shape) * size(dtype)} bytes, little-endian
 */
public record TensorData(String dtype, long[] shape, ByteBuffer data) {

    /** Validates that dtype is supported and the byte count matches dtype and shape. */
    public TensorData {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        DType type = DType.of(dtype);
        shape = shape.clone();
        long expected = Math.multiplyExact(elementCount(shape), type.bytes);
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("data has " + data.remaining() + " bytes but dtype " + dtype
                    + " and shape " + Arrays.toString(shape) + " need " + expected);
        }
        data = data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** A fresh read-only little-endian view of the bytes, positioned at 0. */
    @Override
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public long elementCount() {
        return elementCount(shape);
    }

    /** An {@code F32} tensor holding a copy of {@code values}. */
    public static TensorData ofFloats(long[] shape, float[] values) {
        ByteBuffer buffer = allocate(values.length, 4);
        buffer.asFloatBuffer().put(values);
        return new TensorData("F32", shape, buffer);
    }

    /** An {@code F64} tensor holding a copy of {@code values}. */
    public static TensorData ofDoubles(long[] shape, double[] values) {
        ByteBuffer buffer = allocate(values.length, 8);
        buffer.asDoubleBuffer().put(values);
        return new TensorData("F64", shape, buffer);
    }

    /** An {@code I32} tensor holding a copy of {@code values}. */
    public static TensorData ofInts(long[] shape, int[] values) {
        ByteBuffer buffer = allocate(values.length, 4);
        buffer.asIntBuffer().put(values);
        return new TensorData("I32", shape, buffer);
    }

    /** An {@code I64} tensor holding a copy of {@code values}. */
    public static TensorData ofLongs(long[] shape, long[] values) {
        ByteBuffer buffer = allocate(values.length, 8);
        buffer.asLongBuffer().put(values);
        return new TensorData("I64", shape, buffer);
    }

    /**
     * This tensor as {@code F32}: itself when it already is, a widened copy of an {@code F16} or
     * {@code BF16} tensor (both widen exactly), and an {@link IllegalStateException} for the
     * integer and {@code F64} types, which a model's weights never are.
     */
    public TensorData toF32() {
        ByteBuffer bytes = data();
        int n = Math.toIntExact(elementCount());
        float[] out = new float[n];
        switch (DType.of(dtype)) {
            case F32 -> {
                return this;
            }
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.float16ToFloat(bytes.getShort(2 * i));
                }
            }
            // bfloat16 is the top half of a float32
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.intBitsToFloat((bytes.getShort(2 * i) & 0xFFFF) << 16);
                }
            }
            default -> throw new IllegalStateException("tensor is " + dtype + ", not a floating type that widens to F32");
        }
        return ofFloats(shape, out);
    }

    /** The elements of an {@code F32} tensor; throws {@link IllegalStateException} for another dtype. */
    public float[] toFloatArray() {
        float[] out = new float[elements("F32")];
        data().asFloatBuffer().get(out);
        return out;
    }

    /** The elements of an {@code F64} tensor; throws {@link IllegalStateException} for another dtype. */
    public double[] toDoubleArray() {
        double[] out = new double[elements("F64")];
        data().asDoubleBuffer().get(out);
        return out;
    }

    /** The elements of an {@code I32} tensor; throws {@link IllegalStateException} for another dtype. */
    public int[] toIntArray() {
        int[] out = new int[elements("I32")];
        data().asIntBuffer().get(out);
        return out;
    }

    /** The elements of an {@code I64} tensor; throws {@link IllegalStateException} for another dtype. */
    public long[] toLongArray() {
        long[] out = new long[elements("I64")];
        data().asLongBuffer().get(out);
        return out;
    }

    /** Copies {@code array} (F32, F64, I32 or I64) off its device into a tensor record. */
    public static TensorData fromNDArray(NDArray array) {
        long[] shape = array.getShape().getShape();
        return switch (DType.of(array.getDataType())) {
            case F32 -> ofFloats(shape, array.toFloatArray());
            case F64 -> ofDoubles(shape, array.toDoubleArray());
            case I32 -> ofInts(shape, array.toIntArray());
            case I64 -> ofLongs(shape, array.toLongArray());
            // half precision is read (Hugging Face checkpoints) but never written: ours are F32 throughout
            case F16, BF16 -> throw new IllegalArgumentException("unsupported NDArray data type "
                    + array.getDataType() + " for writing; convert to float32 first");
        };
    }

    /**
     * A new NDArray attached to {@code manager} (and on its device) holding a copy of this tensor;
     * {@code F16} and {@code BF16} tensors arrive widened to float32.
     */
    public NDArray toNDArray(NDManager manager) {
        Shape djlShape = new Shape(shape);
        return switch (DType.of(dtype)) {
            case F32 -> NativeArrays.of(manager, toFloatArray(), djlShape);
            case F64 -> NativeArrays.of(manager, toDoubleArray(), djlShape);
            case I32 -> NativeArrays.of(manager, toIntArray(), djlShape);
            case I64 -> NativeArrays.of(manager, toLongArray(), djlShape);
            case F16, BF16 -> NativeArrays.of(manager, toF32().toFloatArray(), djlShape);
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorData that && dtype.equals(that.dtype)
                && Arrays.equals(shape, that.shape) && data.equals(that.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), data);
    }

    @Override
    public String toString() {
        return "TensorData[" + dtype + " " + Arrays.toString(shape) + "]";
    }

    private int elements(String expectedType) {
        if (!dtype.equals(expectedType)) {
            throw new IllegalStateException("tensor is " + dtype + ", not " + expectedType);
        }
        return Math.toIntExact(elementCount());
    }

    private static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    private static ByteBuffer allocate(int elements, int bytesPerElement) {
        return ByteBuffer.allocate(Math.multiplyExact(elements, bytesPerElement)).order(ByteOrder.LITTLE_ENDIAN);
    }
}

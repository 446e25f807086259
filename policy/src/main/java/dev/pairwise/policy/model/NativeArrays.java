package dev.pairwise.policy.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.pairwise.policy.device.Devices;
import java.nio.ByteBuffer;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way Java data becomes an NDArray, the one way an array's contents are replaced, and
 * arithmetic with a Java number: all three end in memory that PyTorch owns.
 *
 * <p>Why. DJL 0.36's PyTorch engine builds an array from Java data with {@code torch::from_blob}
 * over a direct buffer that only the Java array object keeps alive ({@code NDManager.create}); the
 * native tensor does not own that memory. Its arithmetic with a number ({@code x.mul(0.5f)},
 * {@code add}, {@code sub}, {@code div}, {@code pow}, {@code clip}) builds such a scalar, uses it
 * and closes it at once; but autograd saves the scalar for the backward pass ({@code d(x·s)/dx = s}),
 * and once the garbage collector has freed the buffer the backward reads freed memory, where the
 * allocator has written its free-list links. That was the rare NaN after the PPO tests, the resumed
 * runs that differed from straight ones in a tensor's first elements, and the runs that did not
 * repeat across JVMs: the attention's {@code q·(1/√d)} and RMSNorm's {@code (…+ε)^-½} did it in
 * every step, and whether it corrupted a gradient depended on when a collection ran. A thread
 * forcing collections every 20 ms made it fail in every round of the trainer tests
 * ({@code bench/trainer-stress.sh}). {@code NDArray.set(Buffer)} and {@code copyTo} point an
 * existing tensor at a Java buffer too.
 *
 * <p>Here arrays are made with {@code torch::empty} and written through a view of their own memory
 * (one copy, no Java-owned memory), scalars come from {@code torch::full}, and overwrites copy in
 * place. {@code NativeMemoryRulesTest} keeps every other class off DJL's Java-memory paths.
 */
public final class NativeArrays {

    private NativeArrays() {
    }

    /** A float32 array of {@code shape} holding a copy of {@code data}. */
    public static NDArray of(NDManager manager, float[] data, Shape shape) {
        return filled(manager, shape, data.length, DataType.FLOAT32, b -> b.asFloatBuffer().put(data),
                m -> m.create(data, shape));
    }

    /** A 1-D float32 array holding a copy of {@code data}. */
    public static NDArray of(NDManager manager, float[] data) {
        return of(manager, data, new Shape(data.length));
    }

    /** A float64 array of {@code shape} holding a copy of {@code data}. */
    public static NDArray of(NDManager manager, double[] data, Shape shape) {
        return filled(manager, shape, data.length, DataType.FLOAT64, b -> b.asDoubleBuffer().put(data),
                m -> m.create(data, shape));
    }

    /** An int32 array of {@code shape} holding a copy of {@code data}. */
    public static NDArray of(NDManager manager, int[] data, Shape shape) {
        return filled(manager, shape, data.length, DataType.INT32, b -> b.asIntBuffer().put(data),
                m -> m.create(data, shape));
    }

    /** A 1-D int32 array holding a copy of {@code data}. */
    public static NDArray of(NDManager manager, int[] data) {
        return of(manager, data, new Shape(data.length));
    }

    /** An int64 array of {@code shape} holding a copy of {@code data}. */
    public static NDArray of(NDManager manager, long[] data, Shape shape) {
        return filled(manager, shape, data.length, DataType.INT64, b -> b.asLongBuffer().put(data),
                m -> m.create(data, shape));
    }

    /** A 1-D int64 array holding a copy of {@code data}. */
    public static NDArray of(NDManager manager, long[] data) {
        return of(manager, data, new Shape(data.length));
    }

    /**
     * Overwrites {@code target}'s elements with {@code source}'s, in place: the target keeps its
     * own storage, its gradient flag and every reference to it. Shapes must be equal.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static void copyInto(NDArray target, NDArray source) {
        if (!target.getShape().equals(source.getShape())) {
            throw new IllegalArgumentException("cannot copy " + source.getShape() + " into " + target.getShape());
        }
        // an in-place write to a leaf that requires grad is only allowed with recording off
        try (NoGrad off = NoGrad.enter()) {
            target.set(new NDIndex("..."), source);
        }
    }

    /** {@code x · s}. */
    public static NDArray mul(NDArray x, double s) {
        return withScalar(x, s, NDArray::mul);
    }

    /** {@code x / s}. */
    public static NDArray div(NDArray x, double s) {
        return withScalar(x, s, NDArray::div);
    }

    /** {@code x + s}. */
    public static NDArray add(NDArray x, double s) {
        return withScalar(x, s, NDArray::add);
    }

    /** {@code x − s}. */
    public static NDArray sub(NDArray x, double s) {
        return withScalar(x, s, NDArray::sub);
    }

    /** {@code x ^ s}. */
    public static NDArray pow(NDArray x, double s) {
        return withScalar(x, s, NDArray::pow);
    }

    /**
     * {@code x} clamped to {@code [lo, hi]}, with {@code torch.clamp}'s gradient: 1 where
     * {@code lo <= x <= hi}, 0 outside.
     */
    public static NDArray clip(NDArray x, double lo, double hi) {
        try (NDArray low = scalar(x, lo); NDArray high = scalar(x, hi);
                NDArray below = x.lt(low); NDArray above = x.gt(high)) {
            return NDArrays.where(below, low.broadcast(x.getShape()),
                    NDArrays.where(above, high.broadcast(x.getShape()), x));
        }
    }

    /** A 0-d array of {@code x}'s type holding {@code value}, in memory PyTorch owns. */
    private static NDArray scalar(NDArray x, double value) {
        return x.getManager().full(new Shape(), (float) value, x.getDataType());
    }

    private static NDArray withScalar(NDArray x, double s, BinaryOperator<NDArray> op) {
        try (NDArray scalar = scalar(x, s)) {
            return op.apply(x, scalar);
        }
    }

    /**
     * On the CPU: an empty PyTorch array, written through a view of its own memory (one copy, no
     * Java-owned memory at all). Elsewhere: DJL's borrowed array copied to the device, which
     * leaves PyTorch holding its own copy too.
     */
    private static NDArray filled(NDManager manager, Shape shape, int length, DataType type,
                                  Consumer<ByteBuffer> fill, Function<NDManager, NDArray> borrowed) {
        if (shape.size() != length) {
            throw new IllegalArgumentException(length + " values do not fill shape " + shape);
        }
        if (manager.getDevice().getDeviceType().equals(Device.Type.CPU)) {
            NDArray array = manager.create(shape, type);
            if (shape.size() > 0) {
                fill.accept(array.toByteBuffer(true));
            }
            return array;
        }
        try (NDManager host = NDManager.newBaseManager(Devices.host())) {
            NDArray onDevice = borrowed.apply(host).toDevice(manager.getDevice(), true);
            onDevice.attach(manager);
            return onDevice;
        }
    }
}

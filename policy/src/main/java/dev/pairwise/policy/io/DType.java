package dev.pairwise.policy.io;

import ai.djl.ndarray.types.DataType;

import java.util.Arrays;

/**
 * The safetensors element types this project stores. The declaration order follows the
 * reference implementation's {@code Dtype} enum (F16 < BF16 < I32 < F32 < F64 < I64), because its writer
 * sorts tensors by descending dtype and then by name; keeping the same order keeps our files
 * byte-identical to the Python library's.
 */
enum DType {
    F16(2, DataType.FLOAT16),
    BF16(2, DataType.BFLOAT16),
    I32(4, DataType.INT32),
    F32(4, DataType.FLOAT32),
    F64(8, DataType.FLOAT64),
    I64(8, DataType.INT64);

    final int bytes;
    final DataType djl;

    DType(int bytes, DataType djl) {
        this.bytes = bytes;
        this.djl = djl;
    }

    /** The type named {@code name} (for example {@code "F32"}), or an exception listing the supported ones. */
    static DType of(String name) {
        for (DType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported safetensors dtype '" + name + "', supported: "
                + Arrays.toString(values()));
    }

    static DType of(DataType djl) {
        for (DType type : values()) {
            if (type.djl == djl) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported NDArray data type " + djl + ", supported: "
                + Arrays.toString(values()));
    }
}

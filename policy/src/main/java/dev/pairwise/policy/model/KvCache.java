/*
 * Key/value cache for incremental decoding (Vaswani et al. 2017, section 3.2: the keys and
 * values of earlier positions do not change in a causal decoder, so they are kept, not
 * recomputed). Keys are stored after the rotary embedding (Su et al. 2021) is applied.
 *
 * Each layer's keys and values live in one buffer of the full context length, allocated at the
 * first forward and written in place: growing by concatenation copied the whole cache at every
 * step (O(T²) traffic; 15x slower per step at 272 positions in bench/kv-cache). Use it for
 * inference (under NoGrad): gradients do not flow through the in-place writes.
 */
package dev.pairwise.policy.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Per-layer keys and values of the positions already fed to {@link GptModel#forward}, each read
 * as {@code (batch, heads, length, headSize)} from a buffer of {@code capacity} positions. Owns a sub-manager of the manager it was
 * created with; {@link #close()} frees every array it holds.
 *
 * <p>Not thread-safe; one cache belongs to one generation loop.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int capacity;
    private int batch;
    private int length;

    KvCache(NDManager parent, int layers, int batch, int capacity) {
        if (batch <= 0) {
            throw new IllegalArgumentException("batch must be > 0, got " + batch);
        }
        this.manager = parent.newSubManager();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        this.batch = batch;
        this.capacity = capacity;
    }

    /** Number of positions stored (the position the next token will take). */
    public int length() {
        return length;
    }

    /** Rows (sequences) in the cache. */
    public int batch() {
        return batch;
    }

    /** Most positions the model can hold (its context length). */
    public int capacity() {
        return capacity;
    }

    /** Keys of {@code layer}, {@code (batch, heads, length, headSize)}; null before the first forward. */
    public NDArray keys(int layer) {
        return keys[layer] == null ? null : keys[layer].get(manager, filled(length));
    }

    /** Values of {@code layer}, {@code (batch, heads, length, headSize)}; null before the first forward. */
    public NDArray values(int layer) {
        return values[layer] == null ? null : values[layer].get(manager, filled(length));
    }

    /**
     * Keeps the rows {@code rows[0], rows[1], ...} in that order: reorders, drops or repeats
     * sequences (for example {@code [0,0,0,1,1,1]} draws 3 samples from each of 2 prompts after a
     * shared prefill).
     *
     * @throws IllegalArgumentException if a row index is out of range or {@code rows} is empty
     */
    public void selectRows(int[] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        for (int r : rows) {
            if (r < 0 || r >= batch) {
                throw new IllegalArgumentException("row " + r + " out of range [0, " + batch + ")");
            }
        }
        if (length > 0) {
            try (NDManager scratch = manager.newSubManager()) {
                NDArray index = NativeArrays.of(scratch, rows).toType(DataType.INT64, false);
                for (int l = 0; l < keys.length; l++) {
                    keys[l] = replace(keys[l], keys[l].get(index));
                    values[l] = replace(values[l], values[l].get(index));
                }
            }
        }
        batch = rows.length;
    }

    /** Repeats every row {@code times} times in place ({@code [a,b]} becomes {@code [a,a,b,b]} for 2). */
    public void repeatRows(int times) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be > 0, got " + times);
        }
        int[] rows = new int[batch * times];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i / times;
        }
        selectRows(rows);
    }

    /**
     * Writes the keys and values of the {@code t} new positions of {@code layer} after the stored
     * ones and returns all of them, {@code (batch, heads, length + t, headSize)}, as views
     * attached to {@code step} (the caller's per-step manager).
     */
    NDList append(int layer, NDArray newKeys, NDArray newValues, NDManager step) {
        long[] shape = newKeys.getShape().getShape();
        int t = (int) shape[2];
        if (keys[layer] == null) {
            Shape full = new Shape(shape[0], shape[1], capacity, shape[3]);
            keys[layer] = manager.zeros(full, newKeys.getDataType());
            values[layer] = manager.zeros(full, newValues.getDataType());
        }
        NDIndex slot = new NDIndex(":, :, {}:{}", length, length + t);
        keys[layer].set(slot, newKeys);
        values[layer].set(slot, newValues);
        return new NDList(keys[layer].get(step, filled(length + t)), values[layer].get(step, filled(length + t)));
    }

    private static NDIndex filled(int positions) {
        return new NDIndex(":, :, 0:{}", positions);
    }

    /** Advances the length once every layer has stored its keys and values. */
    void advance(int tokens) {
        length += tokens;
    }

    private NDArray replace(NDArray old, NDArray fresh) {
        fresh.attach(manager);
        if (old != null) {
            old.close();
        }
        return fresh;
    }

    /** Frees every stored key and value. */
    @Override
    public void close() {
        manager.close();
    }
}

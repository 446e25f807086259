package dev.pairwise.policy.tokenizer;

import java.util.Arrays;

/**
 * Applies learned BPE merges to one pre-tokenized word (Sennrich et al. 2016, "Neural Machine
 * Translation of Rare Words with Subword Units"): start from the word's bytes and repeatedly merge
 * the adjacent pair with the lowest rank, leftmost first, until no pair has a rank.
 *
 * <p>Like Hugging Face's {@code Word::merge_all}, the symbols form a linked list and candidate
 * pairs sit in a heap keyed by (rank, position), so a word of n bytes costs O(n log n), not the
 * O(n²) of rescanning after each merge (which a 100 kB run of spaces would feel).
 */
final class MergeRules {

    private final int[] byteToId;
    private final PairMap ranks;
    private final int[] mergedId;

    /**
     * @param byteToId id of each single-byte token
     * @param merges   {@code merges[r] = {left, right, result}}: the merge of rank {@code r}
     */
    MergeRules(int[] byteToId, int[][] merges) {
        this.byteToId = byteToId.clone();
        this.ranks = new PairMap(merges.length);
        this.mergedId = new int[merges.length];
        for (int rank = 0; rank < merges.length; rank++) {
            int[] merge = merges[rank];
            if (!ranks.putIfAbsent(merge[0], merge[1], rank)) {
                throw new IllegalArgumentException("merge " + rank + " repeats the pair (" + merge[0] + ", " + merge[1] + ")");
            }
            mergedId[rank] = merge[2];
        }
    }

    /** The token ids of one word given as UTF-8 bytes. */
    int[] apply(byte[] bytes) {
        int n = bytes.length;
        int[] symbol = new int[n];
        int[] next = new int[n];
        int[] prev = new int[n];
        for (int i = 0; i < n; i++) {
            symbol[i] = byteToId[bytes[i] & 0xFF];
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
        }
        long[] heap = new long[Math.max(4, n)];
        int heapSize = 0;
        for (int i = 0; i + 1 < n; i++) {
            int rank = ranks.get(symbol[i], symbol[i + 1], -1);
            if (rank >= 0) {
                heap = ensure(heap, heapSize);
                heapSize = push(heap, heapSize, entry(rank, i));
            }
        }
        int count = n;
        while (heapSize > 0) {
            long top = heap[0];
            heapSize = pop(heap, heapSize);
            int rank = (int) (top >>> 32);
            int left = (int) top;
            int right = next[left];
            // Stale when the left symbol was absorbed (symbol -1) or either side changed since.
            if (symbol[left] < 0 || right < 0 || ranks.get(symbol[left], symbol[right], -1) != rank) {
                continue;
            }
            symbol[left] = mergedId[rank];
            symbol[right] = -1;
            next[left] = next[right];
            if (next[right] >= 0) {
                prev[next[right]] = left;
            }
            count--;
            if (prev[left] >= 0) {
                int r = ranks.get(symbol[prev[left]], symbol[left], -1);
                if (r >= 0) {
                    heap = ensure(heap, heapSize);
                    heapSize = push(heap, heapSize, entry(r, prev[left]));
                }
            }
            if (next[left] >= 0) {
                int r = ranks.get(symbol[left], symbol[next[left]], -1);
                if (r >= 0) {
                    heap = ensure(heap, heapSize);
                    heapSize = push(heap, heapSize, entry(r, left));
                }
            }
        }
        int[] ids = new int[count];
        for (int i = n == 0 ? -1 : 0, k = 0; i >= 0; i = next[i]) {
            ids[k++] = symbol[i];
        }
        return ids;
    }

    int mergeCount() {
        return mergedId.length;
    }

    private static long entry(int rank, int position) {
        return ((long) rank << 32) | position;
    }

    private static long[] ensure(long[] heap, int size) {
        return size < heap.length ? heap : Arrays.copyOf(heap, heap.length * 2);
    }

    private static int push(long[] heap, int size, long value) {
        int i = size;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= value) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = value;
        return size + 1;
    }

    private static int pop(long[] heap, int size) {
        long last = heap[--size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= last) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        if (size > 0) {
            heap[i] = last;
        }
        return size;
    }
}

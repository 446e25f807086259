package dev.pairwise.policy.tokenizer;

/**
 * The encoder's word cache: a fixed-size, direct-mapped, lossy table from a pre-tokenized piece to
 * its ids, looked up by a range of the input text so a hit allocates nothing. Entries are
 * immutable and written with a single reference store, so threads share the table without locks
 * (a race can only lose an entry, which is then recomputed). Memory stays bounded whatever the
 * corpus; frequent words, seen again and again, stay in it.
 */
final class PieceCache {

    private record Entry(String piece, int hash, int[] ids) {
    }

    private final Entry[] slots;
    private final int mask;

    /** @param slotsLog2 the table has {@code 2^slotsLog2} slots */
    PieceCache(int slotsLog2) {
        slots = new Entry[1 << slotsLog2];
        mask = slots.length - 1;
    }

    static int hash(String text, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    /** The cached ids of {@code text[start, end)} whose {@link #hash} is {@code hash}, or null. */
    int[] get(String text, int start, int end, int hash) {
        Entry entry = slots[slot(hash)];
        if (entry != null && entry.hash == hash && entry.piece.length() == end - start
                && text.regionMatches(start, entry.piece, 0, end - start)) {
            return entry.ids;
        }
        return null;
    }

    void put(String piece, int hash, int[] ids) {
        slots[slot(hash)] = new Entry(piece, hash, ids);
    }

    private int slot(int hash) {
        return (hash ^ (hash >>> 16)) * 0x45d9f3b >>> 8 & mask;
    }
}

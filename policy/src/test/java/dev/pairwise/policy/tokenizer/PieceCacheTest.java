package dev.pairwise.policy.tokenizer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PieceCacheTest {

    @Test
    void hit_needs_the_same_characters_and_a_colliding_piece_evicts() {
        PieceCache cache = new PieceCache(0); // one slot: every piece collides
        String text = "say hello, then hello again";
        int hello = PieceCache.hash(text, 4, 9);
        cache.put("hello", hello, new int[] {1, 2});

        assertThat(cache.get(text, 4, 9, hello)).containsExactly(1, 2);
        assertThat(cache.get(text, 16, 21, PieceCache.hash(text, 16, 21))).containsExactly(1, 2);
        assertThat(cache.get(text, 0, 3, PieceCache.hash(text, 0, 3))).isNull();
        assertThat(cache.get(text, 4, 8, PieceCache.hash(text, 4, 8))).isNull();

        cache.put("say", PieceCache.hash("say", 0, 3), new int[] {3});
        assertThat(cache.get(text, 4, 9, hello)).isNull();
        assertThat(PieceCache.hash(text, 4, 9)).isEqualTo("hello".hashCode());
    }
}

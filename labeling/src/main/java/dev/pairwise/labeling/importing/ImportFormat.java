package dev.pairwise.labeling.importing;

/** File formats the importer reads; one JSON object (or CSV record) per line. */
public enum ImportFormat {
    /** {"prompt": "...", "responses": ["...", {"text": "...", "model": "...", "settings": {...}}]} */
    JSONL,
    /** A header with "prompt" and response columns ("response_1", "response_2", ...). */
    CSV,
    /** Anthropic HH-RLHF: {"chosen": "\n\nHuman: ...\n\nAssistant: ...", "rejected": "..."} */
    HH_RLHF,
    /** TRL preference data: {"prompt", "chosen", "rejected"}, optionally "margin" and "group_id". */
    TRL,
    /**
     * Votes of blind A/B battles, as Chatbot Arena records them: {"prompt", "model_a", "model_b",
     * "answer_a", "answer_b", "winner": "a"|"b"|"tie"|"both_bad", "labeler"?}.
     */
    BATTLES;

    /** Whether lines carry pre-judged pairs (stored as judgments) rather than tasks to rank. */
    public boolean prejudged() {
        return this == HH_RLHF || this == TRL || this == BATTLES;
    }
}

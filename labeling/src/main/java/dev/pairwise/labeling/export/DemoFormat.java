package dev.pairwise.labeling.export;

/** Line formats for exported demonstrations (the two SFT layouts TRL reads). */
public enum DemoFormat {
    /** {"prompt": ..., "completion": ...} */
    PROMPT_COMPLETION,
    /** {"messages": [{"role":"user",...},{"role":"assistant",...}]} */
    MESSAGES
}

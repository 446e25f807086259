/**
 * Demo mode: on the embedded default the app seeds one account per role and a demo project with
 * hand-written prompts and responses, so a newcomer sees a working labeling task at once, and a
 * small training corpus of the same texts, so a researcher can start a tokenizer and a pretraining
 * job at once.
 */
@NullMarked
package dev.pairwise.app.demo;

import org.jspecify.annotations.NullMarked;

/**
 * Model connections: OpenAI-compatible chat servers — vLLM, TGI, Ollama,
 * llama.cpp, hosted APIs — as systems the loop can sample from and ask for verdicts.
 *
 * <p>{@link dev.pairwise.app.connections.ModelConnections} stores them (API keys encrypted with
 * AES-GCM under the key of {@link dev.pairwise.app.connections.ConnectionProperties});
 * {@link dev.pairwise.app.connections.ConnectionClient} calls them through LangChain4j's OpenAI
 * module, with this JVM's per-connection caps, retries with backoff, timeouts, streaming and
 * token metering. A connection is app configuration, not labeling data: the labeling domain
 * stores only the name and settings of the system that produced a response.
 */
@NullMarked
package dev.pairwise.app.connections;

import org.jspecify.annotations.NullMarked;

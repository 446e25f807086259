/**
 * Our policy checkpoints served over OpenAI's chat-completions protocol, so
 * that any OpenAI client — the OpenAI SDKs, LangChain4j, Spring AI, or this app's own connections
 * — can use them like any hosted model.
 *
 * <ul>
 *   <li>{@code GET /v1/models}: every BASE, SFT and POLICY checkpoint of the model registry whose
 *       files are present, by its registry name (unique and fixed, so stable across restarts).</li>
 *   <li>{@code POST /v1/chat/completions}: {@code messages} (system/developer, user, assistant;
 *       rendered in the chat template SFT taught), {@code temperature}, {@code top_p},
 *       {@code max_tokens}/{@code max_completion_tokens}, {@code n}, {@code seed} (same seed,
 *       same request, same answer), {@code stop}, {@code stream} (server-sent events ending with
 *       {@code data: [DONE]}, with {@code stream_options.include_usage}).</li>
 * </ul>
 *
 * <p>Who may call it: accounts with the RESEARCHER or ADMIN role, with an API token
 * ({@code Authorization: Bearer pw_...}); labelers get 403, since the models' names are what
 * blind battles hide from them. Errors are OpenAI's {@code {"error":{...}}} (see
 * {@link dev.pairwise.app.openai.OpenAiErrorResolver}), not the problem details of {@code /api}.
 *
 * <p>Generation never runs on a request thread: {@link dev.pairwise.app.openai.GenerationQueue}
 * has {@code pairwise.v1.max-concurrent} workers and room for {@code pairwise.v1.max-queued}
 * waiting requests, and refuses the rest with 429 and {@code Retry-After}. Loaded checkpoints are
 * kept in a bounded cache ({@link dev.pairwise.app.openai.LoadedModels}) and freed when dropped
 * and unused.
 */
@NullMarked
package dev.pairwise.app.openai;

import org.jspecify.annotations.NullMarked;

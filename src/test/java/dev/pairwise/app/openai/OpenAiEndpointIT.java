package dev.pairwise.app.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.registry.CheckpointKind;
import dev.pairwise.formats.Speaker;
import dev.pairwise.policy.data.pairs.Turn;
import dev.pairwise.policy.sample.FinishReason;
import dev.pairwise.policy.sample.Sample;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1} over real HTTP against two real checkpoints: the OpenAI schema, answers equal to
 * what the sampler draws for the same seed (computed here without the server), streaming that
 * adds up to the whole answer, n, stop, max_tokens, the error shape and statuses, tokens and
 * roles, a full queue, and a model evicted while it is still generating.
 */
class OpenAiEndpointIT extends V1AppTest {

    private static final List<Turn> ONE_TURN = Turn.user(TinyChatCheckpoints.prompt(0));

    /** A seed whose free answer (temperature 1, 30 tokens) has at least {@code chars} characters before its end. */
    private static long seedWithAnswerOf(Path checkpoint, int chars) {
        for (long seed = 0; seed < 200; seed++) {
            Sample s = TinyChatCheckpoints.reference(checkpoint, ONE_TURN, 1, 1.0, 30, seed).getFirst();
            if (s.text().length() >= chars) {
                return seed;
            }
        }
        throw new AssertionError("no seed below 200 gives an answer of " + chars + " characters");
    }

    @Test
    void models_lists_every_servable_checkpoint_by_its_registry_name() throws Exception {
        Path noFiles = Files.createTempDirectory("v1-gone");
        register("tiny-files-gone", CheckpointKind.SFT, noFiles);
        register("tiny-tokenizer", CheckpointKind.TOKENIZER, TinyChatCheckpoints.tenSteps());

        HttpResponse<String> r = get("/v1/models", researcher);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(r.body());
        assertThat(list.get("object").stringValue()).isEqualTo("list");
        Map<String, JsonNode> byId = new HashMap<>();
        list.get("data").forEach(m -> byId.put(m.get("id").stringValue(), m));
        assertThat(byId).containsKeys(FIVE, TEN).doesNotContainKeys("tiny-files-gone", "tiny-tokenizer");
        JsonNode ten = byId.get(TEN);
        assertThat(ten.get("object").stringValue()).isEqualTo("model");
        assertThat(ten.get("owned_by").stringValue()).isEqualTo("pairwise");
        assertThat(ten.get("created").longValue())
                .isEqualTo(registry.findByName(TEN).orElseThrow().createdAt().getEpochSecond());
        assertThat(JSON.readTree(get("/v1/models/" + TEN, admin).body()).get("id").stringValue()).isEqualTo(TEN);
        assertThat(get("/v1/models/tiny-tokenizer", admin).statusCode()).isEqualTo(404);
    }

    @Test
    void a_completion_is_what_the_sampler_draws_for_that_seed_in_the_openai_schema() throws Exception {
        List<Turn> turns = List.of(new Turn(Speaker.SYSTEM, "add"), new Turn(Speaker.USER, TinyChatCheckpoints.prompt(1)));
        String body = "{\"model\":\"" + TEN + "\",\"messages\":[{\"role\":\"system\",\"content\":\"add\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
                + JSON.writeValueAsString(TinyChatCheckpoints.prompt(1)) + "}]}],"
                + "\"temperature\":0.8,\"seed\":7,\"max_tokens\":20}";
        JsonNode answer = complete(body);

        Sample expected = TinyChatCheckpoints.reference(TinyChatCheckpoints.tenSteps(), turns, 1, 0.8, 20, 7).getFirst();
        assertThat(answer.get("id").stringValue()).startsWith("chatcmpl-");
        assertThat(answer.get("object").stringValue()).isEqualTo("chat.completion");
        assertThat(answer.get("model").stringValue()).isEqualTo(TEN);
        assertThat(answer.get("created").longValue()).isPositive();
        JsonNode choice = answer.get("choices").get(0);
        assertThat(answer.get("choices")).hasSize(1);
        assertThat(choice.get("index").intValue()).isZero();
        assertThat(choice.get("message").get("role").stringValue()).isEqualTo("assistant");
        assertThat(choice.get("message").get("content").stringValue()).isEqualTo(expected.text());
        assertThat(choice.get("finish_reason").stringValue()).isEqualTo(expected.finishReason().label());
        int promptTokens = TinyChatCheckpoints.promptTokens(TinyChatCheckpoints.tenSteps(), turns);
        JsonNode usage = answer.get("usage");
        assertThat(usage.get("prompt_tokens").intValue()).isEqualTo(promptTokens);
        assertThat(usage.get("completion_tokens").intValue()).isEqualTo(expected.tokenCount());
        assertThat(usage.get("total_tokens").intValue()).isEqualTo(promptTokens + expected.tokenCount());

        JsonNode again = complete(body);
        assertThat(again.get("choices")).isEqualTo(answer.get("choices"));
        assertThat(again.get("usage")).isEqualTo(usage);
        assertThat(again.get("id")).isNotEqualTo(answer.get("id"));
    }

    @Test
    void a_streamed_completion_is_the_same_answer_in_chunks_ending_with_done() throws Exception {
        long seed = seedWithAnswerOf(TinyChatCheckpoints.tenSteps(), 2);
        String prompt = TinyChatCheckpoints.prompt(0);
        JsonNode whole = complete(body(TEN, prompt, "\"seed\":" + seed + ",\"max_tokens\":30"));
        HttpResponse<String> r = chat(body(TEN, prompt, "\"seed\":" + seed + ",\"max_tokens\":30,\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}"), researcher);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<String> events = events(r.body());
        assertThat(events.getLast()).isEqualTo("[DONE]");
        List<JsonNode> chunks = events.subList(0, events.size() - 1).stream().map(JSON::readTree).toList();
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.get("object").stringValue()).isEqualTo("chat.completion.chunk");
            assertThat(c.get("id").stringValue()).isEqualTo(chunks.getFirst().get("id").stringValue()).startsWith("chatcmpl-");
            assertThat(c.get("model").stringValue()).isEqualTo(TEN);
        });
        assertThat(chunks.getFirst().get("choices").get(0).get("delta").get("role").stringValue()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        String finish = null;
        int contentChunks = 0;
        for (JsonNode c : chunks.subList(0, chunks.size() - 1)) {
            JsonNode choice = c.get("choices").get(0);
            assertThat(finish).as("nothing after the finish reason").isNull();
            if (choice.get("delta").has("content") && !choice.get("delta").get("content").stringValue().isEmpty()) {
                text.append(choice.get("delta").get("content").stringValue());
                contentChunks++;
            }
            if (!choice.get("finish_reason").isNull()) {
                finish = choice.get("finish_reason").stringValue();
            }
        }
        JsonNode wholeChoice = whole.get("choices").get(0);
        assertThat(text.toString()).isEqualTo(wholeChoice.get("message").get("content").stringValue());
        int tokens = whole.get("usage").get("completion_tokens").intValue();
        int stopToken = wholeChoice.get("finish_reason").stringValue().equals("stop") ? 1 : 0;
        assertThat(contentChunks).as("one chunk per token as it is drawn, not one at the end").isEqualTo(tokens - stopToken);
        assertThat(finish).isEqualTo(wholeChoice.get("finish_reason").stringValue());
        JsonNode usageChunk = chunks.getLast();
        assertThat(usageChunk.get("choices")).isEmpty();
        assertThat(usageChunk.get("usage")).isEqualTo(whole.get("usage"));
    }

    @Test
    void n_choices_are_the_samplers_samples_whole_and_streamed() throws Exception {
        String prompt = TinyChatCheckpoints.prompt(2);
        JsonNode answer = complete(body(FIVE, prompt, "\"n\":3,\"seed\":21,\"temperature\":1.2,\"max_tokens\":12"));
        List<Sample> expected = TinyChatCheckpoints.reference(TinyChatCheckpoints.fiveSteps(), Turn.user(prompt), 3,
                1.2, 12, 21);
        assertThat(answer.get("choices")).hasSize(3);
        int tokens = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode choice = answer.get("choices").get(i);
            assertThat(choice.get("index").intValue()).isEqualTo(i);
            assertThat(choice.get("message").get("content").stringValue()).isEqualTo(expected.get(i).text());
            assertThat(choice.get("finish_reason").stringValue()).isEqualTo(expected.get(i).finishReason().label());
            tokens += expected.get(i).tokenCount();
        }
        assertThat(answer.get("usage").get("completion_tokens").intValue()).isEqualTo(tokens);

        HttpResponse<String> r = chat(body(FIVE, prompt, "\"n\":3,\"seed\":21,\"temperature\":1.2,\"max_tokens\":12,"
                + "\"stream\":true"), researcher);
        Map<Integer, StringBuilder> texts = new LinkedHashMap<>();
        Map<Integer, String> finishes = new HashMap<>();
        for (String e : events(r.body())) {
            if (e.equals("[DONE]")) {
                continue;
            }
            JsonNode chunk = JSON.readTree(e);
            assertThat(chunk.has("usage")).as("no usage unless asked").isFalse();
            for (JsonNode c : chunk.get("choices")) {
                int i = c.get("index").intValue();
                texts.computeIfAbsent(i, x -> new StringBuilder());
                if (c.get("delta").has("content")) {
                    texts.get(i).append(c.get("delta").get("content").stringValue());
                }
                if (!c.get("finish_reason").isNull()) {
                    finishes.put(i, c.get("finish_reason").stringValue());
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            assertThat(texts.get(i).toString()).isEqualTo(expected.get(i).text());
            assertThat(finishes.get(i)).isEqualTo(expected.get(i).finishReason().label());
        }
    }

    @Test
    void a_stop_string_ends_the_answer_before_it_whole_and_streamed() throws Exception {
        long seed = seedWithAnswerOf(TinyChatCheckpoints.tenSteps(), 3);
        String free = TinyChatCheckpoints.reference(TinyChatCheckpoints.tenSteps(), ONE_TURN, 1, 1.0, 30, seed)
                .getFirst().text();
        String stop = free.substring(1, 3); // two characters, so it spans two tokens of this char-level model
        String expected = free.substring(0, free.indexOf(stop));
        String extra = "\"seed\":" + seed + ",\"max_tokens\":30,\"stop\":[\"never here\"," + JSON.writeValueAsString(stop) + "]";

        JsonNode answer = complete(body(TEN, TinyChatCheckpoints.prompt(0), extra));
        assertThat(answer.get("choices").get(0).get("message").get("content").stringValue()).isEqualTo(expected);
        assertThat(answer.get("choices").get(0).get("finish_reason").stringValue()).isEqualTo("stop");

        StringBuilder streamed = new StringBuilder();
        String finish = null;
        for (String e : events(chat(body(TEN, TinyChatCheckpoints.prompt(0), extra + ",\"stream\":true"), researcher).body())) {
            if (!e.equals("[DONE]")) {
                JsonNode c = JSON.readTree(e).get("choices").get(0);
                if (c.get("delta").has("content")) {
                    streamed.append(c.get("delta").get("content").stringValue());
                }
                if (!c.get("finish_reason").isNull()) {
                    finish = c.get("finish_reason").stringValue();
                }
            }
        }
        assertThat(streamed.toString()).isEqualTo(expected);
        assertThat(finish).isEqualTo("stop");

        JsonNode single = complete(body(TEN, TinyChatCheckpoints.prompt(0), "\"seed\":" + seed
                + ",\"max_tokens\":30,\"stop\":" + JSON.writeValueAsString(free.substring(0, 1))));
        assertThat(single.get("choices").get(0).get("message").get("content").stringValue()).isEmpty();
    }

    @Test
    void max_tokens_cuts_the_answer_with_finish_reason_length() throws Exception {
        long seed = seedWithAnswerOf(TinyChatCheckpoints.tenSteps(), 3);
        Sample cut = TinyChatCheckpoints.reference(TinyChatCheckpoints.tenSteps(), ONE_TURN, 1, 1.0, 2, seed).getFirst();
        assertThat(cut.finishReason()).as("the answer goes on past 2 tokens").isEqualTo(FinishReason.LENGTH);
        JsonNode answer = complete(body(TEN, TinyChatCheckpoints.prompt(0), "\"seed\":" + seed + ",\"max_tokens\":2"));
        JsonNode choice = answer.get("choices").get(0);
        assertThat(choice.get("finish_reason").stringValue()).isEqualTo("length");
        assertThat(choice.get("message").get("content").stringValue()).isEqualTo(cut.text()).isNotEmpty();
        assertThat(answer.get("usage").get("completion_tokens").intValue()).isEqualTo(2);
        JsonNode newName = complete(body(TEN, TinyChatCheckpoints.prompt(0), "\"seed\":" + seed
                + ",\"max_completion_tokens\":2"));
        assertThat(newName.get("choices")).isEqualTo(answer.get("choices"));
    }

    private void assertError(HttpResponse<String> r, int status, String type, String param, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error).as(r.body()).isNotNull();
        assertThat(JSON.readTree(r.body()).propertyNames()).containsExactly("error");
        assertThat(error.propertyNames()).containsExactlyInAnyOrder("message", "type", "param", "code");
        assertThat(error.get("message").stringValue()).isNotBlank().doesNotContain("Exception");
        assertThat(error.get("type").stringValue()).isEqualTo(type);
        if (param == null) {
            assertThat(error.get("param").isNull()).isTrue();
        } else {
            assertThat(error.get("param").stringValue()).isEqualTo(param);
        }
        if (code == null) {
            assertThat(error.get("code").isNull()).isTrue();
        } else {
            assertThat(error.get("code").stringValue()).isEqualTo(code);
        }
    }

    @Test
    void bad_requests_get_the_openai_error_shape_naming_the_parameter() throws Exception {
        String p = TinyChatCheckpoints.prompt(0);
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", new String[] {"model", "missing_required_parameter"});
        cases.put("{\"model\":\"" + TEN + "\"}", new String[] {"messages", "missing_required_parameter"});
        cases.put("{\"model\":\"" + TEN + "\",\"messages\":[]}", new String[] {"messages", "invalid_value"});
        cases.put("{\"model\":\"" + TEN + "\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}",
                new String[] {"messages[0].role", "invalid_value"});
        cases.put("{\"model\":\"" + TEN + "\",\"messages\":[{\"role\":\"user\"}]}",
                new String[] {"messages[0].content", "missing_required_parameter"});
        cases.put("{\"model\":\"" + TEN + "\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\"}]}]}",
                new String[] {"messages[0].content[0].type", "invalid_value"});
        cases.put(body(TEN, p, "\"temperature\":2.5"), new String[] {"temperature", "invalid_value"});
        cases.put(body(TEN, p, "\"temperature\":\"hot\""), new String[] {"temperature", "invalid_type"});
        cases.put(body(TEN, p, "\"top_p\":1.5"), new String[] {"top_p", "invalid_value"});
        cases.put(body(TEN, p, "\"n\":0"), new String[] {"n", "invalid_value"});
        cases.put(body(TEN, p, "\"n\":99"), new String[] {"n", "invalid_value"});
        cases.put(body(TEN, p, "\"max_tokens\":0"), new String[] {"max_tokens", "invalid_value"});
        cases.put(body(TEN, p, "\"max_tokens\":1.5"), new String[] {"max_tokens", "invalid_type"});
        cases.put(body(TEN, p, "\"seed\":\"x\""), new String[] {"seed", "invalid_type"});
        cases.put(body(TEN, p, "\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]"), new String[] {"stop", "invalid_value"});
        cases.put(body(TEN, p, "\"stop\":[1]"), new String[] {"stop[0]", "invalid_type"});
        cases.put(body(TEN, p, "\"stream\":\"yes\""), new String[] {"stream", "invalid_type"});
        cases.put(body(TEN, p, "\"tools\":[{\"type\":\"function\"}]"), new String[] {"tools", "invalid_value"});
        cases.put(body(TEN, p, "\"logprobs\":true"), new String[] {"logprobs", "invalid_value"});
        cases.put(body(TEN, p, "\"frequency_penalty\":0.5"), new String[] {"frequency_penalty", "invalid_value"});
        cases.put(body(TEN, p, "\"response_format\":{\"type\":\"json_object\"}"),
                new String[] {"response_format.type", "invalid_value"});
        cases.put(body(TEN, p.repeat(10), ""), new String[] {"messages", "context_length_exceeded"});
        for (var c : cases.entrySet()) {
            assertError(chat(c.getKey(), researcher), 400, "invalid_request_error", c.getValue()[0], c.getValue()[1]);
        }
        assertError(chat("{\"model\": ", researcher), 400, "invalid_request_error", null, null);
        assertError(chat("", researcher), 400, "invalid_request_error", null, null);
        assertError(chat("[1]", researcher), 400, "invalid_request_error", null, "invalid_type");
        assertError(chat(body("no-such-model", p, ""), researcher), 404, "invalid_request_error", "model",
                "model_not_found");
        register("tiny-tokenizer", CheckpointKind.TOKENIZER, TinyChatCheckpoints.tenSteps());
        assertError(chat(body("tiny-tokenizer", p, ""), researcher), 404, "invalid_request_error", "model",
                "model_not_found");
        assertError(chat(body(TEN, "x".repeat(70_000), ""), researcher), 413, "invalid_request_error", null,
                "request_too_large");

        HttpResponse<String> wrongMethod = get("/v1/chat/completions", researcher);
        assertError(wrongMethod, 405, "invalid_request_error", null, null);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertError(get("/v1/nothing-here", researcher), 404, "invalid_request_error", null, null);
    }

    @Test
    void without_a_valid_token_the_answer_is_401_and_labelers_get_403() throws Exception {
        String ok = body(TEN, TinyChatCheckpoints.prompt(0), "\"max_tokens\":2");
        HttpResponse<String> none = chat(ok, null);
        assertError(none, 401, "invalid_request_error", null, "missing_api_key");
        assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertError(get("/v1/models", null), 401, "invalid_request_error", null, "missing_api_key");
        assertError(chat(ok, "pw_not-a-token"), 401, "invalid_request_error", null, "invalid_api_key");
        HttpResponse<String> basic = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/models"))
                .header("Authorization", "Basic YWRtaW46YWRtaW4=").build(), HttpResponse.BodyHandlers.ofString());
        assertError(basic, 401, "invalid_request_error", null, "missing_api_key");
        assertError(chat(ok, labeler), 403, "invalid_request_error", null, "insufficient_permissions");
        assertError(get("/v1/models", labeler), 403, "invalid_request_error", null, "insufficient_permissions");
        assertThat(get("/v1/models", admin).statusCode()).isEqualTo(200);
        assertThat(chat(ok, admin).statusCode()).isEqualTo(200);
        assertThat(chat(ok, researcher).statusCode()).isEqualTo(200);
    }

    @Test
    void a_full_queue_answers_429_with_retry_after_instead_of_piling_up() throws Exception {
        // One generator and one waiting place: of eight requests at once, at most two are taken.
        String slow = body(TEN, TinyChatCheckpoints.prompt(0), "\"n\":8,\"temperature\":2.0");
        List<HttpResponse<String>> refused = new ArrayList<>();
        int answered = 0;
        for (int burst = 0; burst < 5 && refused.isEmpty(); burst++) {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(HTTP.sendAsync(chatRequest(slow, researcher), HttpResponse.BodyHandlers.ofString()));
            }
            for (var call : calls) {
                HttpResponse<String> r = call.get();
                assertThat(r.statusCode()).as(r.body()).isIn(200, 429);
                if (r.statusCode() == 429) {
                    refused.add(r);
                } else {
                    answered++;
                    assertThat(JSON.readTree(r.body()).get("choices")).hasSize(8);
                }
            }
        }
        assertThat(refused).as("a burst of 8 met a full queue").isNotEmpty();
        assertThat(answered).isPositive();
        for (HttpResponse<String> r : refused) {
            assertError(r, 429, "rate_limit_error", null, "rate_limit_exceeded");
            assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        }
        assertThat(chat(body(TEN, TinyChatCheckpoints.prompt(0), "\"max_tokens\":2"), researcher).statusCode())
                .as("free again once the burst is over").isEqualTo(200);
    }

    @Test
    void a_model_dropped_from_the_cache_while_generating_still_finishes_its_answer() throws Exception {
        // One model loaded at a time: the second request loads FIVE, dropping TEN while TEN's
        // request may still be generating; both answers must be whole and right.
        String prompt = TinyChatCheckpoints.prompt(3);
        String ten = body(TEN, prompt, "\"n\":8,\"seed\":5,\"max_tokens\":25");
        String five = body(FIVE, prompt, "\"n\":8,\"seed\":6,\"max_tokens\":25");
        for (int round = 0; round < 3; round++) {
            var a = HTTP.sendAsync(chatRequest(ten, researcher), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(5);
            var b = HTTP.sendAsync(chatRequest(five, researcher), HttpResponse.BodyHandlers.ofString());
            checkAll(a.get(), TinyChatCheckpoints.tenSteps(), prompt, 5);
            checkAll(b.get(), TinyChatCheckpoints.fiveSteps(), prompt, 6);
        }
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("pairwise_v1_loaded_models 1.0");
    }

    private static void checkAll(HttpResponse<String> r, Path checkpoint, String prompt, long seed) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<Sample> expected = TinyChatCheckpoints.reference(checkpoint, Turn.user(prompt), 8, 1.0, 25, seed);
        JsonNode choices = JSON.readTree(r.body()).get("choices");
        for (int i = 0; i < 8; i++) {
            assertThat(choices.get(i).get("message").get("content").stringValue()).isEqualTo(expected.get(i).text());
        }
    }
}

package dev.pairwise.app.demo;

import java.util.List;

/**
 * One prompt of the demo project with its four hand-written responses, in the order written
 * (the labeling screen shuffles them). {@code kind} is coding, advice, facts or creative.
 */
record DemoPrompt(String kind, String prompt, List<String> responses) {

    DemoPrompt {
        if (responses.size() != 4) {
            throw new IllegalArgumentException("Demo prompts carry 4 responses: " + prompt);
        }
    }

    static DemoPrompt of(String kind, String prompt, String... responses) {
        return new DemoPrompt(kind, prompt.strip(), List.of(responses).stream().map(String::strip).toList());
    }
}

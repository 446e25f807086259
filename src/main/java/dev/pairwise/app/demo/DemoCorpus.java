package dev.pairwise.app.demo;

import dev.pairwise.app.corpora.CorpusStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In demo mode, stores a small training corpus ({@value #NAME}: the demo prompts and every
 * response as dialogues, about 25 KB) so that a researcher on a fresh checkout can run a tokenizer
 * and a tiny pretraining job at once instead of first finding a text file to upload. Kept once; a
 * researcher's own upload of the same name replaces it.
 */
@Component
@Order(40)
class DemoCorpus implements ApplicationRunner {

    static final String NAME = "demo-corpus.txt";

    private static final Logger log = LoggerFactory.getLogger(DemoCorpus.class);

    private final CorpusStore corpora;
    private final DemoProperties demo;

    DemoCorpus(CorpusStore corpora, DemoProperties demo) {
        this.corpora = corpora;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || corpora.list().stream().anyMatch(c -> c.name().equals(NAME))) {
            return;
        }
        byte[] text = text().getBytes(StandardCharsets.UTF_8);
        corpora.save(NAME, new ByteArrayInputStream(text));
        log.info("Demo mode: stored the training corpus '{}' ({} bytes)", NAME, text.length);
    }

    /** Each demo prompt with each of its responses as a user/assistant exchange. */
    static String text() {
        StringBuilder sb = new StringBuilder();
        for (DemoPrompt p : DemoProject.prompts()) {
            for (String response : p.responses()) {
                sb.append("User: ").append(p.prompt()).append("\nAssistant: ").append(response).append("\n\n");
            }
        }
        return sb.toString();
    }
}

package dev.pairwise.app.demo;

/** The demo project's labeling guidelines, after the InstructGPT criteria: helpful, truthful, harmless. */
final class DemoGuidelines {

    private DemoGuidelines() {
    }

    static final String MARKDOWN = """
            ## What you are doing

            For each prompt you see several responses. **Rank them from best to worst.** Your
            rankings teach a reward model what people prefer, and the language model is then
            trained to write answers that rank higher.

            ## What makes a response better

            1. **Helpful** — it does what the user asked, in the form asked for (a haiku is
               three lines; "two sentences" means two). It is clear and as long as it needs to be.
            2. **Truthful** — no invented facts, no wrong code presented as right. A confident
               falsehood is worse than a short, correct answer.
            3. **Harmless** — no dangerous advice, no insults, no personal data.

            When these conflict, prefer truthful and harmless over helpful.

            ## Ties

            Put two responses in the **same tier** when you honestly cannot prefer one over the
            other. Do not use ties to go faster: a tie tells the model nothing.

            ## Ratings and flags

            Optionally give each response a score from 1 (terrible) to 7 (excellent), and mark
            any problem you see: fails to follow the instruction, untruthful, harmful,
            inappropriate, contains personal data, low quality or spam.

            ## When every response is bad

            Tick **All responses are bad** and write a better answer yourself. It is stored as a
            demonstration for supervised fine-tuning and ranked above every response shown.

            ## Keyboard

            Press the numbers of the responses from best to worst (**1–9**): each goes below
            the ones already ranked. **t** ties the selected response with the tier above, **u**
            unties it, **↑/↓** (or **k/j**) move it, **0** un-ranks it. **Ctrl+Enter** submits,
            **s** skips. Example: `2 1 t 4 3` ranks 2 and 1 tied first, then 4, then 3.
            """;
}

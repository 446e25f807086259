package dev.pairwise.app.demo;

import java.util.List;

/**
 * Factual prompts of the demo project. Each has one confident but false response (a
 * hallucination to flag) next to correct ones of different depth.
 */
final class DemoFactsPrompts {

    private DemoFactsPrompts() {
    }

    static List<DemoPrompt> all() {
        return List.of(blueSky(), seasons(), lovelace());
    }

    private static DemoPrompt blueSky() {
        return DemoPrompt.of("facts", """
                Why is the sky blue?
                """, """
                Sunlight contains all colours. When it passes through the air, it bumps into nitrogen \
                and oxygen molecules, which are much smaller than the light's wavelength. They scatter \
                short wavelengths far more than long ones — about 1/λ⁴, so blue light is scattered \
                roughly five times more than red. This is **Rayleigh scattering**.

                Scattered blue light reaches your eyes from every direction of the sky, so the sky \
                looks blue. Violet scatters even more, but sunlight contains less of it and our eyes \
                are less sensitive to it. At sunset, light crosses much more air, most of the blue is \
                scattered away before it reaches you, and the reds and oranges remain.
                """, """
                The sky is blue because it reflects the colour of the oceans, which cover 71% of the \
                Earth's surface.
                """, """
                Because of Rayleigh scattering: air molecules scatter blue light more than red light.
                """, """
                The sky is blue because of the way light works. Light is made of colours, and blue is \
                one of them, so we see blue in the sky during the day, and at night it is dark because \
                there is no light.
                """);
    }

    private static DemoPrompt seasons() {
        return DemoPrompt.of("facts", """
                What causes the seasons on Earth?
                """, """
                Seasons happen because the Earth is closer to the Sun in summer and farther away in \
                winter.
                """, """
                The Earth's axis is tilted by about 23.4° relative to its orbit. As the Earth goes \
                around the Sun, first one hemisphere and then the other leans towards it:

                - The hemisphere tilted **towards** the Sun gets sunlight at a steeper angle (more \
                energy per square metre) and longer days: summer.
                - The other gets slanted light and short days: winter.

                Distance is not the reason: the Earth is actually *closest* to the Sun in early \
                January, during the northern winter. That is also why the seasons are opposite in the \
                two hemispheres.
                """, """
                The tilt of the Earth's axis. It makes each hemisphere get more direct sunlight for \
                part of the year.
                """, """
                Seasons are caused by the Moon's gravity pulling the atmosphere closer to the Sun for \
                half of the year, which warms it.
                """);
    }

    private static DemoPrompt lovelace() {
        return DemoPrompt.of("facts", """
                Who was Ada Lovelace, and why is she famous?
                """, """
                Ada Lovelace (1815–1852) was an English mathematician, the daughter of the poet Lord \
                Byron. She is famous for her work on Charles Babbage's proposed **Analytical Engine**, \
                a mechanical general-purpose computer that was never built.

                In 1843 she translated an article about the engine and added her own *Notes*, three \
                times longer than the article. Note G describes a step-by-step method for the engine \
                to compute Bernoulli numbers — often called the first published computer program. \
                She also saw that such a machine could manipulate symbols of any kind, such as music, \
                not only numbers. The programming language **Ada** is named after her.
                """, """
                Ada Lovelace was an American engineer who built the first electronic computer, ENIAC, \
                in 1946, and invented the first compiler.
                """, """
                She was a 19th-century mathematician who wrote what is considered the first computer \
                program, for Charles Babbage's Analytical Engine.
                """, """
                Ada Lovelace was a famous person from history who was good at mathematics. Many \
                people admire her today.
                """);
    }
}

package dev.pairwise.app.demo;

import java.util.List;

/** Creative prompts of the demo project: following the form asked for matters as much as flair. */
final class DemoCreativePrompts {

    private DemoCreativePrompts() {
    }

    static List<DemoPrompt> all() {
        return List.of(haiku(), horror(), cafe(), recursion());
    }

    private static DemoPrompt haiku() {
        return DemoPrompt.of("creative", """
                Write a haiku about debugging code late at night.
                """, """
                Midnight, screen aglow —
                one missing semicolon
                hides from tired eyes.
                """, """
                Debugging is hard
                especially late at night
                when you are tired and you want to sleep but the bug is still there
                """, """
                Cold coffee, warm fan,
                the stack trace scrolls like a scroll —
                found it. Line forty.
                """, """
                Here is a limerick about debugging:

                There once was a coder named Lee,
                whose program was riddled with bugs, you see...
                """);
    }

    private static DemoPrompt horror() {
        return DemoPrompt.of("creative", """
                Write a two-sentence horror story set in a library.
                """, """
                I found a book with my name on the spine, and every page described my day in perfect \
                detail. The last page was dated tomorrow, and it was blank.
                """, """
                The librarian shushed me, though I was alone in the reading room. Then, from the stacks \
                behind me, something shushed her back.
                """, """
                It was a dark and stormy night at the library. The books were scary.
                """, """
                Once upon a time there was a library in a small town. Every day, people came to borrow \
                books. One day a new librarian arrived. She was very strict. The children were afraid \
                of her. But then they found out she was kind. The end.
                """);
    }

    private static DemoPrompt cafe() {
        return DemoPrompt.of("creative", """
                Suggest a name and a one-line pitch for a café that is also a bicycle repair shop.
                """, """
                **Spoke & Steam** — "Espresso while we true your wheels: come in with a flat, leave \
                with a flat white."
                """, """
                Name: Bike Café. Pitch: A café where you can also repair bikes.
                """, """
                **The Chain Reaction** — "Fresh coffee, fresh chains: your bike gets a tune-up while \
                you get a pick-me-up."
                """, """
                Here are 25 names: Bike Brew, Cycle Cup, Pedal Café, Wheelie Good Coffee, Gear Grind, \
                Bean & Bike, Saddle Sip, Cog Coffee, Crank Café, Tyre Tea, Brake Bakery, Pedal Pot, \
                Velo Latte, Roll & Roast, Bike Bistro, Frame Café, Spoke Sips, Handlebar House, \
                Derailleur Diner, Chain Chai, Pump Perk, Ride Roast, Sprocket Shots, Tube Tea, Cycle Sip.
                """);
    }

    private static DemoPrompt recursion() {
        return DemoPrompt.of("creative", """
                Explain recursion to a ten-year-old.
                """, """
                Recursion is when a function calls itself. For example:

                ```python
                def f(n):
                    return 1 if n == 0 else n * f(n - 1)
                ```

                This computes the factorial, n!, in O(n) time with O(n) stack frames.
                """, """
                Imagine you are standing at the back of a long line for ice cream and you want to know \
                what number you are. You can't see the front, so you tap the person ahead of you and \
                ask, "What number are you?" They don't know either, so they ask the person ahead of \
                *them*, and so on.

                The first person in line says, "I'm number 1!" — that's the **stopping point**. Then \
                each person adds one and passes the answer back: "I'm 2", "I'm 3"… until it reaches \
                you.

                That's recursion: solving a big problem by asking a slightly smaller version of the \
                same question, until you reach one so small the answer is obvious.
                """, """
                Recursion is like Russian nesting dolls: you open a doll and find a smaller doll \
                inside, and you keep opening until you reach the tiniest one, which doesn't open. \
                Recursive problems work the same way — each step is a smaller copy of the last, until \
                you reach the simplest one.
                """, """
                Recursion means doing something again and again forever, like a loop that never stops. \
                That's why computers sometimes freeze.
                """);
    }
}

package dev.pairwise.app.demo;

import java.util.List;

/**
 * Coding prompts of the demo project. In each, one response is clearly best (correct, tested,
 * explained), one is correct but thin, one is subtly wrong and one misses the point, so a new
 * labeler sees at once what ranking means.
 */
final class DemoCodingPrompts {

    private DemoCodingPrompts() {
    }

    static List<DemoPrompt> all() {
        return List.of(palindrome(), javaEquals(), topCustomers());
    }

    private static DemoPrompt palindrome() {
        return DemoPrompt.of("coding", """
                Write a Python function that checks whether a string is a palindrome, ignoring case, \
                spaces and punctuation.
                """, """
                Here is a version that keeps only letters and digits, then compares the string with its reverse:

                ```python
                def is_palindrome(text: str) -> bool:
                    \"\"\"True if text reads the same backwards, ignoring case and non-alphanumerics.\"\"\"
                    cleaned = [ch.casefold() for ch in text if ch.isalnum()]
                    return cleaned == cleaned[::-1]


                assert is_palindrome("A man, a plan, a canal: Panama")
                assert is_palindrome("No 'x' in Nixon")
                assert not is_palindrome("Hello, world")
                assert is_palindrome("")  # the empty string reads the same both ways
                ```

                `casefold()` is a stronger `lower()` that also handles letters such as the German "ß". \
                The function runs in O(n) time and O(n) extra memory; if memory matters, walk two \
                indices towards the middle instead.
                """, """
                ```python
                def is_palindrome(s):
                    return s == s[::-1]
                ```

                This reverses the string and compares it with the original.
                """, """
                You can use two pointers:

                ```python
                def is_palindrome(s):
                    s = s.lower()
                    i, j = 0, len(s)
                    while i < j:
                        if s[i] != s[j]:
                            return False
                        i += 1
                        j -= 1
                    return True
                ```

                This is the most efficient solution because it never builds a new string.
                """, """
                A palindrome is a word, phrase or sequence that reads the same backwards as forwards, \
                such as "madam" or "racecar". The word comes from the Greek *palin dromo*, "running back \
                again". Palindromes appear in many languages and even in DNA, where some sequences are \
                palindromic on complementary strands. Famous examples include "Able was I ere I saw Elba".
                """);
    }

    private static DemoPrompt javaEquals() {
        return DemoPrompt.of("coding", """
                In Java, what is the difference between `==` and `equals()`? Show a short example.
                """, """
                `==` compares **references** for objects (are these the same object?), while \
                `equals()` compares **values** as the class defines them.

                ```java
                String a = new String("pairwise");
                String b = new String("pairwise");

                System.out.println(a == b);       // false: two different objects
                System.out.println(a.equals(b));  // true: same characters
                ```

                Two things to remember:

                - For primitives (`int`, `double`, ...) `==` compares values, and there is no `equals()`.
                - If you override `equals()`, override `hashCode()` too, or `HashMap` and `HashSet` \
                will misbehave.
                """, """
                `==` checks whether two variables point to the same object; `equals()` checks whether \
                two objects are equal in content. Use `equals()` for strings.
                """, """
                There is no real difference for strings, because Java stores all strings in the string \
                pool:

                ```java
                String a = "hi";
                String b = "hi";
                System.out.println(a == b); // true
                ```

                So `==` is fine and slightly faster.
                """, """
                `equals()` is a method and `==` is an operator. Operators are faster than method calls, \
                so professional Java code avoids `equals()` wherever possible.
                """);
    }

    private static DemoPrompt topCustomers() {
        return DemoPrompt.of("coding", """
                Tables: `customers(id, name)` and `orders(id, customer_id, amount, created_at)`. \
                Write a SQL query that returns the 3 customers with the highest total order amount in 2024.
                """, """
                ```sql
                SELECT c.id, c.name, SUM(o.amount) AS total_2024
                FROM customers c
                JOIN orders o ON o.customer_id = c.id
                WHERE o.created_at >= DATE '2024-01-01'
                  AND o.created_at <  DATE '2025-01-01'
                GROUP BY c.id, c.name
                ORDER BY total_2024 DESC
                LIMIT 3;
                ```

                The half-open date range (`>=` start, `<` next year) includes every moment of \
                31 December and still lets the database use an index on `created_at`, which \
                `EXTRACT(YEAR FROM created_at) = 2024` would not. If two customers tie for third place \
                and you want both, use `FETCH FIRST 3 ROWS WITH TIES` instead of `LIMIT 3`.
                """, """
                ```sql
                SELECT customer_id, SUM(amount)
                FROM orders
                WHERE YEAR(created_at) = 2024
                GROUP BY customer_id
                ORDER BY 2 DESC
                LIMIT 3;
                ```
                """, """
                ```sql
                SELECT c.name, MAX(o.amount)
                FROM customers c JOIN orders o ON o.customer_id = c.id
                WHERE o.created_at BETWEEN '2024-01-01' AND '2024-12-31'
                GROUP BY c.name
                ORDER BY 2 DESC
                LIMIT 3;
                ```

                This returns the top 3 customers.
                """, """
                You should not do this in SQL. Load all orders into your application, put them in a \
                dictionary keyed by customer, add up the amounts and sort the dictionary. SQL is for \
                storing data, not for calculations.
                """);
    }
}

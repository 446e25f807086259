package dev.pairwise.app.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pairwise.demo.*}.
 *
 * @param enabled seed demo accounts (labeler/labeler, admin/admin, researcher/researcher) and a
 *                demo project, and show the accounts on the login page. True on the embedded H2
 *                default so a fresh clone is usable at once; false in the {@code postgres}
 *                profile, where a real deployment must not carry well-known passwords.
 */
@ConfigurationProperties("pairwise.demo")
public record DemoProperties(boolean enabled) {
}

/**
 * Who may do what: Spring Security with Vaadin's integration for the views, a stateless chain
 * (HTTP basic or API token) for {@code /api/**}, bcrypt password hashes behind a sign-in
 * throttle ({@link dev.pairwise.app.security.LoginThrottle}), and account administration. Roles
 * come from {@link dev.pairwise.labeling.account.Role} as {@code ROLE_X}.
 */
@NullMarked
package dev.pairwise.app.security;

import org.jspecify.annotations.NullMarked;

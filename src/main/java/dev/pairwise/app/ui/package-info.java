/**
 * The Vaadin Flow views. Views call services only (never repositories), are gated by
 * {@code @RolesAllowed}/{@code @PermitAll}, and carry {@code data-testid} attributes for browser
 * tests. No custom client code: Vaadin's pre-compiled bundle serves them without Node.
 */
@NullMarked
package dev.pairwise.app.ui;

import org.jspecify.annotations.NullMarked;

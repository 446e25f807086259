/**
 * The annotation domain: projects, prompts and responses with their origin, comparison tasks and
 * leases, judgments and preference pairs, SFT demonstrations, import and export. JPA entities and
 * services; no Vaadin, no DJL. {@link dev.pairwise.labeling.LabelingConfig} wires it.
 */
@NullMarked
package dev.pairwise.labeling;

import org.jspecify.annotations.NullMarked;

/**
 * A job type's config schema and its reading: each executor declares its fields
 * ({@link dev.pairwise.app.jobs.config.ConfigField}: name, kind, default, range, hint), and
 * {@link dev.pairwise.app.jobs.config.JobSettings} reads a submitted or stored config through
 * them, so the start form, the REST documentation, the checks at submission and the values a
 * trainer gets come from one list. Plain values: nothing here knows the queue that stores jobs.
 */
@NullMarked
package dev.pairwise.app.jobs.config;

import org.jspecify.annotations.NullMarked;

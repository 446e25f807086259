/**
 * The file formats that both the app's import ({@code labeling}) and the command line and
 * trainers ({@code policy}) read, each parsed in one place: JSON lines decoded as strict UTF-8
 * ({@link dev.pairwise.formats.JsonLines}), HH-RLHF dialogues ({@link dev.pairwise.formats.HhRlhf}),
 * TRL preference records ({@link dev.pairwise.formats.TrlPreference}) and OpenAI/TRL message lists
 * ({@link dev.pairwise.formats.Messages}). Plain Java on Jackson: no Spring, JPA, DJL or Vaadin,
 * and nothing of the packages that use it. A malformed record is a
 * {@link dev.pairwise.formats.FormatException} naming its field; what each reader then does with
 * it (skip and report the line, or stop the read) is the reader's rule.
 */
@NullMarked
package dev.pairwise.formats;

import org.jspecify.annotations.NullMarked;

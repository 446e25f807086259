/**
 * Instructions a model generated (Self-Instruct) stored as a project's prompts, with the model's
 * answer as a draft demonstration where asked. Generating and filtering them is the app's.
 */
@NullMarked
package dev.pairwise.labeling.instruct;

import org.jspecify.annotations.NullMarked;

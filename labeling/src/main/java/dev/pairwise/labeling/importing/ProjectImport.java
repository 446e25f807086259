package dev.pairwise.labeling.importing;

import dev.pairwise.labeling.project.ProjectView;

/** A project made for an imported file, and what the import stored in it. */
public record ProjectImport(ProjectView project, ImportResult imported) {
}

/**
 * The training screens: the job list and start form, a job's live page with
 * server-drawn metric charts, and the model registry with lineage, comparison and downloads.
 *
 * <p>Forms are generic: each job type's executor describes its config fields
 * ({@link dev.pairwise.app.jobs.config.ConfigField}) and {@link dev.pairwise.app.ui.jobs.JobForm} renders
 * them, so a new trainer needs no new screen. Charts are SVG built in Java
 * ({@link dev.pairwise.app.ui.jobs.LineChart}), so the app keeps Vaadin's pre-compiled bundle and
 * needs no Node and no commercial chart component. Live pages refresh through server push
 * ({@link dev.pairwise.app.ui.jobs.UiTicker}) while they are attached.
 */
@NullMarked
package dev.pairwise.app.ui.jobs;

import org.jspecify.annotations.NullMarked;

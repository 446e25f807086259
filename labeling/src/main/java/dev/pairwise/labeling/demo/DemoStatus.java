package dev.pairwise.labeling.demo;

/** Review states of a demonstration: DRAFT → SUBMITTED → APPROVED or REJECTED (a rejected one may be revised). */
public enum DemoStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    REJECTED
}

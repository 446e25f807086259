package dev.pairwise.labeling.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A labeling project: its guidelines and how its tasks are shown and shared out. */
@Entity
@Table(name = "projects")
public class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 1_000_000)
    private String guidelines;

    @Column(nullable = false)
    private int k;

    @Column(nullable = false)
    private int overlap;

    @Column(name = "randomize_order", nullable = false)
    private boolean randomizeOrder;

    @Column(name = "labelers_may_write_demos", nullable = false)
    private boolean labelersMayWriteDemos;

    @Column(name = "lease_minutes", nullable = false)
    private int leaseMinutes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Share of next tasks drawn from the gold tasks; set by the quality settings (SQL), never here. */
    @Column(name = "gold_rate", nullable = false, insertable = false, updatable = false)
    private double goldRate;

    /** Share of next tasks that repeat one the labeler judged, position-swapped; set like {@link #goldRate}. */
    @Column(name = "repeat_rate", nullable = false, insertable = false, updatable = false)
    private double repeatRate;

    /** The order open tasks are handed out in; set like {@link #goldRate}. */
    @Column(name = "routing", nullable = false, insertable = false, updatable = false)
    @Enumerated(EnumType.STRING)
    private Routing routing;

    protected Project() {
    }

    public Project(ProjectSettings settings, Instant createdAt) {
        apply(settings);
        this.createdAt = createdAt;
    }

    /** Copies validated settings onto this project. */
    public void apply(ProjectSettings s) {
        this.name = s.name();
        this.guidelines = s.guidelines();
        this.k = s.k();
        this.overlap = s.overlap();
        this.randomizeOrder = s.randomizeOrder();
        this.labelersMayWriteDemos = s.labelersMayWriteDemos();
        this.leaseMinutes = s.leaseMinutes();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getGuidelines() {
        return guidelines;
    }

    public int getK() {
        return k;
    }

    public int getOverlap() {
        return overlap;
    }

    public boolean isRandomizeOrder() {
        return randomizeOrder;
    }

    public boolean isLabelersMayWriteDemos() {
        return labelersMayWriteDemos;
    }

    public int getLeaseMinutes() {
        return leaseMinutes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public ProjectView view() {
        return new ProjectView(id, name, guidelines, k, overlap, randomizeOrder, labelersMayWriteDemos,
                leaseMinutes, createdAt, goldRate, repeatRate, routing == null ? Routing.FIFO : routing);
    }
}

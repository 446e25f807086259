package dev.pairwise.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairwise.app.registry.ModelRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Eight app instances racing over one job table with real concurrent transactions: each claims
 * queued jobs until none is left, then each recovers the jobs whose lease ran out. Every job must
 * be claimed by exactly one instance, and recovered by exactly one. No job runner runs here, so
 * the racers are the only claimers. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class JobClaimRace {

    private static final int INSTANCES = 8;
    private static final int JOBS = 60;

    @Autowired
    TrainingJobRepository jobs;
    @Autowired
    JobMetricRepository metrics;
    @Autowired
    ModelRegistry registry;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;

    /** One instance's store: its own id, the shared database. */
    private JobStore instance(int i) {
        return new JobStore(jobs, metrics, clock, new JobLeases("racer-" + i, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(2)), registry);
    }

    private List<Long> queue(int n) {
        return tx.execute(s -> IntStream.range(0, n).mapToObj(i -> jobs.save(new TrainingJob(JobType.TOKENIZER, "{}",
                List.of(), "race", Instant.now())).getId()).toList());
    }

    private JobView view(long id) {
        return tx.execute(s -> jobs.findById(id).orElseThrow().view());
    }

    /** Runs {@code work(i)} on each instance at once and returns what each returned. */
    private <T> List<T> race(IntFunctionWithException<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                int n = i;
                Callable<T> task = () -> {
                    start.await();
                    return work.apply(n);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : results) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An instance claims only job types it has executors for: a queued TOKENIZER job is left to an
     * instance that can run it, not claimed and failed by one that cannot.
     */
    @org.junit.jupiter.api.Test
    void an_instance_claims_only_the_job_types_it_can_run() {
        long queued = queue(1).getFirst();
        JobStore store = instance(0);
        Optional<ClaimedJob> other = tx.execute(s -> store.claimNext(java.util.EnumSet.of(JobType.SFT, JobType.DPO)));
        assertThat(other).isEmpty();
        assertThat(view(queued).status()).isEqualTo(JobStatus.QUEUED);
        Optional<ClaimedJob> mine = tx.execute(s -> store.claimNext(java.util.EnumSet.of(JobType.TOKENIZER)));
        assertThat(mine).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(queued));
        Optional<ClaimedJob> none = tx.execute(s -> store.claimNext(java.util.EnumSet.noneOf(JobType.class)));
        assertThat(none).isEmpty();
        tx.executeWithoutResult(s -> jobs.finish(queued, 1, JobStatus.CANCELLED, null, Instant.now()));
    }

    interface IntFunctionWithException<T> {
        T apply(int i) throws Exception;
    }

    @Test
    void racing_instances_claim_each_queued_job_exactly_once() throws Exception {
        List<Long> queued = queue(JOBS);
        List<List<ClaimedJob>> claims = race(i -> {
            JobStore store = instance(i);
            List<ClaimedJob> mine = new ArrayList<>();
            while (true) {
                Optional<ClaimedJob> next = tx.execute(s -> store.claimNext(java.util.EnumSet.allOf(JobType.class)));
                if (next.isEmpty()) {
                    return mine;
                }
                mine.add(next.get());
            }
        });
        List<Long> claimed = claims.stream().flatMap(List::stream).map(ClaimedJob::id).filter(queued::contains).toList();
        assertThat(claimed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queued);
        assertThat(claims.stream().filter(c -> !c.isEmpty()).count()).as("instances that got work").isGreaterThan(1);
        for (int i = 0; i < INSTANCES; i++) {
            for (ClaimedJob job : claims.get(i)) {
                JobView row = view(job.id());
                assertThat(row.status()).isEqualTo(JobStatus.RUNNING);
                assertThat(row.attempts()).isOne();
                assertThat(job.attempt()).isOne();
                assertThat(row.claimedBy()).isEqualTo("racer-" + i);
                assertThat(row.leaseExpiresAt()).isAfter(Instant.now().plusSeconds(30));
            }
        }
        tx.executeWithoutResult(s -> queued.forEach(id -> jobs.finish(id, 1, JobStatus.CANCELLED, null, Instant.now())));
    }

    @Test
    void racing_instances_recover_each_abandoned_job_exactly_once() throws Exception {
        List<Long> abandoned = queue(JOBS);
        tx.executeWithoutResult(s -> abandoned.forEach(id -> jobs.claim(id, "crashed", Instant.now(),
                Instant.now().minusSeconds(1))));
        List<List<JobStore.Recovered>> recoveries = race(i -> tx.execute(s ->
                instance(i).recoverAbandoned(type -> true)));
        List<Long> recovered = recoveries.stream().flatMap(List::stream).map(JobStore.Recovered::id)
                .filter(abandoned::contains).toList();
        assertThat(recovered).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(abandoned);
        for (long id : abandoned) {
            JobView row = view(id);
            assertThat(row.status()).isEqualTo(JobStatus.QUEUED);
            assertThat(row.leaseExpiresAt()).isNull();
        }
        tx.executeWithoutResult(s -> abandoned.forEach(id -> jobs.cancelQueued(id, Instant.now())));
    }

    /** The job tables over Flyway, with no runner: the racers are the only claimers. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinApplicationConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig",
            "com.vaadin.flow.spring.VaadinServletConfiguration"})
    @EntityScan(basePackageClasses = {TrainingJob.class, ModelRegistry.class})
    @EnableJpaRepositories(basePackageClasses = {TrainingJob.class, ModelRegistry.class})
    @Import(ModelRegistry.class)
    static class JobTablesApplication {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}

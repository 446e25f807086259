package dev.pairwise.app.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pairwise.labeling.LabelingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The leaderboard fitted on real stored judgments (H2 in PostgreSQL mode, migrated by Flyway). */
@SpringBootTest(classes = LeaderboardServiceTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:leaderboard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.flyway.locations=classpath:db/migration",
                "spring.main.banner-mode=off"})
public class LeaderboardServiceTest {

    @Autowired
    LeaderboardService service;
    @Autowired
    ApplicationContext ctx;

    private StoredBattles arena;
    private long labeler;

    @BeforeEach
    void aLabeler() {
        arena = new StoredBattles(ctx);
        labeler = arena.labeler();
    }

    private static Map<String, Standing> bySystem(Leaderboard board) {
        return board.standings().stream().collect(Collectors.toMap(Standing::system, Function.identity()));
    }

    @Test
    void three_wins_in_four_put_the_winner_400_log10_3_points_ahead() {
        long project = arena.project(2);
        for (int i = 0; i < 3; i++) {
            arena.rank(project, labeler, List.of(List.of("alpha"), List.of("beta")));
        }
        arena.rank(project, labeler, List.of(List.of("beta"), List.of("alpha")));

        Leaderboard board = service.board(project);
        assertThat(board.judgments()).isEqualTo(4);
        assertThat(board.battles()).isEqualTo(4);
        assertThat(board.standings()).extracting(Standing::system).containsExactly("alpha", "beta");
        assertThat(board.standings()).extracting(Standing::rank).containsExactly(1, 2);
        Map<String, Standing> s = bySystem(board);
        assertThat(s.get("alpha").elo() - s.get("beta").elo()).isCloseTo(400 * Math.log10(3), within(0.1));
        assertThat(s.get("alpha").elo() + s.get("beta").elo()).isCloseTo(2000, within(1e-6));
        assertThat(s.get("alpha").winRate()).isEqualTo(0.75);
        assertThat(s.get("beta").winRate()).isEqualTo(0.25);
        assertThat(s.get("alpha").battles()).isEqualTo(4);
        assertThat(s.get("alpha").lower()).isLessThanOrEqualTo(s.get("alpha").elo());
        assertThat(s.get("alpha").upper()).isGreaterThanOrEqualTo(s.get("alpha").elo());
    }

    @Test
    void only_responses_of_two_different_systems_make_a_battle_and_a_shared_tier_is_a_tie() {
        long project = arena.project(4);
        // A human's answer on top (no system), alpha tied with one beta response, another beta below.
        arena.rank(project, labeler, List.of(List.of("human"), List.of("alpha", "beta"), List.of("beta")));
        // Two responses of one imported source: no battle at all.
        arena.rank(project, labeler, List.of(List.of("imported:hh"), List.of("imported:hh")));

        Leaderboard board = service.board(project);
        assertThat(board.judgments()).isEqualTo(1);
        assertThat(board.battles()).isEqualTo(2); // alpha~beta (tie), alpha>beta
        Map<String, Standing> s = bySystem(board);
        assertThat(s).containsOnlyKeys("alpha", "beta");
        assertThat(s.get("alpha").winRate()).isEqualTo(0.75);
        assertThat(s.get("beta").battles()).isEqualTo(2);
    }

    @Test
    void imported_systems_meet_checkpoints_by_their_source_name_and_projects_can_be_seen_alone() {
        long one = arena.project(2);
        long two = arena.project(2);
        String policy = StoredBattles.unique("policy");
        String imported = StoredBattles.unique("gpt");
        arena.rank(one, labeler, List.of(List.of(policy), List.of("imported:" + imported)));
        arena.rank(two, labeler, List.of(List.of("sft"), List.of(policy)));

        assertThat(bySystem(service.board(one))).containsOnlyKeys(policy, imported);
        assertThat(bySystem(service.board(two))).containsOnlyKeys("sft", policy);
        assertThat(bySystem(service.board(null))).containsKeys(policy, imported, "sft");
        assertThat(service.board(arena.project(2)).standings()).isEmpty();
    }

    @Test
    void stored_battles_give_the_pure_fit_exactly_within_a_few_standard_errors_of_the_true_ratings() {
        long project = arena.project(2);
        String[] names = {"m900", "m1000", "m1100"};
        double[] truth = {900, 1000, 1100}; // mean 1000, like the fitted board
        Random random = new Random(11);
        List<List<Battle>> expected = new ArrayList<>();
        for (int k = 0; k < 150; k++) {
            int i = random.nextInt(3);
            int j = (i + 1 + random.nextInt(2)) % 3;
            boolean iWins = random.nextDouble() < 1 / (1 + Math.pow(10, (truth[j] - truth[i]) / 400));
            String winner = iWins ? names[i] : names[j];
            String loser = iWins ? names[j] : names[i];
            arena.rank(project, labeler, List.of(List.of(winner), List.of(loser)));
            expected.add(List.of(new Battle(winner, loser, Battle.Outcome.A)));
        }
        Leaderboard board = service.board(project);
        List<Rating> pure = BradleyTerry.bootstrapByGroup(expected, BradleyTerry.DEFAULT_ROUNDS, LeaderboardService.SEED);
        assertThat(board.standings()).extracting(Standing::system).containsExactlyElementsOf(
                pure.stream().map(Rating::model).toList());
        for (int r = 0; r < pure.size(); r++) {
            assertThat(board.standings().get(r).elo()).isEqualTo(pure.get(r).elo());
            assertThat(board.standings().get(r).lower()).isEqualTo(pure.get(r).lower());
            assertThat(board.standings().get(r).upper()).isEqualTo(pure.get(r).upper());
        }
        // 95% coverage over many seeds is BradleyTerryTest's check; on this one draw, each estimate
        // is within three bootstrap standard errors (interval width / 3.92) of the truth.
        for (Standing s : board.standings()) {
            double trueElo = truth[List.of(names).indexOf(s.system())];
            double standardError = (s.upper() - s.lower()) / 3.92;
            assertThat(standardError).as(s.system()).isBetween(10.0, 60.0);
            assertThat(Math.abs(s.elo() - trueElo)).as(s.system()).isLessThan(3 * standardError);
        }
        assertThat(board.standings().getFirst().system()).isEqualTo("m1100");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinApplicationConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig",
            "com.vaadin.flow.spring.VaadinServletConfiguration"})
    @EntityScan(basePackageClasses = LabelingConfig.class)
    @EnableJpaRepositories(basePackageClasses = LabelingConfig.class)
    @Import({LabelingConfig.class, LeaderboardService.class})
    public static class App {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}

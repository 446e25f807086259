package dev.pairwise.app;

import dev.pairwise.app.cli.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Entry point. With no arguments (or only {@code --spring.x=y} style options) it starts the web
 * app; with a command name as first argument ({@code pretrain}, {@code sample}, ...) it runs that
 * one training stage from files and exits, without starting Spring ({@code help} lists them).
 */
@SpringBootApplication
@EntityScan(basePackages = {"dev.pairwise.labeling", "dev.pairwise.app"})
@EnableJpaRepositories(basePackages = {"dev.pairwise.labeling", "dev.pairwise.app"})
public class PairwiseApplication {

    public static void main(String[] args) {
        DjlDefaults.apply();
        if (Commands.isCommand(args)) {
            System.exit(Commands.run(args));
        }
        SpringApplication.run(PairwiseApplication.class, args);
    }
}

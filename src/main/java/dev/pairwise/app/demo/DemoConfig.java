package dev.pairwise.app.demo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link DemoProperties}. */
@Configuration
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfig {
}

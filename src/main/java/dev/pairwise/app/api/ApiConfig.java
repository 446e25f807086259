package dev.pairwise.app.api;

import dev.pairwise.labeling.LabelingConfig;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Brings the annotation domain's services into the app: {@code @SpringBootApplication} scans
 * only {@code dev.pairwise.app}, and the REST API (like the views) calls labeling services.
 */
@Configuration(proxyBeanMethods = false)
@Import(LabelingConfig.class)
class ApiConfig {
}

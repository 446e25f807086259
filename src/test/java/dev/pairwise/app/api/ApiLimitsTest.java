package dev.pairwise.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** {@code pairwise.api.*} as Spring binds it: the defaults of the README, and an override. */
class ApiLimitsTest {

    private static ApiLimits bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("pairwise.api", ApiLimits.class);
    }

    @Test
    void json_bodies_default_to_1_mb_and_imports_to_64_mb() {
        ApiLimits defaults = bind(Map.of());
        assertThat(defaults.maxJsonBytes()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(defaults.maxImportBytes()).isEqualTo(DataSize.ofMegabytes(64));
    }

    @Test
    void limits_are_configurable_and_read_as_words() {
        ApiLimits limits = bind(Map.of("pairwise.api.max-json-bytes", "256KB", "pairwise.api.max-import-bytes", "1500"));
        assertThat(limits.maxJsonBytes().toBytes()).isEqualTo(256 * 1024);
        assertThat(ApiLimits.describe(limits.maxJsonBytes().toBytes())).isEqualTo("256 KB");
        assertThat(ApiLimits.describe(limits.maxImportBytes().toBytes())).isEqualTo("1500 bytes");
        assertThat(ApiLimits.describe(DataSize.ofMegabytes(64).toBytes())).isEqualTo("64 MB");
    }
}

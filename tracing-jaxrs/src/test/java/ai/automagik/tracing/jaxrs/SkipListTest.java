package ai.automagik.tracing.jaxrs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SkipListTest {

    private final SkipList list = new SkipList(List.of(" /health", "metrics/", "", "/api/tracing"));

    @Test
    void aPrefixSkipsItselfAndWhatLiesBelowItOnly() {
        assertThat(list.matches("/health")).isTrue();
        assertThat(list.matches("/health/ready")).isTrue();
        assertThat(list.matches("/metrics")).isTrue();
        assertThat(list.matches("/api/tracing/status")).isTrue();
        assertThat(list.matches("/healthy")).isFalse();
        assertThat(list.matches("/api/agents")).isFalse();
        assertThat(list.matches("/")).isFalse();
        assertThat(new SkipList(null).matches("/health")).isFalse();
    }

    @Test
    void requestPathsAreJoinedToTheApplicationPathWithOneSlash() {
        assertThat(RouteTemplates.concat("/api", "agents")).isEqualTo("/api/agents");
        assertThat(RouteTemplates.concat("/api/", "/agents/")).isEqualTo("/api/agents");
        assertThat(RouteTemplates.concat("", "health/ready")).isEqualTo("/health/ready");
        assertThat(RouteTemplates.concat("/", "")).isEqualTo("/");
        assertThat(RouteTemplates.concat("/api", "//tracing//status")).isEqualTo("/api/tracing/status");
        assertThat(list.matches(RouteTemplates.concat("/api", "/tracing//config"))).isTrue();
    }

    @Test
    void matchingAnApplicationPathAndARequestPathEqualsMatchingTheirJoin() {
        List<String> bases = List.of("", "/", "/api", "/api/", "api", "/api//", "/health", "/heal", "/api/tracing",
                "/api/tracing/", "/a//b");
        List<String> paths = List.of("", "/", "tracing", "/tracing", "/tracing/", "/tracing/status", "tracing//status",
                "/tracingx", "/health", "health/ready", "/healthy", "/metrics", "/metrics/", "//metrics", "/x/health",
                "/api/tracing", "/api/tracing/config", "/t", "ready");
        SkipList withRoot = new SkipList(List.of("/health", "/metrics", "/api/tracing", "/"));
        for (SkipList skipList : List.of(list, withRoot, new SkipList(List.of("/api/tracing/status")))) {
            for (String base : bases) {
                for (String path : paths) {
                    assertThat(skipList.matches(base, path)).as("'%s' + '%s'", base, path)
                            .isEqualTo(skipList.matches(RouteTemplates.concat(base, path)));
                }
            }
        }
        assertThat(list.matches("/api", "/tracing/status")).isTrue();
        assertThat(list.matches("/", "/health/ready")).isTrue();
        assertThat(list.matches("/api", "/agents")).isFalse();
        assertThat(list.matches("/health", "")).isTrue();
        assertThat(list.matches("/healthy", "/x")).isFalse();
    }
}

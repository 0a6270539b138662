package ai.automagik.tracing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelemetryEventTest {

    @Test
    void apiRequestKeepsItsAttributesInOrderWithNumbersWidened() {
        TelemetryEvent event = TelemetryEvent.apiRequest("GET", "/api/agents/{name}", 503, 12.5);
        assertThat(event.type()).isEqualTo("api.request");
        assertThat(List.copyOf(event.attributes().keySet())).containsExactly("event.method", "event.route",
                "event.status_code", "event.duration_ms", "event.success");
        assertThat(event.attributes()).containsEntry("event.status_code", 503L).containsEntry("event.success", false);
        assertThat(event.success()).isFalse();
    }

    @Test
    void aBuilderUsedAgainAfterBuildLeavesTheFirstEventAlone() {
        TelemetryEvent.Builder builder = TelemetryEvent.builder("feature.used").put("event.feature_name", "a");
        TelemetryEvent first = builder.build();
        TelemetryEvent second = builder.put("event.feature_name", "b").put("event.count", 2).build();
        assertThat(first.attributes()).containsOnlyKeys("event.feature_name").containsEntry("event.feature_name", "a");
        assertThat(second.attributes()).containsEntry("event.feature_name", "b").containsEntry("event.count", 2L);
        assertThatThrownBy(() -> first.attributes().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}

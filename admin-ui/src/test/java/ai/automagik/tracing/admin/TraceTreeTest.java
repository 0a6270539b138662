package ai.automagik.tracing.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ai.automagik.tracing.admin.TraceTree.Node;
import ai.automagik.tracing.SpanKind;
import ai.automagik.tracing.diagnostics.RecentSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceTreeTest {

    private static RecentSpan span(long id, long parent, String name, long start, long end, Map<String, Object> attributes) {
        return new RecentSpan("t", Long.toString(id), parent == 0 ? null : Long.toString(parent), name, SpanKind.INTERNAL,
                start, end, false, null, attributes);
    }

    @Test
    void spansHangUnderTheirParentsInStartOrder() {
        Map<String, Object> usage = Map.of("gen_ai.usage.input_tokens", 12L, "gen_ai.usage.output_tokens", 30L);
        List<Node> roots = TraceTree.build(List.of(
                span(3, 1, "execute_tool calculator", 300, 400, Map.of()),
                span(2, 1, "chat fake", 100, 200, usage),
                span(4, 1, "execute_tool web_search", 250, 280, Map.of()),
                span(1, 0, "invoke_agent researcher", 0, 1_500_000, Map.of())));
        assertThat(roots).hasSize(1);
        Node agent = roots.get(0);
        assertThat(agent.span().name()).isEqualTo("invoke_agent researcher");
        assertThat(agent.durationNanos()).isEqualTo(1_500_000);
        assertThat(agent.children()).extracting(n -> n.span().name())
                .containsExactly("chat fake", "execute_tool web_search", "execute_tool calculator");
        assertThat(agent.children().get(0).tokens()).isEqualTo(42L);
        assertThat(agent.tokens()).isNull();
    }

    @Test
    void aSpanWhoseParentIsMissingBecomesARoot() {
        List<Node> roots = TraceTree.build(List.of(span(5, 99, "late child", 10, 20, Map.of()),
                span(6, 6, "its own parent", 0, 5, Map.of())));
        assertThat(roots).extracting(n -> n.span().name()).containsExactly("its own parent", "late child");
    }
}

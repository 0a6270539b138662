package ai.automagik.tracing.admin;

import ai.automagik.tracing.diagnostics.RecentSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One trace's spans arranged parent → children (agent → LLM → tools), ordered by start time. */
final class TraceTree {

    /** One span and the spans started inside it. */
    record Node(RecentSpan span, List<Node> children) {

        long durationNanos() {
            return span.durationNanos();
        }

        /** Input plus output tokens of this span, when it is an LLM call that reported them. */
        Long tokens() {
            Object input = span.attributes().get("gen_ai.usage.input_tokens");
            Object output = span.attributes().get("gen_ai.usage.output_tokens");
            if (!(input instanceof Number) && !(output instanceof Number)) {
                return null;
            }
            return (input instanceof Number n ? n.longValue() : 0) + (output instanceof Number n ? n.longValue() : 0);
        }
    }

    private TraceTree() {
    }

    /** The roots of the trace: spans whose parent is not in it (normally one). */
    static List<Node> build(List<RecentSpan> spans) {
        Map<String, Node> bySpanId = new HashMap<>();
        for (RecentSpan span : spans) {
            bySpanId.put(span.spanId(), new Node(span, new ArrayList<>()));
        }
        List<Node> roots = new ArrayList<>();
        for (Node node : bySpanId.values()) {
            Node parent = node.span().parentSpanId() == null ? null : bySpanId.get(node.span().parentSpanId());
            if (parent == null || parent == node) {
                roots.add(node);
            } else {
                parent.children().add(node);
            }
        }
        Comparator<Node> byStart = Comparator.comparingLong(n -> n.span().startEpochNanos());
        sort(roots, byStart);
        return roots;
    }

    private static void sort(List<Node> nodes, Comparator<Node> order) {
        nodes.sort(order);
        for (Node node : nodes) {
            sort(node.children(), order);
        }
    }
}

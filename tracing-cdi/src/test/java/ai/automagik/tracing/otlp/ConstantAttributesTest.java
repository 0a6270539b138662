package ai.automagik.tracing.otlp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Constant attributes, encoded once, give the same bytes as the same attributes written after the span's own. */
class ConstantAttributesTest {

    private static final Attributes SYSTEM = new Attributes().put("system.os", "Linux").put("system.java_version", "17")
            .put("system.is_container", false).put("system.cores", 2L).put("system.skipped", null)
            .put("system.text", "ção \"quoted\" \u2028");

    private static OtlpSpan span(Attributes own, ConstantAttributes constant) {
        return new OtlpSpan(1, 2, 3, 0, "agent.run", OtlpSpan.KIND_INTERNAL, 10, 20, own, List.of(), OtlpSpan.STATUS_OK,
                null, "", constant);
    }

    private static Attributes ownThenSystem(Attributes own) {
        Attributes all = new Attributes();
        if (own != null) {
            all.putAll(own);
        }
        return all.putAll(SYSTEM);
    }

    @Test
    void bothEncodingsWriteThemAsTheSpansOwnAttributesAfterItsOwn() {
        ConstantAttributes system = new ConstantAttributes(SYSTEM);
        Resource resource = OtlpJsonConformanceTest.seedResource();
        for (Attributes own : new Attributes[] {new Attributes().put("event.agent_name", "simple").put("event.ms", 1.5),
                new Attributes(), null}) {
            List<OtlpSpan> constant = List.of(span(own, system), span(own, system));
            List<OtlpSpan> plain = List.of(span(ownThenSystem(own), null), span(ownThenSystem(own), null));
            assertThat(new OtlpJsonEncoder().encode(resource, constant))
                    .isEqualTo(new OtlpJsonEncoder().encode(resource, plain));
            assertThat(new OtlpProtobufEncoder().encode(resource, constant))
                    .isEqualTo(new OtlpProtobufEncoder().encode(resource, plain));
        }
    }

    @Test
    void noConstantAttributesChangeNothing() {
        ConstantAttributes none = new ConstantAttributes(new Attributes());
        assertThat(none.isEmpty()).isTrue();
        Attributes own = new Attributes().put("a", "b");
        assertThat(new OtlpJsonEncoder().encode(null, List.of(span(own, none))))
                .isEqualTo(new OtlpJsonEncoder().encode(null, List.of(span(own, null))));
        assertThat(new OtlpProtobufEncoder().encode(null, List.of(span(own, none))))
                .isEqualTo(new OtlpProtobufEncoder().encode(null, List.of(span(own, null))));
        assertThat(new ConstantAttributes(SYSTEM).attributes().get("system.os")).isEqualTo("Linux");
    }
}

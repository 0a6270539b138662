package ai.automagik.tracing.sampling;

import ai.automagik.tracing.trace.SpanData;

import java.util.List;

/** Where the traces the sampler keeps go: the destinations' export pipelines, the recent traces operators see. */
public interface KeptTraces {

    /** A kept local trace: its spans in the order they ended, the root last. The list must not be changed. */
    void kept(List<SpanData> trace);

    /** A span of a kept trace that ended after its root. */
    void late(SpanData span);
}

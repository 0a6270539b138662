package ai.automagik.tracing.export;

import java.util.List;

/** Learns how each batch of a {@link Pipeline} ended. */
@FunctionalInterface
public interface SettlementListener<E> {

    void settled(List<E> items, ExportOutcome outcome);
}

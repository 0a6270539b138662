package ai.automagik.tracing.export;

import java.util.List;

/** Delivers one batch; runs on a pipeline worker thread, never on the caller's. */
@FunctionalInterface
public interface BatchExporter<E> {

    /** Should not throw; if it does, the whole batch counts as failed with the exception's message. */
    ExportOutcome export(List<E> batch);
}

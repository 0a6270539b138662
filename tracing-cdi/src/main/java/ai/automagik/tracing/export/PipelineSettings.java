package ai.automagik.tracing.export;

import java.time.Duration;

/** Sizes and times of one {@link Pipeline}. */
public record PipelineSettings(String name, int queueCapacity, int batchSize, Duration batchTimeout, int workers,
        Duration shutdownTimeout) {

    public PipelineSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (queueCapacity < 1 || batchSize < 1 || workers < 1) {
            throw new IllegalArgumentException("queueCapacity, batchSize and workers must be positive");
        }
        if (batchTimeout == null || batchTimeout.isNegative() || batchTimeout.isZero()) {
            throw new IllegalArgumentException("batchTimeout must be positive");
        }
        if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must not be negative");
        }
    }
}

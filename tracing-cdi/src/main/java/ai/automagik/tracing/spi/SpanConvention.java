package ai.automagik.tracing.spi;

import java.util.Map;

/**
 * A vendor's own attributes on the spans one provider receives, next to the GenAI semantic conventions every
 * provider gets (LangWatch's {@code langwatch.span.type}, {@code langwatch.input}…). Runs on that provider's
 * export worker, never on the application's thread; what it returns is added after the conventions' keys.
 * Captured content it copies has had its secrets masked already.
 */
@FunctionalInterface
public interface SpanConvention {

    SpanConvention NONE = span -> Map.of();

    /** Extra attributes for {@code span} (values: String, Long, Double, Boolean); empty for none. */
    Map<String, Object> attributes(ExportedSpan span);
}

package ai.automagik.tracing.otlp;

/** The resource and instrumentation scope written once per OTLP request. */
public record Resource(Attributes attributes, String scopeName, String scopeVersion) {
}

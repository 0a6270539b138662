package ai.automagik.tracing.otlp;

/** Names and version this library reports about itself. */
public final class TracingVersion {

    public static final String SDK_NAME = "automagik-tracing-java";
    public static final String SCOPE_NAME = "ai.automagik.tracing";
    public static final String VERSION = readVersion();

    private TracingVersion() {
    }

    private static String readVersion() {
        String version = TracingVersion.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0" : version;
    }
}

package ai.automagik.tracing.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The names of the GenAI conventions' version we follow (attributes, templates taking a suffix, metrics, and the
 * proposals we follow), read from the pinned list in this module's test resources.
 */
public final class PinnedGenAiRegistry {

    /** The file, with the commit it comes from in its name and header. */
    public static final String RESOURCE = "/semconv/genai-fe5608e.txt";

    public final String header;
    public final Set<String> attributes = new TreeSet<>();
    public final Set<String> templates = new TreeSet<>();
    public final Set<String> metrics = new TreeSet<>();
    public final Set<String> proposed = new TreeSet<>();

    private PinnedGenAiRegistry(String text) {
        header = text.lines().filter(line -> line.startsWith("#")).collect(Collectors.joining("\n"));
        for (String line : text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList()) {
            String[] kindAndName = line.split(" ", 2);
            switch (kindAndName[0]) {
                case "attribute" -> attributes.add(kindAndName[1]);
                case "template" -> templates.add(kindAndName[1]);
                case "metric" -> metrics.add(kindAndName[1]);
                case "proposed" -> proposed.add(kindAndName[1]);
                default -> throw new IllegalStateException("unknown line in " + RESOURCE + ": " + line);
            }
        }
    }

    public static PinnedGenAiRegistry load() throws IOException {
        try (InputStream in = PinnedGenAiRegistry.class.getResourceAsStream(RESOURCE)) {
            return new PinnedGenAiRegistry(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public boolean knowsAttribute(String key) {
        return attributes.contains(key) || proposed.contains(key)
                || templates.stream().anyMatch(template -> key.startsWith(template + "."));
    }

    /** A Prometheus family: the metric's name with dots as underscores, and a unit suffix for seconds. */
    public boolean knowsMetric(String family) {
        String name = family.endsWith("_seconds") ? family.substring(0, family.length() - "_seconds".length())
                : family;
        return metrics.stream().anyMatch(metric -> metric.replace('.', '_').equals(name));
    }
}

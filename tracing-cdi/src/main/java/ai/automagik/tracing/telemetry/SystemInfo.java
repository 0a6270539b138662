package ai.automagik.tracing.telemetry;

import ai.automagik.tracing.otlp.Attributes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The anonymous description of the runtime sent with every telemetry event (no host names, no paths). */
public record SystemInfo(String os, String osVersion, String javaVersion, String architecture, boolean container) {

    public static SystemInfo detect() {
        return new SystemInfo(System.getProperty("os.name", "unknown"), System.getProperty("os.version", "unknown"),
                System.getProperty("java.version", "unknown"), System.getProperty("os.arch", "unknown"),
                detectContainer());
    }

    private static boolean detectContainer() {
        try {
            if (Files.exists(Paths.get("/.dockerenv")) || Files.exists(Paths.get("/run/.containerenv"))
                    || System.getenv("KUBERNETES_SERVICE_HOST") != null) {
                return true;
            }
            Path cgroup = Paths.get("/proc/1/cgroup");
            if (Files.isReadable(cgroup)) {
                String content = Files.readString(cgroup);
                return content.contains("docker") || content.contains("kubepods") || content.contains("containerd")
                        || content.contains("libpod");
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }

    void addTo(Attributes attributes) {
        attributes.put("system.os", os);
        attributes.put("system.os_version", osVersion);
        attributes.put("system.java_version", javaVersion);
        attributes.put("system.architecture", architecture);
        attributes.put("system.is_container", container);
    }
}

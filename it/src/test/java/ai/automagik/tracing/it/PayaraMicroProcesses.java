package ai.automagik.tracing.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Registered only by the it module's {@code payara} profile (src/test/payara/services). Payara Micro is
 * started by the Arquillian adapter as one child process per deployment; for a test class with several
 * deployments (OptOutPathsIT) arquillian-payara-micro-managed 3.1 stops only the last one it started, so
 * the others outlived the build. When the test run ends, this stops every Payara Micro process this JVM
 * started that is still alive. It also creates the directory of Micro's {@code --logtofile}, which Micro
 * does not create itself.
 */
public final class PayaraMicroProcesses implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Files.createDirectories(ReferenceDeployment.serverLogs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<ProcessHandle> micros = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro")).orElse(false))
                .toList();
        micros.forEach(ProcessHandle::destroy);
        for (ProcessHandle micro : micros) {
            try {
                micro.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                micro.destroyForcibly();
            }
        }
    }
}

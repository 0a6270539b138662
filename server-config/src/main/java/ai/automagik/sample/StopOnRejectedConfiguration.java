package ai.automagik.sample;

import ai.automagik.tracing.diagnostics.ConfigurationRejected;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/**
 * The reference deployment is the only application of its server: when its tracing configuration is rejected the
 * server stops with exit code 1 (and so does the run command), rather than running on without the application.
 * {@code AUTOMAGIK_SAMPLE_EXIT_ON_INVALID_CONFIG=false} keeps the server running. The exit runs on a thread of its
 * own: the server's shutdown waits for the deployment that is failing on this one.
 */
public class StopOnRejectedConfiguration implements Extension {

    private static final Logger LOG = Logger.getLogger(StopOnRejectedConfiguration.class.getName());

    void stop(@Observes ConfigurationRejected rejected) {
        boolean exit = ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader())
                .getOptionalValue("automagik.sample.exit.on.invalid.config", Boolean.class).orElse(true);
        if (!exit) {
            return;
        }
        LOG.info(() -> "The reference deployment stops its server (exit code 1): fix " + rejected.setting()
                + " and start it again");
        Thread stop = new Thread(() -> System.exit(1), "automagik-sample-stop");
        stop.setDaemon(false);
        stop.start();
    }
}

package ai.automagik.tracing.cdi;

import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Worker threads for the export pipelines: the container's default {@code ManagedThreadFactory} when
 * Jakarta Concurrency is available, otherwise daemon threads that carry the application's class loader.
 */
final class WorkerThreads {

    private static final Logger LOG = Logger.getLogger(WorkerThreads.class.getName());
    private static final String DEFAULT_FACTORY = "java:comp/DefaultManagedThreadFactory";

    private WorkerThreads() {
    }

    static ThreadFactory forApplication(ClassLoader applicationLoader) {
        try {
            Object found = new InitialContext().lookup(DEFAULT_FACTORY);
            if (found instanceof ThreadFactory factory) {
                return daemon(factory, applicationLoader);
            }
        } catch (NamingException | RuntimeException | NoClassDefFoundError e) {
            LOG.log(Level.FINE, "No managed thread factory; using plain daemon threads", e);
        }
        return daemon(Thread::new, applicationLoader);
    }

    private static ThreadFactory daemon(ThreadFactory base, ClassLoader loader) {
        return task -> {
            Thread thread = base.newThread(task);
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }
}

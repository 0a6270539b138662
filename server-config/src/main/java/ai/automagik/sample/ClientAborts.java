package ai.automagik.sample;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Requests whose client went away before its body arrived: answered, counted, and logged as one short line at
 * most every {@link #INTERVAL_NANOS} (with how many there were since the last line), never with a stack trace.
 * A client that aborts thousands of uploads must not roll the server's logs over and erase what matters
 * (failed logins).
 */
final class ClientAborts {

    static final long INTERVAL_NANOS = 60_000_000_000L;
    private static final Logger LOG = Logger.getLogger(ClientAborts.class.getName());

    private final LongSupplier nanoTime;
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong lastLineAt;

    ClientAborts() {
        this(System::nanoTime);
    }

    ClientAborts(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastLineAt = new AtomicLong(nanoTime.getAsLong() - INTERVAL_NANOS);
    }

    /** Counts one aborted request; returns the line to log now, or null while the interval has not passed. */
    String record(String what) {
        long count = unlogged.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastLineAt.get();
        if (now - last < INTERVAL_NANOS || !lastLineAt.compareAndSet(last, now)) {
            return null;
        }
        long reported = unlogged.getAndSet(0);
        return reported <= 1 ? "Client aborted a request: " + what
                : "Clients aborted " + Math.max(reported, count) + " requests in the last minute; the latest: " + what;
    }

    /** Counts one aborted request and logs the line, if any, at INFO. */
    void log(String what) {
        String line = record(what);
        if (line != null) {
            LOG.info(line);
        }
    }
}

package ai.automagik.tracing.otlp;

import static org.assertj.core.api.Assertions.assertThat;


import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OtlpJsonEncoderConcurrencyTest {

    private static final int THREADS = 8;

    @Test
    void threadsSharingOneEncoderProduceIdenticalOutput() throws Exception {
        Resource resource = OtlpJsonConformanceTest.seedResource();
        List<OtlpSpan> spans = spans(new Random(7), 50);
        byte[] reference = new OtlpJsonEncoder().encode(resource, spans);
        OtlpJsonEncoder shared = new OtlpJsonEncoder(); // factory not created yet: first use is concurrent too

        List<byte[]> results = runConcurrently(thread -> {
            List<byte[]> outputs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                if ((i + thread) % 2 == 0) {
                    outputs.add(shared.encode(resource, spans));
                } else {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    shared.encode(resource, spans, out);
                    outputs.add(out.toByteArray());
                }
            }
            return outputs;
        });

        assertThat(results).hasSize(THREADS * 100).allSatisfy(bytes -> assertThat(bytes).isEqualTo(reference));
        OtlpJsonSupport.parseOtlp(reference);
    }

    @Test
    void differentInputsOnDifferentThreadsDoNotMix() throws Exception {
        OtlpJsonEncoder shared = new OtlpJsonEncoder();
        List<List<OtlpSpan>> inputs = new ArrayList<>();
        List<byte[]> references = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<OtlpSpan> spans = spans(new Random(100 + t), 5 + t);
            inputs.add(spans);
            references.add(new OtlpJsonEncoder().encode(null, spans));
        }

        List<byte[]> results = runConcurrently(thread -> {
            List<byte[]> outputs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                outputs.add(shared.encode(null, inputs.get(thread)));
                // the reused-buffer form, copied out while it is valid, gives the same bytes
                outputs.add(shared.encode(null, inputs.get(thread), java.util.Arrays::copyOf));
            }
            return outputs;
        });

        for (int t = 0; t < THREADS; t++) {
            for (byte[] bytes : results.subList(t * 200, (t + 1) * 200)) {
                assertThat(bytes).isEqualTo(references.get(t));
            }
        }
    }

    interface Task<T> {
        List<T> run(int thread) throws Exception;
    }

    /** Runs the task on {@link #THREADS} threads released together; results in thread order. */
    private static <T> List<T> runConcurrently(Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<List<T>> callable = () -> {
                    ready.countDown();
                    go.await();
                    return task.run(thread);
                };
                futures.add(pool.submit(callable));
            }
            ready.await();
            go.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<OtlpSpan> spans(Random random, int count) {
        List<OtlpSpan> spans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Attributes attributes = new Attributes()
                    .put("s", OtlpJsonConformanceTest.randomString(random))
                    .put("l", random.nextLong())
                    .put("d", random.nextDouble())
                    .put("b", random.nextBoolean());
            spans.add(new OtlpSpan(random.nextLong(), random.nextLong(), random.nextLong(),
                    i == 0 ? 0 : random.nextLong(), OtlpJsonConformanceTest.randomString(random),
                    OtlpSpan.KIND_INTERNAL, random.nextLong(), random.nextLong(), attributes,
                    List.of(new SpanEvent("e" + i, random.nextLong(), new Attributes().put("i", (long) i))),
                    random.nextInt(3), i % 2 == 0 ? null : "m" + i));
        }
        return spans;
    }
}

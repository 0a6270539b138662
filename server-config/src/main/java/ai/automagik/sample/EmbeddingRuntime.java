package ai.automagik.sample;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The RAG agent's embedding runtime: the in-process model and its native libraries (ONNX Runtime, DJL's tokenizer),
 * which a deployment may leave out. {@link #keepOffline} sets what the tokenizer's runtime (DJL) reads from system
 * properties: never
 * download anything, never call home (DJL reports usage when it runs on EC2 unless told not to), and unpack its
 * native library under the application's state directory rather than the user's home. Each is set only where the
 * server's operator has not set it.
 */
final class EmbeddingRuntime {

    private static final String[] CLASSES = {
            "dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel",
            "ai.onnxruntime.OrtEnvironment", "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer"};

    // looked up once: the agent registry asks on every request
    private static final boolean PRESENT = lookUp();

    private EmbeddingRuntime() {
    }

    /** Whether the embedding model and its native runtimes were deployed with the application. */
    static boolean present() {
        return PRESENT;
    }

    private static boolean lookUp() {
        try {
            for (String name : CLASSES) {
                Class.forName(name, false, EmbeddingRuntime.class.getClassLoader());
            }
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static synchronized void keepOffline(Supplier<Path> nativeCache) {
        setUnlessSet("ai.djl.offline", () -> "true");
        setUnlessSet("OPT_OUT_TRACKING", () -> "true");
        setUnlessSet("ENGINE_CACHE_DIR", () -> nativeCache.get().toAbsolutePath().toString());
    }

    private static void setUnlessSet(String key, Supplier<String> value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value.get());
        }
    }
}

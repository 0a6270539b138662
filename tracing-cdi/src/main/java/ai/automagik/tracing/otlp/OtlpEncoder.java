package ai.automagik.tracing.otlp;

import java.util.Arrays;
import java.util.List;

/** Writes a batch of spans as an OTLP {@code ExportTraceServiceRequest} body, in one of the protocol's encodings. */
public interface OtlpEncoder {

    /** Receives an encoded request body: {@code bytes[0 .. length)}, valid only during the call. */
    @FunctionalInterface
    interface BodyUse<R> {
        R apply(byte[] bytes, int length);
    }

    /** The request's bytes, copied out of the encoder's buffer. */
    default byte[] encode(Resource resource, List<? extends EncodableSpan> spans) {
        return encode(resource, spans, (bytes, length) -> Arrays.copyOf(bytes, length));
    }

    /**
     * Encodes the request into a reused buffer and hands it to {@code use}, without copying it out: what the
     * exporter does for every batch. Thread-safe: concurrent calls get separate buffers.
     */
    <R> R encode(Resource resource, List<? extends EncodableSpan> spans, BodyUse<R> use);

    /** The encoder for {@code protocol}. */
    static OtlpEncoder of(OtlpProtocol protocol) {
        return protocol == OtlpProtocol.HTTP_PROTOBUF ? new OtlpProtobufEncoder() : new OtlpJsonEncoder();
    }
}

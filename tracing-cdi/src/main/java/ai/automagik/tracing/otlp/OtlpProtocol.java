package ai.automagik.tracing.otlp;

import java.util.Locale;
import java.util.Optional;

/**
 * The OTLP/HTTP encodings, named as {@code OTEL_EXPORTER_OTLP_PROTOCOL} names them: what a request's
 * {@code Content-Type} says, and how the collector's answer is read.
 */
public enum OtlpProtocol {

    HTTP_JSON("http/json", "application/json"),
    HTTP_PROTOBUF("http/protobuf", "application/x-protobuf");

    private final String setting;
    private final String contentType;

    OtlpProtocol(String setting, String contentType) {
        this.setting = setting;
        this.contentType = contentType;
    }

    /** The name a setting uses ({@code http/json}, {@code http/protobuf}). */
    public String setting() {
        return setting;
    }

    public String contentType() {
        return contentType;
    }

    /** The collector's answer to a successful export: how many spans it rejected, and why. */
    public PartialSuccess partialSuccess(byte[] responseBody) {
        return this == HTTP_PROTOBUF ? PartialSuccess.parseProtobuf(responseBody) : PartialSuccess.parse(responseBody);
    }

    /** The protocol a setting names, ignoring case and surrounding blanks; empty for anything else. */
    public static Optional<OtlpProtocol> fromSetting(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (OtlpProtocol protocol : values()) {
            if (protocol.setting.equals(wanted)) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }
}

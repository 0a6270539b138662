package ai.automagik.sample;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once: each static {@code jakarta.json.Json} call looks the provider up
 * again, and on Open Liberty that lookup throws and catches a ClassNotFoundException every time.
 */
final class SampleJson {

    static final JsonProvider PROVIDER = JsonProvider.provider();

    private SampleJson() {
    }
}

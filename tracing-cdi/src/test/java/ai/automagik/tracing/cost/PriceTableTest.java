package ai.automagik.tracing.cost;

import ai.automagik.tracing.config.InvalidConfigurationException;
import ai.automagik.tracing.config.TracingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PriceTableTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsKnowCommonModelsAndNameTheirVersion() {
        PriceTable defaults = PriceTable.defaults();
        assertThat(defaults.version()).isEqualTo("automagik-2026.12");
        for (String model : new String[] {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "gemini-2.5-flash"}) {
            assertThat(defaults.price(model)).as(model).isNotNull();
        }
        assertThat(defaults.price("gpt-4o-mini").input()).isEqualTo(0.15);
        assertThat(defaults.price("my-own-model")).isNull();
        assertThat(defaults.price(null)).isNull();
    }

    @Test
    void aDatedOrLongerNameCostsWhatTheLongestKnownBeginningCosts() {
        PriceTable defaults = PriceTable.defaults();
        assertThat(defaults.price("gpt-4o-mini-2024-07-18")).isEqualTo(defaults.price("gpt-4o-mini"));
        assertThat(defaults.price("GPT-4o-2024-08-06")).isEqualTo(defaults.price("gpt-4o"));
        assertThat(defaults.price("claude-sonnet-4-20250514")).isEqualTo(defaults.price("claude-sonnet-4"));
        assertThat(defaults.price("claude-opus-4-5-20251101")).isEqualTo(defaults.price("claude-opus-4-5"));
    }

    @Test
    void cachedTokensAreTakenOutOfTheInputAndPricedAtTheirOwnRates() {
        ModelPrice price = new ModelPrice(3.00, 15.00, 0.30, 3.75);
        // 10,000 input of which 6,000 read from the cache and 1,000 written to it; 500 output
        double usd = price.cost(10_000, 500, 6_000, 1_000);
        assertThat(usd).isCloseTo((3_000 * 3.00 + 6_000 * 0.30 + 1_000 * 3.75 + 500 * 15.00) / 1e6, within(1e-12));
        assertThat(price.cost(1_000_000, 0, -1, -1)).isCloseTo(3.00, within(1e-12));
    }

    @Test
    void aFileAndTheSettingOverrideTheDefaultsInThatOrder() throws IOException {
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, "# version contract-2027\nmodel,input,output\ngpt-4o,2.00,8.00\nin-house-7b,0.01,0.02\n");
        PriceTable table = PriceTable.load(file, "in-house-7b=0.05/0.10/0.01; fake-gpt-mini=1/2");
        assertThat(table.price("gpt-4o").input()).isEqualTo(2.00);
        assertThat(table.price("gpt-4o").cachedInput()).as("defaults to the input price").isEqualTo(2.00);
        assertThat(table.price("in-house-7b").input()).isEqualTo(0.05);
        assertThat(table.price("in-house-7b").cachedInput()).isEqualTo(0.01);
        assertThat(table.price("fake-gpt-mini").output()).isEqualTo(2.0);
        assertThat(table.price("claude-sonnet-4")).as("the defaults stay").isNotNull();
        assertThat(table.version()).contains("automagik-2026.12").contains("contract-2027");
    }

    @Test
    void aWrongPriceStopsTheStartNamingTheSetting() throws IOException {
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("AUTOMAGIK_PRICES", "gpt-4o=cheap/10")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("AUTOMAGIK_PRICES")
                .hasMessageContaining("model=input/output");
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("AUTOMAGIK_PRICES", "gpt-4o=-1/10")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("AUTOMAGIK_PRICES", "gpt-4o")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("'gpt-4o'");
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("AUTOMAGIK_PRICES_FILE",
                dir.resolve("missing.csv").toString()))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("AUTOMAGIK_PRICES_FILE").hasMessageContaining("cannot read");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "gpt-4o,2.00\n");
        assertThatThrownBy(() -> TracingConfig.fromMap(Map.of("AUTOMAGIK_PRICES_FILE", bad.toString())))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("line 1");
    }
}

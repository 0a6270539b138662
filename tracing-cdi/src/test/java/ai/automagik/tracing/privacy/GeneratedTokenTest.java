package ai.automagik.tracing.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedTokenTest {

    private static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @Test
    void randomKeysOfTwentyCharactersOrMoreAreRecognised() {
        Random random = new Random(20261203L);
        int recognised = 0;
        int candidates = 0;
        for (int i = 0; i < 5000; i++) {
            int length = 20 + random.nextInt(45);
            StringBuilder key = new StringBuilder(length);
            for (int c = 0; c < length; c++) {
                key.append(BASE62.charAt(random.nextInt(BASE62.length())));
            }
            String value = key.toString();
            if (value.chars().anyMatch(Character::isUpperCase) && value.chars().anyMatch(Character::isLowerCase)
                    && value.chars().anyMatch(Character::isDigit)) {
                candidates++;
                recognised += GeneratedToken.looksGenerated(value) ? 1 : 0;
            }
        }
        assertThat(recognised).as("of %d random keys", candidates).isGreaterThan(candidates * 98 / 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OrderProcessingService2024", "ClaudeSonnet35Latest20241022", "CustomerAccountNumber99",
        "ThisIsAVeryLongIdentifier1", "6f1c1c9e-58a4-4c8a-9d55-5d3c5e0f7a11", "4bf92f3577b34da6a3ce929d0e0e4736",
        "gpt4oMini2024Jul18", "short7Ab", "the quick brown fox jumps over 2 Lazy dogs", "2026-11-24T06:59:57.123Z",
        "https://example.com/Path/To/Resource2024"})
    void namesIdsAndProseAreNot(String value) {
        assertThat(GeneratedToken.looksGenerated(value)).isFalse();
    }
}

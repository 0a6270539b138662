package ai.automagik.tracing.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated personal data and secrets, and the marker each should become; seeded, so failures reproduce. */
final class PiiCorpus {

    record Sample(String kind, String secret, String marker) {
    }

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";
    private static final String[] WORDS = {"agent", "ran", "the", "tool", "with", "result", "for", "user", "query",
        "and", "then", "failed", "because", "config", "value", "model", "is", "ok", "see", "details"};
    private static final String[] SEPARATORS = {" ", "\n", ", ", "; ", " (", ") ", " \"", "\" ", ": ", "\t", " [", "] "};

    private final Random random;

    PiiCorpus(long seed) {
        random = new Random(seed);
    }

    private String pick(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    Sample next() {
        return switch (random.nextInt(16)) {
            case 0 -> new Sample("email", pick(LOWER, between(2, 12)) + (random.nextBoolean() ? "." + pick(LOWER, 4) : "")
                    + "@" + pick(LOWER, between(3, 10)) + "." + (random.nextBoolean() ? "com" : "co.uk"), "[EMAIL]");
            case 1 -> new Sample("openai", "sk-" + (random.nextBoolean() ? "proj-" : "") + pick(ALNUM, between(20, 48)),
                    "[API_KEY]");
            case 2 -> new Sample("anthropic", "sk-ant-api03-" + pick(ALNUM, between(30, 60)), "[API_KEY]");
            case 3 -> new Sample("aws", "AKIA" + pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), "[API_KEY]");
            case 4 -> new Sample("github", "ghp_" + pick(ALNUM, 36), "[API_KEY]");
            case 5 -> new Sample("langwatch", "sk-lw-" + pick(ALNUM, between(24, 40)), "[API_KEY]");
            case 6 -> new Sample("bearer", "Bearer " + pick(ALNUM + "._-", between(20, 60)), "[TOKEN]");
            case 7 -> new Sample("jwt", "eyJ" + pick(ALNUM, between(10, 30)) + "." + pick(ALNUM, between(10, 60)) + "."
                    + pick(ALNUM, between(10, 40)), "[JWT]");
            case 8 -> new Sample("password-pair", "password=" + pick(ALNUM + "!#$%", between(6, 20)), "[REDACTED]");
            case 9 -> new Sample("json-token", "\"token\": \"" + pick(ALNUM, between(8, 30)) + "\"", "[REDACTED]");
            case 10 -> new Sample("ipv4", between(1, 223) + "." + between(0, 255) + "." + between(0, 255) + "."
                    + between(1, 254), "[IP]");
            case 11 -> new Sample("ipv6", pick(HEX, 4) + ":" + pick(HEX, 4) + ":" + pick(HEX, 3) + "::" + pick(HEX, 4) + ":"
                    + pick(HEX, 2), "[IP]");
            case 12 -> new Sample("card", card(), "[CARD]");
            case 13 -> new Sample("phone", "+55 11 9" + pick("0123456789", 4) + "-" + pick("0123456789", 4), "[PHONE]");
            case 14 -> new Sample("cpf", pick("0123456789", 3) + "." + pick("0123456789", 3) + "." + pick("0123456789", 3)
                    + "-" + pick("0123456789", 2), "[CPF]");
            default -> new Sample("home", "/home/" + pick(LOWER, between(3, 10)), "[PATH]");
        };
    }

    /** A Luhn-valid 16-digit number, sometimes grouped by spaces or dashes. */
    private String card() {
        int[] digits = new int[16];
        digits[0] = 4;
        for (int i = 1; i < 15; i++) {
            digits[i] = random.nextInt(10);
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int d = digits[14 - i];
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        digits[15] = (10 - sum % 10) % 10;
        String separator = switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> " ";
            default -> "-";
        };
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append(separator);
            }
            sb.append(digits[i]);
        }
        return sb.toString();
    }

    /** The secret with random words and punctuation around it. */
    String embed(String secret) {
        StringBuilder sb = new StringBuilder();
        for (int i = between(0, 4); i > 0; i--) {
            sb.append(WORDS[random.nextInt(WORDS.length)]).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        sb.append(secret);
        for (int i = between(0, 4); i > 0; i--) {
            sb.append(SEPARATORS[random.nextInt(SEPARATORS.length)]).append(WORDS[random.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    List<Sample> samples(int count) {
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(next());
        }
        return samples;
    }
}

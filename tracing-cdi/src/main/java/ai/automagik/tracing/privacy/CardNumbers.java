package ai.automagik.tracing.privacy;

/**
 * Payment card checks for a candidate such as {@code 4111 1111 1111 1111}: 13 to 19 digits, a valid Luhn
 * check digit and, when separated, the grouping printed on real cards (fours, or 4-6-5 / 4-6-4). The
 * grouping rule keeps UUIDs ({@code 8-4-4-4-12}) and phone numbers from being taken for cards.
 */
final class CardNumbers {

    private CardNumbers() {
    }

    static boolean isCard(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        return digits.length() >= 13 && digits.length() <= 19 && hasCardGrouping(candidate) && luhnValid(digits);
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static boolean hasCardGrouping(String candidate) {
        String[] groups = candidate.split("[ -]");
        if (groups.length == 1) {
            return true;
        }
        if (groups.length == 3 && groups[0].length() == 4 && groups[1].length() == 6
                && (groups[2].length() == 5 || groups[2].length() == 4)) {
            return true;
        }
        for (int i = 0; i < groups.length - 1; i++) {
            if (groups[i].length() != 4) {
                return false;
            }
        }
        return !groups[groups.length - 1].isEmpty() && groups[groups.length - 1].length() <= 4;
    }
}

package ai.automagik.tracing.privacy;

import java.util.Set;

/**
 * The two-digit Brazilian telephone area codes (DDD) in use, which Anatel assigns: 67 of the 90 two-digit
 * numbers. Checking them lets a bare {@code 11987654321} be a phone number while most other 11-digit numbers
 * stay.
 */
final class BrazilianAreaCodes {

    private static final Set<String> CODES = Set.of(
            "11", "12", "13", "14", "15", "16", "17", "18", "19",
            "21", "22", "24", "27", "28",
            "31", "32", "33", "34", "35", "37", "38",
            "41", "42", "43", "44", "45", "46", "47", "48", "49",
            "51", "53", "54", "55",
            "61", "62", "63", "64", "65", "66", "67", "68", "69",
            "71", "73", "74", "75", "77", "79",
            "81", "82", "83", "84", "85", "86", "87", "88", "89",
            "91", "92", "93", "94", "95", "96", "97", "98", "99");

    private BrazilianAreaCodes() {
    }

    /** {@code 11} or, with the trunk prefix, {@code 011}: an area code in use. */
    static boolean contains(String digits) {
        String code = digits.length() == 3 && digits.charAt(0) == '0' ? digits.substring(1) : digits;
        return CODES.contains(code);
    }
}

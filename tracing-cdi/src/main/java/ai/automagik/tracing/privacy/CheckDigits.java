package ai.automagik.tracing.privacy;

/**
 * Check-digit algorithms that tell an identifier from an ordinary number of the same length: the two mod-11
 * digits of a Brazilian CPF and CNPJ, and the ISO 7064 mod 97-10 check of an IBAN. Each takes the
 * identifier without separators; a wrong length or character is simply invalid.
 */
final class CheckDigits {

    private static final int[] CNPJ_FIRST = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int[] CNPJ_SECOND = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};

    private CheckDigits() {
    }

    /**
     * Eleven digits whose last two are the CPF check digits of the first nine. One digit repeated eleven
     * times passes the arithmetic but is no CPF (Receita Federal never issues them), and is far more often
     * a placeholder such as {@code 00000000000}.
     */
    static boolean isCpf(String digits) {
        if (digits.length() != 11 || !allDigits(digits) || sameCharacter(digits)) {
            return false;
        }
        return cpfDigit(digits, 9) == digits.charAt(9) - '0' && cpfDigit(digits, 10) == digits.charAt(10) - '0';
    }

    /**
     * Fourteen characters whose last two digits are the CNPJ check digits of the first twelve. The first twelve
     * may be capital letters as well as digits: the alphanumeric CNPJ that Receita Federal issues from July
     * 2026 uses the same weights with each character worth its code minus 48.
     */
    static boolean isCnpj(String value) {
        if (value.length() != 14 || sameCharacter(value)) {
            return false;
        }
        for (int i = 0; i < 14; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (i < 12 && c >= 'A' && c <= 'Z');
            if (!allowed) {
                return false;
            }
        }
        return cnpjDigit(value, CNPJ_FIRST) == value.charAt(12) - '0'
                && cnpjDigit(value, CNPJ_SECOND) == value.charAt(13) - '0';
    }

    /**
     * The ISO 7064 mod 97-10 check of an IBAN written without spaces: the first four characters moved to
     * the end, letters read as 10 to 35 (either case), the number must leave 1 divided by 97.
     */
    static boolean ibanMod97(String iban) {
        if (iban.length() < 5) {
            return false;
        }
        int remainder = 0;
        for (int i = 0; i < iban.length(); i++) {
            char c = iban.charAt((i + 4) % iban.length());
            int value = Character.digit(c, 36);
            if (value < 0 || c > 'z') {
                return false;
            }
            remainder = (value < 10 ? remainder * 10 : remainder * 100) + value;
            remainder %= 97;
        }
        return remainder == 1;
    }

    /** The check digit at {@code position} (9 or 10) of a CPF: weights count down from position + 1 to 2. */
    private static int cpfDigit(String digits, int position) {
        int sum = 0;
        for (int i = 0; i < position; i++) {
            sum += (digits.charAt(i) - '0') * (position + 1 - i);
        }
        int rest = sum * 10 % 11;
        return rest == 10 ? 0 : rest;
    }

    private static int cnpjDigit(String value, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (value.charAt(i) - '0') * weights[i];
        }
        int rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean sameCharacter(String text) {
        return text.chars().allMatch(c -> c == text.charAt(0));
    }
}

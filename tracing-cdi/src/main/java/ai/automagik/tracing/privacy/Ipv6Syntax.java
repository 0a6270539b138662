package ai.automagik.tracing.privacy;

/**
 * Checks a candidate such as {@code fe80::1ff:fe23:4567:890a} against the IPv6 text grammar (RFC 4291,
 * section 2.2), including the {@code ::ffff:192.0.2.1} form. Clock times ({@code 12:30:45}) and MAC
 * addresses fail it. A candidate without any decimal digit ({@code cafe::beef}, {@code ::}) is not
 * taken for an address: such strings are far more often code ({@code Type::method}) than addresses.
 */
final class Ipv6Syntax {

    private Ipv6Syntax() {
    }

    static boolean isAddress(String candidate) {
        if (candidate.chars().noneMatch(Character::isDigit)) {
            return false;
        }
        int compressed = candidate.indexOf("::");
        if (compressed >= 0 && candidate.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        if ((candidate.startsWith(":") && !candidate.startsWith("::"))
                || (candidate.endsWith(":") && !candidate.endsWith("::"))) {
            return false;
        }
        String[] groups = candidate.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.isEmpty()) {
                continue;
            }
            if (i == groups.length - 1 && group.indexOf('.') >= 0) {
                if (!isIpv4(group)) {
                    return false;
                }
                count += 2;
            } else if (group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            } else {
                count++;
            }
        }
        if (compressed >= 0) {
            return count <= 7;
        }
        // Without "::" no group may be empty: "1::" style holes are only legal as the one compression.
        for (String group : groups) {
            if (group.isEmpty()) {
                return false;
            }
        }
        return count == 8;
    }

    private static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}

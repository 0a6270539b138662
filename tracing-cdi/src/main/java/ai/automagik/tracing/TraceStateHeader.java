package ai.automagik.tracing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The W3C {@code tracestate} list as it arrives in one or more header fields: combined in order, validated as a
 * whole, normalised to {@code key=value} members joined by commas. Any invalid member, or more than
 * {@value #MAX_MEMBERS} members, discards the entire list (the Trace Context test suite's strict level); empty
 * members and the optional white space around commas are dropped; a later duplicate of a key is dropped.
 */
final class TraceStateHeader {

    static final int MAX_MEMBERS = 32;
    /** Longer input is not parsed at all (32 members of a 256-character key and value, with separators). */
    static final int MAX_INPUT = 32 * 515;
    private static final int MAX_KEY = 256;
    private static final int MAX_VALUE = 256;

    /** Why parsing gave nothing: no header at all, or headers that were invalid (then counted by the caller). */
    record Result(String value, boolean rejected) {
        static final Result NONE = new Result("", false);
        static final Result REJECTED = new Result("", true);
    }

    private TraceStateHeader() {
    }

    static Result parse(List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return Result.NONE;
        }
        int length = 0;
        for (String field : fields) {
            length += field == null ? 0 : field.length() + 1;
        }
        if (length > MAX_INPUT) {
            return Result.REJECTED;
        }
        List<String> members = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String field : fields) {
            if (field == null) {
                continue;
            }
            for (String raw : field.split(",", -1)) {
                String member = trimOws(raw);
                if (member.isEmpty()) {
                    continue;
                }
                int equals = member.indexOf('=');
                if (equals <= 0 || !validKey(member, equals) || !validValue(member, equals + 1)) {
                    return Result.REJECTED;
                }
                if (keys.add(member.substring(0, equals))) {
                    members.add(member);
                }
                if (members.size() > MAX_MEMBERS) {
                    return Result.REJECTED;
                }
            }
        }
        return members.isEmpty() ? Result.NONE : new Result(String.join(",", members), false);
    }

    /** Spaces and tabs around a member are optional white space; inside it they are not. */
    private static String trimOws(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && (raw.charAt(start) == ' ' || raw.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\t')) {
            end--;
        }
        return raw.substring(start, end);
    }

    /** {@code (lcalpha / DIGIT) 0*255(lcalpha / DIGIT / "_" / "-" / "*" / "/" / "@")}. */
    private static boolean validKey(String member, int end) {
        if (end > MAX_KEY) {
            return false;
        }
        char first = member.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first >= '0' && first <= '9')) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = member.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '*' || c == '/'
                    || c == '@')) {
                return false;
            }
        }
        return true;
    }

    /** 1 to 256 printable ASCII characters but {@code ,} and {@code =}, the last not a space. */
    private static boolean validValue(String member, int start) {
        int length = member.length() - start;
        if (length < 1 || length > MAX_VALUE || member.charAt(member.length() - 1) == ' ') {
            return false;
        }
        for (int i = start; i < member.length(); i++) {
            char c = member.charAt(i);
            if (c < 0x20 || c > 0x7e || c == ',' || c == '=') {
                return false;
            }
        }
        return true;
    }
}

package ai.automagik.tracing.privacy;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression whose matches are replaced, optionally only after a check in code (Luhn digit,
 * IPv6 grammar) that a regular expression cannot express cheaply.
 *
 * <p>Patterns given here must stay linear on hostile input: every repetition is bounded or possessive,
 * and a pattern that starts with a run of some character class is preceded by a look-behind that
 * excludes that class, so a long run is tried from its first character only.
 */
final class PatternRule implements ScrubRule {

    private final List<String> requiredFragments;
    private final Pattern pattern;
    private final Function<MatchResult, String> replacement;

    /**
     * @param requiredFragment text that every match contains; when the input lacks it the pattern is not
     *                         run at all (null: always run)
     * @param replacement      the replacement of a match, or null to leave that match as it is
     */
    PatternRule(String requiredFragment, Pattern pattern, Function<MatchResult, String> replacement) {
        this(requiredFragment == null ? List.of() : List.of(requiredFragment), pattern, replacement);
    }

    private PatternRule(List<String> requiredFragments, Pattern pattern, Function<MatchResult, String> replacement) {
        this.requiredFragments = List.copyOf(requiredFragments);
        this.pattern = pattern;
        this.replacement = replacement;
    }

    /**
     * @param requiredFragments every match contains one of these; when the input contains none of them the
     *                          pattern is not run at all
     */
    static PatternRule anyOf(List<String> requiredFragments, Pattern pattern, Function<MatchResult, String> replacement) {
        return new PatternRule(requiredFragments, pattern, replacement);
    }

    static PatternRule marker(String requiredFragment, String regex, String marker) {
        return new PatternRule(requiredFragment, Pattern.compile(regex), match -> marker);
    }

    static PatternRule checked(String requiredFragment, String regex, Predicate<String> check, String marker) {
        return new PatternRule(requiredFragment, Pattern.compile(regex),
                match -> check.test(match.group()) ? marker : null);
    }

    @Override
    public String apply(String text) {
        if (!mayMatch(text)) {
            return text;
        }
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (matcher.find()) {
            String replaced = replacement.apply(matcher);
            if (replaced == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, matcher.start()).append(replaced);
            copied = matcher.end();
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private boolean mayMatch(String text) {
        if (requiredFragments.isEmpty()) {
            return true;
        }
        for (String fragment : requiredFragments) {
            if (text.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}

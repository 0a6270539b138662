package ai.automagik.tracing.privacy;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Credentials recognised by the prefix or shape their provider gives them, the formats that secret scanners
 * (gitleaks, trufflehog, GitHub secret scanning) publish. Every one becomes {@code [API_KEY]}, whether the
 * provider calls it a key, a token or a secret: what identifies it is its format, not how it is presented
 * ({@code [TOKEN]} is for what follows {@code Bearer}).
 *
 * <p>Publishable keys and account ids ({@code pk_live_…}, {@code pk-lf-…}, a Twilio {@code AC…} SID) are not
 * secrets, but they name a customer's account at the provider, which anonymous telemetry has no use for, and
 * nothing ordinary has their shape; they are taken out too.
 *
 * <p>Each format starts with a look-behind that excludes the characters it starts with, so a long run is
 * tried from its first character only, and its repetitions are possessive or bounded.
 */
final class KeyFormats {

    private static final List<PatternRule> FORMATS = List.of(
            // OpenAI (sk-, sk-proj-, sk-svcacct-), Anthropic (sk-ant-), LangWatch (sk-lw-), DeepSeek,
            // OpenRouter (sk-or-v1-), Langfuse secret keys (sk-lf-); Langfuse public keys (pk-lf-)
            format(List.of("k-"), "(?<![A-Za-z0-9_-])(?:sk|pk-lf)-[A-Za-z0-9_-]{16,}+"),
            // AWS access key ids
            format(List.of("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "AROA", "APKA"),
                    "(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}(?![A-Za-z0-9])"),
            // GitHub tokens
            format(List.of("gh", "github_pat_"),
                    "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{20,}+|github_pat_[A-Za-z0-9_]{20,}+)"),
            // Slack tokens and app tokens, Google API keys (also Gemini), Hugging Face
            format(List.of("xox", "xapp-", "AIza", "hf_"), "(?<![A-Za-z0-9_-])(?:xox[abposre]-[A-Za-z0-9-]{10,}+"
                    + "|xapp-\\d-[A-Za-z0-9-]{10,}+|AIza[A-Za-z0-9_-]{30,}+|hf_[A-Za-z0-9]{30,}+)"),
            // Stripe secret, restricted and publishable keys, webhook signing secrets
            format(List.of("k_live_", "k_test_", "whsec_"),
                    "(?<![A-Za-z0-9_])(?:[srp]k_(?:live|test)_[A-Za-z0-9]{10,}+|whsec_[A-Za-z0-9+/=]{20,}+)"),
            // GitLab personal, deploy, runner, trigger, feed, CI, mail, OAuth, SCIM, agent and feature flag tokens,
            // and runner registration tokens
            format(List.of("gl"), "(?<![A-Za-z0-9_-])gl(?:pat|dt|rt|ptt|ft|cbt|imt|oas|soat|agent|ffct|wt)-"
                    + "[A-Za-z0-9_.-]{20,}+"),
            format(List.of("GR1348941"), "(?<![A-Za-z0-9])GR1348941[A-Za-z0-9_-]{20,}+"),
            // npm access tokens
            format(List.of("npm_"), "(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])"),
            // Google OAuth client secrets and access tokens
            format(List.of("GOCSPX-"), "(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{20,}+"),
            format(List.of("ya29."), "(?<![A-Za-z0-9_.-])ya29\\.[A-Za-z0-9_.-]{20,}+"),
            // 1Password secret keys and service account tokens
            format(List.of("A3-"), "(?<![A-Za-z0-9-])A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})"
                    + "(?:-[A-Z0-9]{5}){3}(?![A-Za-z0-9])"),
            format(List.of("ops_eyJ"), "(?<![A-Za-z0-9_-])ops_eyJ[A-Za-z0-9_+/=.-]{20,}+"),
            // age secret keys
            format(List.of("AGE-SECRET-KEY-1"), "(?<![A-Za-z0-9-])AGE-SECRET-KEY-1[A-Z0-9]{58}(?![A-Za-z0-9])"),
            // Azure AD (Entra ID) client secrets: three characters, a digit, Q~, then 31 to 34 more
            format(List.of("Q~"), "(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}"
                    + "(?![A-Za-z0-9_~-]|\\.[A-Za-z0-9_~-])"),
            // Twilio API key SIDs and account SIDs
            format(List.of("SK", "AC"), "(?<![A-Za-z0-9])(?:SK|AC)[0-9a-fA-F]{32}(?![A-Za-z0-9])"),
            // SendGrid
            format(List.of("SG."), "(?<![A-Za-z0-9_-])SG\\.[A-Za-z0-9_-]{16,32}+\\.[A-Za-z0-9_-]{30,64}+"),
            // Shopify access tokens and shared secrets, DigitalOcean personal, OAuth and refresh tokens
            format(List.of("shp", "_v1_"), "(?<![A-Za-z0-9_])(?:shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}"
                    + "|do[opr]_v1_[a-f0-9]{64})(?![A-Za-z0-9])"),
            // Groq, xAI, Perplexity, Replicate, LangSmith
            format(List.of("gsk_", "xai-", "pplx-", "r8_", "lsv2_"), "(?<![A-Za-z0-9_-])(?:gsk_[A-Za-z0-9]{20,}+"
                    + "|xai-[A-Za-z0-9]{40,}+|pplx-[A-Za-z0-9]{32,}+|r8_[A-Za-z0-9]{30,}+"
                    + "|lsv2_(?:pt|sk)_[A-Za-z0-9_]{20,}+)"));

    /**
     * Every format, applied in turn: a format whose prefixes are all absent from the text costs a search for
     * them and no regular expression. Where two formats could match the same text, the earlier one has already
     * replaced it.
     */
    static final ScrubRule RULE = text -> {
        String result = text;
        for (PatternRule format : FORMATS) {
            result = format.apply(result);
        }
        return result;
    };

    private KeyFormats() {
    }

    /**
     * {@code [API_KEY]} for a match, keeping the periods it ends with (formats that allow inner periods
     * would otherwise swallow the end of a sentence); null for an {@code sk-} word without a digit or capital
     * letter: {@code sk-learn-…} is a library.
     */
    private static String markerOrNull(MatchResult match) {
        String key = match.group();
        if (key.startsWith("sk-")
                && key.chars().skip(3).noneMatch(c -> Character.isDigit(c) || Character.isUpperCase(c))) {
            return null;
        }
        return Sanitizer.API_KEY + Sanitizer.trailingPeriods(key);
    }

    private static PatternRule format(List<String> prefixes, String regex) {
        return PatternRule.anyOf(prefixes, Pattern.compile(regex), KeyFormats::markerOrNull);
    }
}

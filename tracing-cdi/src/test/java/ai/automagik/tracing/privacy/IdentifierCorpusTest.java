package ai.automagik.tracing.privacy;

import ai.automagik.tracing.otlp.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identifier corpus: every kind in every context becomes exactly its marker, with the prose around it
 * untouched, and every ordinary value in every context survives unchanged.
 */
class IdentifierCorpusTest {

    /** Random instances of each kind; each is embedded in every context. */
    private static final int PER_KIND = 12;

    private final Sanitizer sanitizer = Sanitizer.defaults();

    @Test
    void everyKindInEveryContextBecomesItsMarkerAndNothingElseChanges() {
        IdentifierCorpus corpus = new IdentifierCorpus(20261124L);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String kind : corpus.kinds()) {
            for (IdentifierCorpus.Sample sample : corpus.samples(kind, PER_KIND)) {
                for (String[] context : contextsOf(sample)) {
                    String text = context[0] + sample.text() + context[1];
                    String expected = context[0] + sample.expected() + context[1];
                    String scrubbed = sanitizer.scrub(text);
                    if (!scrubbed.equals(expected) || scrubbed.contains(sample.core())
                            || !scrubbed.contains(sample.marker())) {
                        failures.add(kind + ": " + text + "\n   became " + scrubbed + "\n   expected " + expected);
                    }
                    cases++;
                }
            }
        }
        assertThat(failures).as("%d of %d cases", failures.size(), cases).isEmpty();
        assertThat(cases).isGreaterThanOrEqualTo(corpus.kinds().size() * PER_KIND * IdentifierCorpus.CONTEXTS.size());
    }

    @Test
    void ordinaryValuesInEveryContextSurviveUnchanged() {
        IdentifierCorpus corpus = new IdentifierCorpus(77L);
        List<String> failures = new ArrayList<>();
        for (String value : corpus.ordinaryValues(40)) {
            List<String[]> contexts = new ArrayList<>(IdentifierCorpus.CONTEXTS);
            contexts.addAll(IdentifierCorpus.SENTENCE_CONTEXTS);
            for (String[] context : contexts) {
                String text = context[0] + value + context[1];
                String scrubbed = sanitizer.scrub(text);
                if (!scrubbed.equals(text)) {
                    failures.add(text + "\n   became " + scrubbed);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void noCorpusIdentifierPassesTheTelemetryPolicy() {
        IdentifierCorpus corpus = new IdentifierCorpus(5L);
        TelemetryAttributePolicy policy = TelemetryAttributePolicy.defaults();
        for (String kind : corpus.kinds()) {
            for (IdentifierCorpus.Sample sample : corpus.samples(kind, 3)) {
                Attributes clean = policy.apply("tool.executed", Map.of("event.tool_name", "used " + sample.text()));
                assertThat((String) clean.get("event.tool_name")).as(kind + ": " + sample.text())
                        .doesNotContain(sample.core());
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cpf 123.456.789-09 ok|cpf [CPF] ok",
        "cpf 12345678909 ok|cpf [CPF] ok",
        "cpf 123456789-09 ok|cpf [CPF] ok",
        "cpf 123 456 789 09 ok|cpf [CPF] ok",
        "cnpj 12.345.678/0001-95 ok|cnpj [CNPJ] ok",
        "cnpj 12345678000195 ok|cnpj [CNPJ] ok",
        "cnpj 12345678/0001-95 ok|cnpj [CNPJ] ok",
        "cnpj 12.ABC.345/01DE-35 ok|cnpj [CNPJ] ok",
        "id 12345678900 and 12345678000196 stay|id 12345678900 and 12345678000196 stay",
        "placeholder 00000000000 and 11111111111111 stay|placeholder 00000000000 and 11111111111111 stay",
        "stamp 20261124065957 stays|stamp 20261124065957 stays",
        "iban DE89 3704 0044 0532 0130 00 ok|iban [IBAN] ok",
        "iban GB82WEST12345698765432.|iban [IBAN].",
        "iban BR15 0000 0000 0000 1093 2840 814 P2 ok|iban [IBAN] ok",
        "iban DE89 3704 0044 0532 0130 00 1234 ok|iban [IBAN] 1234 ok",
        "ref AB12 DE89370400440532013000|ref AB12 [IBAN]",
        "wrong DE89370400440532013001 or DE89370400440532013000X stay|wrong DE89370400440532013001 or DE89370400440532013000X stay",
        "short DE89 3704 0044 0532 0130 0 stays|short DE89 3704 0044 0532 0130 0 stays",
        "call 11 98765-4321 now|call [PHONE] now",
        "call (11) 98765-4321 now|call [PHONE] now",
        "call 11987654321 now|call [PHONE] now",
        "call 021 98765 4321 now|call [PHONE] now",
        "call 415-555-2671 or 415 555 2671 now|call [PHONE] or [PHONE] now",
        "call 0044 20 7946 0958 now|call [PHONE] now",
        "call (+55 11 91234-5678) or (0044 (0)20 7946 0958) now|call ([PHONE]) or ([PHONE]) now",
        "padded 00123456789012 stays|padded 00123456789012 stays",
        "epoch 1700000000 and bare 4155552671 stay|epoch 1700000000 and bare 4155552671 stay",
        "ids 10987654321 and 12345678901 stay|ids 10987654321 and 12345678901 stay",
        "landline 11 3456-7890 and years 15 2020-2024 stay|landline 11 3456-7890 and years 15 2020-2024 stay",
        "batch sizes 128 256 512 1024 stay|batch sizes 128 256 512 1024 stay",
        "ms 1700000000000 stays|ms 1700000000000 stays",
        "models xai-grok-2-latest, sk-learn-pipeline and r8_small stay|models xai-grok-2-latest, sk-learn-pipeline and r8_small stay",
        "npm_config_cache and glpat- alone stay|npm_config_cache and glpat- alone stay",
        "key ya29.a0AfH6SMBx3kL9mN2pQ7rT5vW8yZ1cD4fG6hJ0. Next|key [API_KEY]. Next",
        "aws wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ok|aws [API_KEY] ok",
        "azure Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw== ok|azure [API_KEY] ok",
        "commit 3f1c9e2b7a6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b and route /api/v1/agents/Researcher2/runs/abcDEF12 stay|commit 3f1c9e2b7a6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b and route /api/v1/agents/Researcher2/runs/abcDEF12 stay",
        "post to https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX now|post to https://hooks.slack.com/[WEBHOOK] now",
        "post to https://discord.com/api/webhooks/123/abc now|post to https://discord.com/[WEBHOOK] now",
        "senha=hunter2 and senha: hunter2|senha=[REDACTED] and senha: [REDACTED]",
        "{\"senha\": \"hunter2\", \"usuário\": \"maria\"}|{\"senha\": \"[REDACTED]\", \"usuário\": \"maria\"}",
        "contraseña=hunter2 contrasena=hunter2 clave=hunter2|contraseña=[REDACTED] contrasena=[REDACTED] clave=[REDACTED]",
        "chave=abc chave_api=abc token_acesso=abc|chave=[REDACTED] chave_api=[REDACTED] token_acesso=[REDACTED]",
        "segredo=abc secreto=abc palavra-passe=abc|segredo=[REDACTED] secreto=[REDACTED] palavra-passe=[REDACTED]",
        "<add key=\"ClearTextPassword\" value=\"hunter2\" />|<add key=\"ClearTextPassword\" value=\"[REDACTED]\" />",
        "<add key=\"Username\" value=\"bob\" />|<add key=\"Username\" value=\"bob\" />",
        "resenha=ótima chaveiro=azul senha_tamanho=12 clave_tipo=AES nome=Maria autoclave=on|resenha=ótima chaveiro=azul senha_tamanho=12 clave_tipo=AES nome=Maria autoclave=on",
        "author=Alice monkey=banana max_tokens=100 token_count=3|author=Alice monkey=banana max_tokens=100 token_count=3",
        "docs at https://hooks.slack.com and https://discord.com/channels/1/2 stay|docs at https://hooks.slack.com and https://discord.com/channels/1/2 stay",
    })
    void documentedExamples(String input, String expected) {
        assertThat(sanitizer.scrub(input)).isEqualTo(expected);
    }

    @Test
    void checkDigitsOfCpfCnpjAndIban() {
        assertThat(CheckDigits.isCpf("12345678909")).isTrue();
        assertThat(CheckDigits.isCpf("12345678900")).isFalse();
        assertThat(CheckDigits.isCpf("11111111111")).as("one digit repeated").isFalse();
        assertThat(CheckDigits.isCpf("1234567890")).isFalse();
        assertThat(CheckDigits.isCnpj("12345678000195")).isTrue();
        assertThat(CheckDigits.isCnpj("12345678000196")).isFalse();
        assertThat(CheckDigits.isCnpj("12ABC34501DE35")).as("alphanumeric CNPJ").isTrue();
        assertThat(CheckDigits.isCnpj("12ABC34501DE36")).isFalse();
        assertThat(CheckDigits.isCnpj("00000000000000")).isFalse();
        assertThat(CheckDigits.ibanMod97("DE89370400440532013000")).isTrue();
        assertThat(CheckDigits.ibanMod97("GB82WEST12345698765432")).isTrue();
        assertThat(CheckDigits.ibanMod97("gb82west12345698765432")).isTrue();
        assertThat(CheckDigits.ibanMod97("DE89370400440532013001")).isFalse();
    }

    @Test
    void aGcpServiceAccountFileKeepsOnlyWhatIsNotSecret() {
        String file = "{\n  \"type\": \"service_account\",\n  \"project_id\": \"demo-project\",\n"
                + "  \"private_key_id\": \"3f1c9e2b7a6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b\",\n"
                + "  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nBKcwggSjAgEAAoIBAQC7\\n"
                + "-----END PRIVATE KEY-----\\n\",\n"
                + "  \"client_email\": \"tracer@demo-project.iam.gserviceaccount.com\",\n"
                + "  \"client_id\": \"104532781234567890123\",\n"
                + "  \"token_uri\": \"https://oauth2.googleapis.com/token\"\n}";
        assertThat(sanitizer.scrub(file)).isEqualTo("{\n  \"type\": \"service_account\",\n"
                + "  \"project_id\": \"demo-project\",\n  \"private_key_id\": \"[REDACTED]\",\n"
                + "  \"private_key\": \"[PRIVATE_KEY]\",\n  \"client_email\": \"[EMAIL]\",\n"
                + "  \"client_id\": \"104532781234567890123\",\n"
                + "  \"token_uri\": \"https://oauth2.googleapis.com/token\"\n}");
    }

    @Test
    void portugueseAndSpanishNamesAreSecretNames() {
        for (String name : List.of("senha", "Senha", "senhaBanco", "contraseña", "Contraseña", "contrase\u0301na",
                "contrasena", "clave", "claveApi", "chave", "chave_api", "token_acesso", "segredo", "secreto",
                "palavra-passe", "palavraPasse", "llave_api")) {
            assertThat(SecretNames.looksSecret(name)).as(name).isTrue();
        }
        for (String name : List.of("resenha", "chaveiro", "autoclave", "senha_tamanho", "clave_tipo", "chave_nome",
                "author", "monkey", "max_tokens", "token_count")) {
            assertThat(SecretNames.looksSecret(name)).as(name).isFalse();
        }
        assertThat(SecretNames.parts("contraseñaBD")).containsExactly("contrasena", "bd");
    }

    private static List<String[]> contextsOf(IdentifierCorpus.Sample sample) {
        List<String[]> contexts = new ArrayList<>(IdentifierCorpus.CONTEXTS);
        if (sample.endsAtPeriod()) {
            contexts.addAll(IdentifierCorpus.SENTENCE_CONTEXTS);
        }
        return contexts;
    }
}

package ai.automagik.tracing;

/**
 * A judgement of a model's answer (an LLM judge, a rule, a person): recorded with
 * {@link Tracer#recordEvaluation(TraceContext, Evaluation)} as the GenAI conventions' {@code gen_ai.evaluation.result}.
 *
 * @param name what was evaluated ({@code relevance}, {@code faithfulness}, {@code user_feedback}…); required
 * @param scoreValue the score, or null when there is only a label
 * @param scoreLabel a low-cardinality verdict ({@code pass}, {@code fail}, {@code thumbs_up}…), or null
 * @param explanation why, in words; content (sent only with content capture on, secrets masked), or null
 */
public record Evaluation(String name, Double scoreValue, String scoreLabel, String explanation) {

    public Evaluation {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an evaluation needs a name");
        }
        if (scoreValue != null && !Double.isFinite(scoreValue)) {
            throw new IllegalArgumentException("an evaluation's score must be a finite number");
        }
    }

    /** A score alone. */
    public static Evaluation score(String name, double value) {
        return new Evaluation(name, value, null, null);
    }

    /** A verdict alone. */
    public static Evaluation label(String name, String label) {
        return new Evaluation(name, null, label, null);
    }
}

package ai.automagik.tracing;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean (all its business methods) or one method as a agent run: each call becomes
 * an {@code invoke_agent {name}} trace and an {@code agent.run} telemetry event. Exceptions are recorded and re-thrown unchanged; a method returning a
 * {@link java.util.concurrent.CompletionStage} is recorded until the stage completes.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TracedAgent {

    /** The name; default: the method name for a method, the bean's simple class name for a class. */
    @Nonbinding
    String value() default "";

    /** The agent framework reported in telemetry. */
    @Nonbinding
    String framework() default "jakarta-cdi";

    /** The agent's stable id ({@code gen_ai.agent.id}), when it has one; empty: none. */
    @Nonbinding
    String id() default "";

    /** The agent's version ({@code gen_ai.agent.version}); empty: none. */
    @Nonbinding
    String version() default "";

    /** What the agent does, in a sentence ({@code gen_ai.agent.description}); empty: none. */
    @Nonbinding
    String description() default "";
}

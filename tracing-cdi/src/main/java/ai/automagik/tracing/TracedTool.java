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
 * Marks a bean (all its business methods) or one method as a tool execution: each call becomes
 * an {@code execute_tool {name}} span (arguments and result captured, secrets redacted) and a {@code tool.executed} event. Exceptions are recorded and re-thrown unchanged; a method returning a
 * {@link java.util.concurrent.CompletionStage} is recorded until the stage completes.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TracedTool {

    /** The name; default: the method name for a method, the bean's simple class name for a class. */
    @Nonbinding
    String value() default "";

    /** What the tool does, in a sentence ({@code gen_ai.tool.description}); empty: none. */
    @Nonbinding
    String description() default "";
}

package ai.automagik.tracing.cdi;

import ai.automagik.tracing.Span;
import jakarta.interceptor.InvocationContext;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** What the three interceptors share: naming, proceeding, ending the span (later, for async results). */
final class InvocationTracing {

    /** Describes a result as text for the span's output. */
    static final Function<Object, String> AS_TEXT = String::valueOf;

    /** Resolved names per bean class and method, so a traced call does no reflection after the first. */
    private static final ClassValue<Map<Method, Resolved>> NAMES = new ClassValue<>() {
        @Override
        protected Map<Method, Resolved> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** A binding's effective name and framework for one bean method. */
    /** {@code attributes}: what the annotation describes beyond the name ({@code gen_ai.agent.version}…), set once. */
    record Resolved(String name, String framework, Map<String, String> attributes) {

        /** Sets the described attributes on {@code span}. */
        void describe(Span span) {
            attributes.forEach(span::setAttribute);
        }
    }

    private InvocationTracing() {
    }

    /** The name (and for agents the framework) of the call, resolved once per bean class and method. */
    static <A extends Annotation> Resolved resolve(InvocationContext ctx, Class<A> type, Function<A, String> explicitName,
            Function<A, String> framework, Function<A, Map<String, String>> described) {
        Object target = ctx.getTarget();
        Method method = ctx.getMethod();
        if (target == null || method == null) {
            return resolved(ctx, type, explicitName, framework, described);
        }
        return NAMES.get(target.getClass()).computeIfAbsent(method,
                m -> resolved(ctx, type, explicitName, framework, described));
    }

    private static <A extends Annotation> Resolved resolved(InvocationContext ctx, Class<A> type,
            Function<A, String> explicitName, Function<A, String> framework, Function<A, Map<String, String>> described) {
        A binding = binding(ctx, type);
        return new Resolved(name(ctx, binding == null ? null : explicitName.apply(binding), boundOnMethod(ctx, type)),
                binding == null || framework == null ? null : framework.apply(binding),
                binding == null || described == null ? Map.of() : described.apply(binding));
    }

    /** The non-empty values of {@code keysAndValues} (key, value, key, value…), in order. */
    static Map<String, String> nonEmpty(String... keysAndValues) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            String value = keysAndValues[i + 1];
            if (value != null && !value.isBlank()) {
                kept.put(keysAndValues[i], value.length() > 256 ? value.substring(0, 256) : value);
            }
        }
        return kept.isEmpty() ? Map.of() : Collections.unmodifiableMap(kept);
    }

    /** The annotation on the method, else on the class (interceptor bindings are inherited). */
    static <A extends Annotation> A binding(InvocationContext ctx, Class<A> type) {
        Method method = ctx.getMethod();
        A onMethod = method == null ? null : method.getAnnotation(type);
        if (onMethod != null) {
            return onMethod;
        }
        Object target = ctx.getTarget();
        for (Class<?> c = target == null ? null : target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            A onClass = c.getAnnotation(type);
            if (onClass != null) {
                return onClass;
            }
        }
        return null;
    }

    /** The explicit name, else the method name (method binding) or the bean class's simple name (class binding). */
    static String name(InvocationContext ctx, String explicit, boolean boundOnMethod) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        if (boundOnMethod && ctx.getMethod() != null) {
            return ctx.getMethod().getName();
        }
        return beanClassName(ctx);
    }

    static String beanClassName(InvocationContext ctx) {
        Object target = ctx.getTarget();
        if (target == null) {
            return ctx.getMethod() == null ? "unknown" : ctx.getMethod().getDeclaringClass().getSimpleName();
        }
        Class<?> type = target.getClass();
        // container subclasses (Weld, OpenWebBeans) carry a '$' suffix; report the user's class
        while (type.getSuperclass() != null && type.getSimpleName().contains("$")) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }

    static boolean boundOnMethod(InvocationContext ctx, Class<? extends Annotation> type) {
        return ctx.getMethod() != null && ctx.getMethod().isAnnotationPresent(type);
    }

    /**
     * Runs the call inside {@code span}. A {@link CompletionStage} result ends the span when the stage
     * completes; the caller gets the very same stage back. Exceptions are recorded and re-thrown unchanged.
     */
    static Object proceed(InvocationContext ctx, Span span, Function<Object, String> output)
            throws Exception {
        Object result;
        try {
            result = ctx.proceed();
        } catch (Exception | Error e) {
            span.recordException(e);
            span.end();
            throw e;
        }
        if (result instanceof CompletionStage<?> stage) {
            span.detach();
            stage.whenComplete((value, error) -> {
                if (error != null) {
                    span.recordException(unwrap(error));
                } else {
                    describe(span, output, value);
                }
                span.end();
            });
            return result;
        }
        describe(span, output, result);
        span.end();
        return result;
    }

    private static void describe(Span span, Function<Object, String> output, Object value) {
        if (output != null && value != null) {
            try {
                span.setOutput(output.apply(value));
            } catch (RuntimeException ignored) {
                // describing a result must never fail the call
            }
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}

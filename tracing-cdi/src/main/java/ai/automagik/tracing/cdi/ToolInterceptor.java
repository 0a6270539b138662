package ai.automagik.tracing.cdi;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.TracedTool;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Makes every business method of a {@link TracedTool} bean an {@code execute_tool} span and a {@code tool.executed} event. */
@TracedTool
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 110)
public class ToolInterceptor {

    @Inject
    TracingRuntime runtime;

    @AroundInvoke
    Object trace(InvocationContext ctx) throws Exception {
        TracedTool binding = InvocationTracing.binding(ctx, TracedTool.class);
        String name = InvocationTracing.name(ctx, binding == null ? null : binding.value(),
                InvocationTracing.boundOnMethod(ctx, TracedTool.class));
        Span span = runtime.runtime().defaultTracer().startToolExecution(name);
        span.setInput(InvocationArguments.describe(ctx.getMethod(), ctx.getParameters()));
        return InvocationTracing.proceed(ctx, span, runtime.runtime().defaultTracer(), String::valueOf);
    }
}

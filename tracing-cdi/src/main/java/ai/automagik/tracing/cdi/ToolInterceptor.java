package ai.automagik.tracing.cdi;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
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
    Tracer tracer;

    @AroundInvoke
    Object trace(InvocationContext ctx) throws Exception {
        if (!tracer.isEnabled()) {
            return ctx.proceed();
        }
        InvocationTracing.Resolved resolved = InvocationTracing.resolve(ctx, TracedTool.class, TracedTool::value, null,
                tool -> InvocationTracing.nonEmpty("gen_ai.tool.description", tool.description()));
        Span span = tracer.startToolExecution(resolved.name());
        resolved.describe(span);
        span.setInput(InvocationArguments.describe(ctx.getMethod(), ctx.getParameters()));
        return InvocationTracing.proceed(ctx, span, InvocationTracing.AS_TEXT);
    }
}

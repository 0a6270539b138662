package ai.automagik.tracing.cdi;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.TracedCommand;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Makes every business method of a {@link TracedCommand} bean a span and a {@code cli.command} event. */
@TracedCommand
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 90)
public class CommandInterceptor {

    @Inject
    TracingRuntime runtime;

    @AroundInvoke
    Object trace(InvocationContext ctx) throws Exception {
        TracedCommand binding = InvocationTracing.binding(ctx, TracedCommand.class);
        String name = InvocationTracing.name(ctx, binding == null ? null : binding.value(),
                InvocationTracing.boundOnMethod(ctx, TracedCommand.class));
        Span span = runtime.runtime().defaultTracer().startCommand(name);
        return InvocationTracing.proceed(ctx, span, runtime.runtime().defaultTracer(), null);
    }
}

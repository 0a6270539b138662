package ai.automagik.tracing.cdi;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
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
    Tracer tracer;

    @AroundInvoke
    Object trace(InvocationContext ctx) throws Exception {
        if (!tracer.isEnabled()) {
            return ctx.proceed();
        }
        InvocationTracing.Resolved resolved = InvocationTracing.resolve(ctx, TracedCommand.class, TracedCommand::value, null,
                null);
        Span span = tracer.startCommand(resolved.name());
        return InvocationTracing.proceed(ctx, span, null);
    }
}

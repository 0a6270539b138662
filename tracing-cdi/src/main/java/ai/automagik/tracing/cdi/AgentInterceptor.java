package ai.automagik.tracing.cdi;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.TracedAgent;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Makes every business method of a {@link TracedAgent} bean an {@code invoke_agent} trace and an {@code agent.run} event. */
@TracedAgent
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class AgentInterceptor {

    @Inject
    TracingRuntime runtime;

    @AroundInvoke
    Object trace(InvocationContext ctx) throws Exception {
        TracedAgent binding = InvocationTracing.binding(ctx, TracedAgent.class);
        String name = InvocationTracing.name(ctx, binding == null ? null : binding.value(),
                InvocationTracing.boundOnMethod(ctx, TracedAgent.class));
        Span span = runtime.runtime().defaultTracer()
                .startAgentRun(name, binding == null ? "jakarta-cdi" : binding.framework());
        span.setInput(InvocationArguments.firstText(ctx.getParameters()));
        return InvocationTracing.proceed(ctx, span, runtime.runtime().defaultTracer(), String::valueOf);
    }
}

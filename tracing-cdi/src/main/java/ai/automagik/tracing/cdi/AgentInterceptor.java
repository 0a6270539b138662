package ai.automagik.tracing.cdi;

import ai.automagik.tracing.Span;
import ai.automagik.tracing.Tracer;
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
    Tracer tracer;

    @AroundInvoke
    Object trace(InvocationContext ctx) throws Exception {
        if (!tracer.isEnabled()) {
            return ctx.proceed();
        }
        InvocationTracing.Resolved resolved = InvocationTracing.resolve(ctx, TracedAgent.class, TracedAgent::value,
                TracedAgent::framework, agent -> InvocationTracing.nonEmpty("gen_ai.agent.id", agent.id(),
                        "gen_ai.agent.version", agent.version(), "gen_ai.agent.description", agent.description()));
        Span span = tracer.startAgentRun(resolved.name(), resolved.framework() == null ? "jakarta-cdi" : resolved.framework());
        resolved.describe(span);
        span.setInput(InvocationArguments.firstText(ctx.getParameters()));
        return InvocationTracing.proceed(ctx, span, InvocationTracing.AS_TEXT);
    }
}

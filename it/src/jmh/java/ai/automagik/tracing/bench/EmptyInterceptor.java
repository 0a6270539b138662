package ai.automagik.tracing.bench;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** An interceptor that only proceeds: what any interceptor costs under Weld before doing anything. */
@Interceptor
@EmptyBinding
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class EmptyInterceptor {

    @AroundInvoke
    public Object proceed(InvocationContext context) throws Exception {
        return context.proceed();
    }
}

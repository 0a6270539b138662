package ai.automagik.tracing.cdi;

import ai.automagik.tracing.privacy.ContentRedactor;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a method's arguments into the content observability providers receive (secrets redacted, capped). */
final class InvocationArguments {

    private static final ContentRedactor REDACTOR = ContentRedactor.defaults();

    private InvocationArguments() {
    }

    /** The first text argument (an agent's prompt), or null. */
    static String firstText(Object[] arguments) {
        if (arguments != null) {
            for (Object argument : arguments) {
                if (argument instanceof CharSequence text) {
                    return text.toString();
                }
            }
        }
        return null;
    }

    /** Arguments by parameter name (names need {@code -parameters}; otherwise {@code arg0}…), secrets redacted. */
    static String describe(Method method, Object[] arguments) {
        if (method == null || arguments == null || arguments.length == 0) {
            return null;
        }
        Parameter[] parameters = method.getParameters();
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i < arguments.length && i < parameters.length; i++) {
            named.put(parameters[i].getName(), arguments[i]);
        }
        return REDACTOR.redactArguments(named);
    }
}

package ai.automagik.tracing.jaxrs;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The route template of a matched request ({@code /api/agents/{name}/run}), never the raw path: from
 * the {@code @Path} annotations when the request was matched by a root resource method, otherwise by
 * putting the path parameters' names back in place of their values.
 */
final class RouteTemplates {

    static final String UNMATCHED = "(unmatched)";
    // compared by identity: marks a class without @Path in the cache (its routes come from the parameters)
    private static final String NOT_A_ROOT_RESOURCE = new String("(not a root resource)");

    private RouteTemplates() {
    }

    /** Templates of root resource methods, resolved once per method (the application path is fixed per deployment). */
    private static final ClassValue<java.util.Map<Object, String>> ROOT_TEMPLATES = new ClassValue<>() {
        @Override
        protected java.util.Map<Object, String> computeValue(Class<?> type) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        }
    };

    static String template(String applicationPath, Class<?> resourceClass, Method method, UriInfo uri) {
        try {
            if (resourceClass != null && uri.getMatchedResources().size() <= 1) {
                Object key = method == null ? resourceClass : method;
                java.util.Map<Object, String> templates = ROOT_TEMPLATES.get(resourceClass);
                String template = templates.get(key);
                if (template == null) {
                    template = rootTemplate(applicationPath, resourceClass, method);
                    templates.putIfAbsent(key, template);
                }
                if (template != NOT_A_ROOT_RESOURCE) {
                    return template;
                }
            }
            return fromParameters(applicationPath, uri);
        } catch (RuntimeException e) {
            return UNMATCHED;
        }
    }

    private static String rootTemplate(String applicationPath, Class<?> resourceClass, Method method) {
        Path classPath = resourceClass.getAnnotation(Path.class);
        if (classPath == null) {
            return NOT_A_ROOT_RESOURCE;
        }
        Path methodPath = method == null ? null : method.getAnnotation(Path.class);
        return join(applicationPath, classPath.value(), methodPath == null ? "" : methodPath.value());
    }

    private static String fromParameters(String applicationPath, UriInfo uri) {
        List<String> matched = uri.getMatchedURIs();
        if (matched.isEmpty()) {
            return UNMATCHED;
        }
        MultivaluedMap<String, String> parameters = uri.getPathParameters(false);
        String[] segments = matched.get(0).split("/");
        StringBuilder template = new StringBuilder();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            String replaced = segment;
            for (var entry : parameters.entrySet()) {
                if (entry.getValue().contains(segment)) {
                    replaced = "{" + entry.getKey() + "}";
                    break;
                }
            }
            template.append('/').append(replaced);
        }
        return join(applicationPath, template.toString(), "");
    }

    /**
     * {@code base} and {@code path} joined by one slash, for matching against the skip list: the usual
     * case without splitting; anything irregular (doubled or trailing slashes) goes through {@link #join}.
     */
    static String concat(String base, String path) {
        String left = base == null ? "" : base;
        String right = path == null ? "" : path;
        boolean leftSlash = left.endsWith("/");
        boolean rightSlash = right.startsWith("/");
        String joined = leftSlash && rightSlash ? left + right.substring(1)
                : leftSlash || rightSlash ? left + right : left + "/" + right;
        boolean regular = joined.startsWith("/") && !joined.contains("//")
                && (joined.length() == 1 || !joined.endsWith("/"));
        return regular ? joined : join(left, right);
    }

    /** Joins path pieces with single slashes and strips JAX-RS regular expressions ({@code {id: \\d+}} → {@code {id}}). */
    static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part == null) {
                continue;
            }
            for (String segment : part.split("/")) {
                if (!segment.isEmpty()) {
                    sb.append('/').append(stripRegex(segment));
                }
            }
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static String stripRegex(String segment) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < segment.length()) {
            char c = segment.charAt(i);
            if (c == '{') {
                int close = segment.indexOf('}', i);
                if (close < 0) {
                    out.append(segment.substring(i));
                    break;
                }
                String inner = segment.substring(i + 1, close);
                int colon = inner.indexOf(':');
                out.append('{').append((colon < 0 ? inner : inner.substring(0, colon)).strip()).append('}');
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}

package ai.automagik.tracing.jaxrs;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The route template of a matched request ({@code /api/agents/{name}/run}), never the raw path: from
 * the {@code @Path} annotations when the request was matched by a root resource method, otherwise by
 * putting the path parameters' names back in place of their values.
 */
final class RouteTemplates {

    static final String UNMATCHED = "(unmatched)";
    /** Stands for a sub-resource segment that is neither a parameter's value nor any template's segment. */
    static final String UNKNOWN_SEGMENT = "{?}";
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

    /**
     * A sub-resource's route: each segment of the matched URI that is a path parameter's value becomes
     * {@code {name}}, a segment that is a literal of some {@code @Path} of the matched resources stays,
     * one that fits a template segment such as {@code {id}.json} becomes that template, and anything else
     * becomes {@value #UNKNOWN_SEGMENT}, so no raw value is ever sent. Matched URI and parameters are both
     * compared undecoded (a decoded URI never equals an undecoded value with {@code %xx} in it).
     */
    private static String fromParameters(String applicationPath, UriInfo uri) {
        List<String> matched = uri.getMatchedURIs(false);
        if (matched.isEmpty()) {
            return UNMATCHED;
        }
        MultivaluedMap<String, String> parameters = uri.getPathParameters(false);
        List<String> segments = segments(matched.get(0));
        Set<String> templateSegments = new LinkedHashSet<>();
        for (Object resource : uri.getMatchedResources()) {
            templateSegments.addAll(TEMPLATE_SEGMENTS.get(resource.getClass()));
        }
        StringBuilder template = new StringBuilder();
        int i = 0;
        while (i < segments.size()) {
            int consumed = 0;
            String replaced = null;
            for (var entry : parameters.entrySet()) {
                for (String value : entry.getValue()) {
                    List<String> valueSegments = segments(value);
                    if (valueSegments.size() > consumed && startsWithAt(segments, i, valueSegments)) {
                        consumed = valueSegments.size();
                        replaced = "{" + entry.getKey() + "}";
                    }
                }
            }
            if (replaced == null) {
                replaced = literalOrTemplate(segments.get(i), templateSegments);
                consumed = 1;
            }
            template.append('/').append(replaced);
            i += consumed;
        }
        return join(applicationPath, template.toString(), "");
    }

    /** Every segment of every {@code @Path} on a resource class and its methods, superclasses included (CDI proxies are subclasses). */
    private static final ClassValue<Set<String>> TEMPLATE_SEGMENTS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            Set<String> found = new LinkedHashSet<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                addSegments(c.getAnnotation(Path.class), found);
                for (Method method : c.getDeclaredMethods()) {
                    addSegments(method.getAnnotation(Path.class), found);
                }
            }
            return Set.copyOf(found);
        }
    };

    private static void addSegments(Path path, Set<String> into) {
        if (path != null) {
            for (String segment : join(path.value()).split("/")) {
                if (!segment.isEmpty()) {
                    into.add(segment);
                }
            }
        }
    }

    private static String literalOrTemplate(String segment, Set<String> templateSegments) {
        String decoded = decoded(segment);
        for (String candidate : templateSegments) {
            if (candidate.indexOf('{') < 0 && (candidate.equals(segment) || candidate.equals(decoded))) {
                return candidate;
            }
        }
        // the most specific template that fits: "v{version}.json" before "{id}", as JAX-RS itself matches
        String best = UNKNOWN_SEGMENT;
        int bestLiterals = -1;
        for (String candidate : templateSegments) {
            if (candidate.indexOf('{') >= 0 && literalCharacters(candidate) > bestLiterals && fits(candidate, segment)) {
                best = candidate;
                bestLiterals = literalCharacters(candidate);
            }
        }
        return best;
    }

    private static int literalCharacters(String templateSegment) {
        int count = 0;
        boolean inParameter = false;
        for (int i = 0; i < templateSegment.length(); i++) {
            char c = templateSegment.charAt(i);
            if (c == '{') {
                inParameter = true;
            } else if (c == '}') {
                inParameter = false;
            } else if (!inParameter) {
                count++;
            }
        }
        return count;
    }

    /** An undecoded segment may percent-encode what an annotation spells plainly. */
    private static String decoded(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /** Whether a segment fits a template segment with parameters, such as {@code {id}.json} (each parameter one or more characters). */
    private static boolean fits(String templateSegment, String segment) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < templateSegment.length()) {
            int open = templateSegment.indexOf('{', i);
            int close = open < 0 ? -1 : templateSegment.indexOf('}', open);
            if (open < 0 || close < 0) {
                regex.append(java.util.regex.Pattern.quote(templateSegment.substring(i)));
                break;
            }
            if (open > i) {
                regex.append(java.util.regex.Pattern.quote(templateSegment.substring(i, open)));
            }
            regex.append(".+?");
            i = close + 1;
        }
        return java.util.regex.Pattern.matches(regex.toString(), segment);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static boolean startsWithAt(List<String> segments, int at, List<String> prefix) {
        if (prefix.isEmpty() || at + prefix.size() > segments.size()) {
            return false;
        }
        return segments.subList(at, at + prefix.size()).equals(prefix);
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

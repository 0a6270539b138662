package ai.automagik.sample;

import ai.automagik.tracing.jaxrs.TracingAdminResource;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.annotation.HttpMethodConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The OTLP/HTTP JSON receiver embedded in the reference deployment, so that it runs with no outside
 * service: the default telemetry endpoint points here. A plain servlet, so its own requests are not
 * tracked (tracking them would make telemetry about telemetry). {@code GET} shows what arrived, to the
 * {@code tracing-admin} role only: the payloads are other applications' telemetry and traces, content included.
 * Bodies are bounded before and after gzip, parsed once as a stream (no tree is built), and anything
 * that is not an OTLP JSON request is a 4xx with a one-line JSON reason, never a stack trace.
 */
@WebServlet("/otlp/v1/traces")
@ServletSecurity(httpMethodConstraints = @HttpMethodConstraint(value = "GET", rolesAllowed = TracingAdminResource.ROLE))
public class EmbeddedOtlpReceiver extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_BODY = 8 * 1024 * 1024;
    /** The path of a span object's parent containers from the root, array elements as "". */
    private static final List<String> SPAN_PARENTS = List.of("", "resourceSpans", "", "scopeSpans", "", "spans");

    @Inject
    transient ReceivedTelemetry received;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            answer(response, 415, "OTLP/HTTP JSON only (Content-Type: application/json)");
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        boolean gzip = "gzip".equalsIgnoreCase(encoding);
        if (encoding != null && !gzip && !"identity".equalsIgnoreCase(encoding)) {
            answer(response, 415, "Content-Encoding gzip or none only");
            return;
        }
        byte[] body;
        boolean plainDespiteGzip = false;
        try {
            body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), MAX_BODY);
            // some servers (Open Liberty) inflate a gzip body themselves and keep the header: inflate only gzip data
            if (gzip && isGzip(body)) {
                try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = BoundedBody.read(unzipped, -1, MAX_BODY);
                }
            } else {
                plainDespiteGzip = gzip;
            }
        } catch (BoundedBody.TooLargeException e) {
            BoundedBody.discardRest(request.getInputStream(), request.getContentLengthLong(), MAX_BODY);
            answer(response, 413, "payload too large: at most " + MAX_BODY + " bytes, also after gzip");
            return;
        } catch (IOException e) {
            // a body that cannot be read as sent: malformed gzip (here or in the server's own decoding)
            answer(response, 400, gzip ? "malformed gzip body" : "unreadable request body");
            return;
        }
        String json = new String(body, StandardCharsets.UTF_8);
        int spans;
        try {
            spans = countSpans(json);
        } catch (RuntimeException e) {
            // JsonParsingException for bad syntax; the parser throws other RuntimeExceptions (nesting too deep).
            // a gzip body that is neither gzip data nor JSON was most likely malformed gzip
            answer(response, 400, plainDespiteGzip ? "malformed gzip body, or not an OTLP JSON ExportTraceServiceRequest"
                    : "not an OTLP JSON ExportTraceServiceRequest");
            return;
        }
        received.add(spans, json);
        response.setStatus(200);
        response.setContentType("application/json");
        response.getWriter().write("{}");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        PrintWriter out = response.getWriter();
        out.write("{\"requests\":" + received.requests() + ",\"spans\":" + received.spans() + ",\"recent\":[");
        boolean first = true;
        for (ReceivedTelemetry.Payload payload : received.recent()) {
            // each payload was validated as one JSON object when it arrived: written as it is, never parsed again
            out.write((first ? "" : ",") + "{\"at\":\"" + payload.at() + "\",\"spans\":" + payload.spans()
                    + ",\"payload\":");
            out.write(payload.json());
            out.write('}');
            first = false;
        }
        out.write("]}");
    }

    private static boolean isGzip(byte[] body) {
        return body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    }

    private static void answer(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write(SampleJson.PROVIDER.createObjectBuilder().add("error", reason).build().toString());
    }

    /**
     * The spans in an OTLP JSON {@code ExportTraceServiceRequest}, reading the whole text once; a
     * {@link RuntimeException} when it is not one JSON object with a {@code resourceSpans} array.
     */
    static int countSpans(String json) {
        try (JsonParser parser = SampleJson.PROVIDER.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new JsonParsingException("not a JSON object", parser.getLocation());
            }
            List<String> path = new ArrayList<>(List.of(""));
            String key = "";
            int spans = 0;
            boolean resourceSpans = false;
            while (!path.isEmpty()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> key = parser.getString();
                    case START_OBJECT, START_ARRAY -> {
                        if (event == JsonParser.Event.START_OBJECT && path.equals(SPAN_PARENTS)) {
                            spans++;
                        }
                        resourceSpans |= path.size() == 1 && key.equals("resourceSpans")
                                && event == JsonParser.Event.START_ARRAY;
                        path.add(key);
                        key = "";
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.remove(path.size() - 1);
                        key = "";
                    }
                    default -> key = "";
                }
            }
            if (parser.hasNext()) {
                throw new JsonParsingException("more than one JSON value", parser.getLocation());
            }
            if (!resourceSpans) {
                throw new JsonParsingException("no resourceSpans array", parser.getLocation());
            }
            return spans;
        }
    }
}

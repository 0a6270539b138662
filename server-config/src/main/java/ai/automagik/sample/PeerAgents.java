package ai.automagik.sample;

import ai.automagik.tracing.Tracer;
import ai.automagik.tracing.jaxrs.TraceparentClientFilter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The agents of another deployment of this sample ({@code AUTOMAGIK_SAMPLE_PEER_URL}, its base URL), called over
 * HTTP through a JAX-RS client that carries the trace ({@link TraceparentClientFilter}).
 */
@ApplicationScoped
public class PeerAgents {

    @Inject
    Tracer tracer;

    @Inject
    @ConfigProperty(name = "automagik.sample.peer.url")
    Optional<String> peerUrl;

    private volatile Client client;

    /** Whether a peer is configured. */
    public boolean configured() {
        return peerUrl.filter(url -> !url.isBlank()).isPresent();
    }

    /** Runs the peer's agent {@code agent}; its answer's output, or {@link IllegalStateException} when it failed. */
    public String run(String agent, String message) {
        URI base = URI.create(peerUrl.orElseThrow().strip().replaceAll("/*$", "/"));
        String body = SampleJson.PROVIDER.createObjectBuilder().add("message", message).build().toString();
        try (Response response = client().target(base).path("api/agents").path(agent).path("run")
                .request(MediaType.APPLICATION_JSON_TYPE).post(Entity.json(body))) {
            String text = response.readEntity(String.class);
            if (response.getStatus() >= 400) {
                throw new IllegalStateException("the peer's agent '" + agent + "' answered HTTP " + response.getStatus());
            }
            try (JsonReader reader = SampleJson.PROVIDER.createReader(new StringReader(text))) {
                JsonObject answer = reader.readObject();
                return answer.getString("output", "");
            }
        }
    }

    private Client client() {
        Client current = client;
        if (current == null) {
            synchronized (this) {
                current = client;
                if (current == null) {
                    current = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
                            .readTimeout(60, TimeUnit.SECONDS).build().register(new TraceparentClientFilter(tracer));
                    client = current;
                }
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}

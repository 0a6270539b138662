package ai.automagik.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Resource shapes that request tracking must handle, for the integration tests and as examples:
 * a root method with a path parameter, an {@code AsyncResponse}, a {@code CompletionStage} result, a sub-resource locator, and an exception
 * the application maps to a status of its own.
 */
@Path("demo")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DemoResource {

    /** A root resource method with a path parameter, the most common shape (the filter benchmark loads it). */
    @GET
    @Path("echo/{word}")
    public String echo(@PathParam("word") String word) {
        return "{\"echo\":" + SampleJson.PROVIDER.createValue(word) + "}";
    }

    @GET
    @Path("async")
    public void async(@Suspended AsyncResponse response) {
        CompletableFuture.runAsync(() -> response.resume("{\"answer\":\"later\"}"));
    }

    @GET
    @Path("stage")
    public CompletionStage<String> stage() {
        return CompletableFuture.supplyAsync(() -> "{\"answer\":\"staged\"}");
    }

    @Path("items")
    public DemoItems items() {
        return new DemoItems();
    }

    @GET
    @Path("conflict")
    public String conflict() {
        throw new DemoConflictException("the demo resource is always in conflict");
    }

    /** The sub-resource behind the {@code items} locator. */
    public static class DemoItems {

        @GET
        @Path("{id}")
        public String item(@PathParam("id") String id) {
            return "{\"item\":" + SampleJson.PROVIDER.createValue(id) + "}";
        }

        /** A parameter that spans several segments, and one inside a segment. */
        @GET
        @Path("{id}/files/{file: .+}")
        public String file(@PathParam("id") String id, @PathParam("file") String file) {
            return "{\"item\":" + SampleJson.PROVIDER.createValue(id) + ",\"file\":"
                    + SampleJson.PROVIDER.createValue(file) + "}";
        }

        @GET
        @Path("{id}/v{version}.json")
        public String version(@PathParam("id") String id, @PathParam("version") String version) {
            return "{\"item\":" + SampleJson.PROVIDER.createValue(id) + ",\"version\":"
                    + SampleJson.PROVIDER.createValue(version) + "}";
        }
    }
}

package dev.taskq.bench.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Asks the benchmark WAR to run one measurement and reads its JSON answer. */
final class BenchClient {

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BenchClient(int port) {
        this.base = "http://localhost:" + port + "/bench/run";
    }

    URI ping() {
        return URI.create(base + "?op=ping");
    }

    JsonObject get(Map<String, Object> parameters) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(parameters)).timeout(Duration.ofMinutes(1)).GET().build());
    }

    JsonObject post(Map<String, Object> parameters) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(parameters)).timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private URI uri(Map<String, Object> parameters) {
        return URI.create(base + "?" + parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("&")));
    }

    private JsonObject send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            json = reader.readObject();
        } catch (RuntimeException e) {
            throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body(), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(request.uri() + " failed: " + json.getString("error", "?") + "\n" + json.getString("trace", ""));
        }
        return json;
    }
}

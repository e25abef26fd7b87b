package dev.taskq.it.nodes;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test JVM's side of HTTP: enqueue through a node's servlet, read a node's health. */
final class Http {

    private Http() {
    }

    /** POSTs to {@code url} and answers the body; anything but 200 is an error. */
    static String post(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setRequestMethod("POST");
        connection.setReadTimeout(120_000);
        try {
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException("POST " + url + " answered " + status + ": " + read(connection.getErrorStream()));
            }
            return read(connection.getInputStream()).strip();
        } finally {
            connection.disconnect();
        }
    }

    /** GETs {@code url} and answers the body, whatever the status (health answers 503 when DOWN). */
    static String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setReadTimeout(30_000);
        try {
            return read(connection.getResponseCode() < 400 ? connection.getInputStream() : connection.getErrorStream());
        } finally {
            connection.disconnect();
        }
    }

    /**
     * One count of the readiness check {@code taskq} ({@code failed}, {@code dirty}, {@code active},
     * {@code pending}, {@code future}) from {@code /health/ready}; only that check has these keys.
     */
    static long taskqCount(String baseUrl, String group) throws IOException {
        String health = get(baseUrl + "/health/ready");
        Matcher count = Pattern.compile("\"" + group + "\"\\s*:\\s*(\\d+)").matcher(health);
        if (!count.find()) {
            throw new AssertionError("no count " + group + " of check taskq in " + health);
        }
        return Long.parseLong(count.group(1));
    }

    private static String read(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

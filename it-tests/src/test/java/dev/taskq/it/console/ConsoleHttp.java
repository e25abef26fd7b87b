package dev.taskq.it.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Plain HTTP to the console with its own cookies, for what a browser hides: status codes and hand-made POSTs. */
final class ConsoleHttp {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    ConsoleHttp(String base) {
        this.base = base;
    }

    /** Logs in the way a browser does: ask for the console, then post the login form. */
    ConsoleHttp logIn(String user, String password) throws IOException, InterruptedException {
        get("taskq/");
        HttpResponse<String> login = post("j_security_check", List.of(Map.entry("j_username", user), Map.entry("j_password", password)));
        if (login.statusCode() != 302 && login.statusCode() != 303) {
            throw new AssertionError("Login of " + user + " answered " + login.statusCode() + ": " + login.body());
        }
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, List<Map.Entry<String, String>> form) throws IOException, InterruptedException {
        String body = form.stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The Faces view state of a rendered page. */
    static String viewState(String html) {
        Matcher matcher = VIEW_STATE.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No jakarta.faces.ViewState in the page:\n" + html);
        }
        return matcher.group(1).replace("&#x3a;", ":").replace("&amp;", "&");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

package dev.taskq.console;

import dev.taskq.jpa.internal.TaskGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** How the pages show times, ages, JSON and the groups ({@code #{taskq...}} in the Facelets). Thread-safe. */
@Named("taskq")
@ApplicationScoped
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    private static final List<TaskGroup> GROUPS = List.of(TaskGroup.values());

    /** The five groups in the order the console shows them. */
    public List<TaskGroup> groups() {
        return GROUPS;
    }

    public String label(TaskGroup group) {
        return switch (group) {
            case FAILED -> "Failed";
            case DIRTY -> "Dirty";
            case ACTIVE -> "Active";
            case PENDING -> "Pending";
            case FUTURE -> "Future";
        };
    }

    /** One sentence on what the group holds and what to do about it. */
    public String explain(TaskGroup group) {
        return switch (group) {
            case FAILED -> "An exception ended them, after any retries. Fix the cause, then retry or delete them.";
            case DIRTY -> "Started, but their worker stopped sending heartbeats: it died or lost the database."
                    + " Check whether their work happened, then retry or delete them.";
            case ACTIVE -> "Running now on a live worker. They cannot be retried or deleted.";
            case PENDING -> "Due, waiting for a free worker of their queue.";
            case FUTURE -> "Waiting for their time to come (countdown, eta or a retry).";
        };
    }

    /** A time in UTC to the second, or a dash. */
    public String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    /** How long before {@code now} {@code since} was, e.g. {@code 3m 12s}; a dash when there is none. */
    public String age(Instant since, Instant now) {
        if (since == null || now == null) {
            return "—";
        }
        long seconds = Math.max(0, Duration.between(since, now).toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        if (seconds < 86400) {
            return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
        }
        return seconds / 86400 + "d " + seconds % 86400 / 3600 + "h";
    }

    /** The JSON indented for reading; the text unchanged if it is not JSON. */
    public String prettyJson(String json) {
        if (json == null) {
            return "";
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = PRETTY.createWriter(out)) {
                writer.write(value);
            }
            return out.toString().strip();
        } catch (JsonParsingException e) {
            return json;
        }
    }

    /** The first line of a text, for one-line cells. */
    public String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The logged-in user's name. */
    public String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }
}

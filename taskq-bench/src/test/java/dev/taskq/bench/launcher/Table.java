package dev.taskq.bench.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A result table, printed as aligned text on the console and as AsciiDoc for docs/BENCHMARKS.adoc. */
final class Table {

    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Table(String title, String... headers) {
        this.title = title;
        this.headers = List.of(headers);
    }

    Table row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    Table note(String note) {
        notes.add(note);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String text() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder("\n").append(title).append('\n');
        appendRow(out, headers, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        out.append(rule.toString().stripTrailing()).append('\n');
        rows.forEach(row -> appendRow(out, row, widths));
        notes.forEach(note -> out.append("  ").append(note).append('\n'));
        return out.toString();
    }

    String asciidoc() {
        StringBuilder out = new StringBuilder();
        out.append('.').append(title).append('\n');
        out.append("[cols=\"").append("3").append(",2".repeat(headers.size() - 1)).append("\",options=\"header\"]\n|===\n");
        out.append(String.join(" ", headers.stream().map(h -> "| " + h).toList())).append("\n\n");
        for (List<String> row : rows) {
            out.append(String.join(" ", row.stream().map(cell -> "| " + cell.replace("|", "\\|")).toList())).append('\n');
        }
        out.append("|===\n");
        notes.forEach(note -> out.append(note).append(" +\n"));
        return out.append('\n').toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            line.append(c == 0 ? pad(cell, widths[c]) : padLeft(cell, widths[c])).append("  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }

    // --- formatting -------------------------------------------------------------------------------

    /** "12,345 (11,900–12,800)": the median and, over several repetitions, the range. */
    static String rate(Stats stats) {
        if (!stats.present()) {
            return "n/a";
        }
        String median = String.format(Locale.ROOT, "%,.0f", stats.median());
        return stats.count() == 1 ? median
                : median + String.format(Locale.ROOT, " (%,.0f–%,.0f)", stats.min(), stats.max());
    }

    static String millis(Stats stats) {
        if (!stats.present()) {
            return "n/a";
        }
        String median = String.format(Locale.ROOT, "%.2f", stats.median());
        return stats.count() == 1 ? median
                : median + String.format(Locale.ROOT, " (%.2f–%.2f)", stats.min(), stats.max());
    }

    static String micros(Stats stats) {
        if (!stats.present()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f", stats.median());
    }

    static String ratio(Stats taskq, Stats other) {
        if (!taskq.present() || !other.present() || other.median() == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f×", taskq.median() / other.median());
    }

    static String number(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}

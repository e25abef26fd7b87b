package dev.taskq.bench.launcher;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/** The throughput-against-concurrency chart of docs/BENCHMARKS.adoc, drawn with Java2D: medians joined by lines, min–max whiskers. */
final class Chart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 600;
    private static final int LEFT = 100;
    private static final int RIGHT = 40;
    private static final int TOP = 70;
    private static final int BOTTOM = 90;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};

    private Chart() {
    }

    /**
     * @param series  system name to its statistics per concurrency, in the order of {@code concurrencies}
     */
    static void throughput(Path file, String title, String subtitle, List<Integer> concurrencies, Map<String, List<Stats>> series)
            throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        double max = series.values().stream().flatMap(List::stream).filter(Stats::present)
                .mapToDouble(Stats::max).max().orElse(1);
        double top = niceCeiling(max * 1.1);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        centered(g, title, WIDTH / 2, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        centered(g, subtitle, WIDTH / 2, 54);

        // grid and y axis
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int ticks = 5;
        for (int i = 0; i <= ticks; i++) {
            double value = top * i / ticks;
            int y = TOP + plotHeight - (int) Math.round(plotHeight * value / top);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%,.0f", value);
            g.drawString(label, LEFT - 10 - g.getFontMetrics().stringWidth(label), y + 5);
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, TOP, LEFT, TOP + plotHeight);
        g.drawLine(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight);

        // x axis: the concurrencies, evenly spaced
        int slots = concurrencies.size();
        int[] xs = new int[slots];
        for (int i = 0; i < slots; i++) {
            xs[i] = LEFT + (int) Math.round(plotWidth * (i + 0.5) / slots);
            centered(g, String.valueOf(concurrencies.get(i)), xs[i], TOP + plotHeight + 22);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        centered(g, "concurrency (taskq: taskq.concurrency of the queue; db-scheduler: threads)", LEFT + plotWidth / 2, TOP + plotHeight + 48);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        centered(rotated, "tasks per second (median of repetitions, min–max bars)", -(TOP + plotHeight / 2), 24);
        rotated.dispose();

        // series
        int index = 0;
        int legendY = TOP + 12;
        for (Map.Entry<String, List<Stats>> entry : series.entrySet()) {
            Color color = COLORS[index % COLORS.length];
            int offset = (index - (series.size() - 1) / 2) * 8;
            g.setColor(color);
            g.setStroke(new BasicStroke(2.5f));
            Integer previousX = null;
            Integer previousY = null;
            List<Stats> values = entry.getValue();
            for (int i = 0; i < slots && i < values.size(); i++) {
                Stats stats = values.get(i);
                if (!stats.present()) {
                    previousX = null;
                    continue;
                }
                int x = xs[i] + offset;
                int y = yOf(stats.median(), top, plotHeight);
                if (previousX != null) {
                    g.drawLine(previousX, previousY, x, y);
                }
                g.setStroke(new BasicStroke(1.5f));
                int yMin = yOf(stats.min(), top, plotHeight);
                int yMax = yOf(stats.max(), top, plotHeight);
                g.drawLine(x, yMin, x, yMax);
                g.drawLine(x - 5, yMin, x + 5, yMin);
                g.drawLine(x - 5, yMax, x + 5, yMax);
                g.setStroke(new BasicStroke(2.5f));
                g.fillOval(x - 5, y - 5, 10, 10);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                String label = String.format(Locale.ROOT, "%,.0f", stats.median());
                // the first series labels above-left of its points, the others below-right, so they never overlap
                if (index == 0) {
                    g.drawString(label, x - 10 - g.getFontMetrics().stringWidth(label), y - 8);
                } else {
                    g.drawString(label, x + 10, y + 18);
                }
                previousX = x;
                previousY = y;
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.fillRect(LEFT + 20, legendY - 10, 24, 4);
            g.drawString(entry.getKey(), LEFT + 52, legendY - 3);
            legendY += 22;
            index++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static int yOf(double value, double top, int plotHeight) {
        return TOP + plotHeight - (int) Math.round(plotHeight * value / top);
    }

    private static void centered(Graphics2D g, String text, int x, int y) {
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(text, x - metrics.stringWidth(text) / 2, y);
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}

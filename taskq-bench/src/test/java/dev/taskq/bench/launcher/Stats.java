package dev.taskq.bench.launcher;

import java.util.Arrays;
import java.util.List;

/** Median, minimum and maximum of repeated measurements. */
record Stats(double median, double min, double max, int count) {

    static Stats of(List<Double> values) {
        double[] sorted = values.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    boolean present() {
        return count > 0;
    }

    @Override
    public String toString() {
        return Arrays.toString(new double[] {median, min, max});
    }
}

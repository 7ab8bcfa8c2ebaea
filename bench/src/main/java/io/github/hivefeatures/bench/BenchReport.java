package io.github.hivefeatures.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JMH CSV result (run with {@code -prof gc -rf csv}) into the markdown tables of
 * BENCHMARKS.md: time and allocation per row for every benchmark, grouped by class, and each
 * baseline next to the function it is compared with, as a ratio from the same run.
 */
public final class BenchReport {

  /** Baseline benchmark method -> our benchmark method in the same class. */
  private static final Map<String, String> BASELINES = new LinkedHashMap<>();

  static {
    BASELINES.put("hivemall_haversine_distance", "fe_haversine");
    BASELINES.put("hivemall_zscore", "fe_zscore");
    BASELINES.put("hivemall_rescale", "fe_minmax");
    BASELINES.put("hivemall_mhash", "fe_hash");
    BASELINES.put("hivemall_feature_hashing", "fe_hash_features");
    BASELINES.put("percentile_approx_iterate", "fe_kll_iterate");
    BASELINES.put("percentile_approx_merge_partial", "fe_kll_merge_partial");
  }

  private BenchReport() {
  }

  private static final class Row {
    String benchmark;
    double score = Double.NaN;
    double error = Double.NaN;
    String unit = "";
    double bytes = Double.NaN;
  }

  public static void main(String[] args) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    Map<String, Row> rows = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = csv(line);
      String name = f.get(0);
      String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
      String params = paramSuffix(lines.get(0), f);
      Row r = rows.computeIfAbsent(base + params, k -> new Row());
      r.benchmark = base + params;
      double score = parse(f.get(4));
      if (name.endsWith(":gc.alloc.rate.norm")) {
        r.bytes = score;
      } else if (!name.contains(":")) {
        r.score = score;
        r.error = parse(f.get(5));
        r.unit = f.get(6);
      }
    }
    StringBuilder out = new StringBuilder();
    String currentClass = null;
    for (Row r : rows.values()) {
      if (Double.isNaN(r.score)) {
        continue;
      }
      String cls = r.benchmark.substring(0, r.benchmark.lastIndexOf('.'));
      cls = cls.substring(cls.lastIndexOf('.') + 1);
      if (!cls.equals(currentClass)) {
        currentClass = cls;
        out.append("\n### ").append(cls).append("\n\n| benchmark | time | ± 99.9 % | B allocated |\n|---|---:|---:|---:|\n");
      }
      out.append(String.format(Locale.ROOT, "| %s | %.1f %s | %.1f | %s |%n", method(r.benchmark), r.score,
          perOp(r), r.error, Double.isNaN(r.bytes) ? "" : String.format(Locale.ROOT, "%.0f", r.bytes)));
    }
    out.append("\n### Against baselines (same JMH run)\n\n| ours | baseline | ours | baseline | speed-up |\n|---|---|---:|---:|---:|\n");
    for (Row b : rows.values()) {
      String m = method(b.benchmark);
      String oursName = BASELINES.get(m.replaceAll("\\(.*", ""));
      if (oursName == null || Double.isNaN(b.score)) {
        continue;
      }
      String prefix = b.benchmark.substring(0, b.benchmark.lastIndexOf('.') + 1);
      Row ours = rows.get(prefix + oursName + b.benchmark.replaceAll("^[^(]*", ""));
      if (ours == null) {
        continue;
      }
      out.append(String.format(Locale.ROOT, "| %s | %s | %.1f %s | %.1f %s | %.1fx |%n", oursName, m, ours.score,
          perOp(ours), b.score, perOp(b), b.score / ours.score));
    }
    System.out.print(out);
  }

  /** Merge benchmarks time one merged map-side partial; every other benchmark one row. */
  private static String perOp(Row r) {
    return r.unit.replace("/op", method(r.benchmark).contains("merge") ? "/partial" : "/row");
  }

  private static String method(String benchmark) {
    return benchmark.substring(benchmark.lastIndexOf('.', benchmark.contains("(") ? benchmark.indexOf('(') : benchmark.length()) + 1);
  }

  private static String paramSuffix(String header, List<String> f) {
    List<String> names = csv(header);
    List<String> ps = new ArrayList<>();
    for (int i = 7; i < names.size() && i < f.size(); i++) {
      if (!f.get(i).isEmpty()) {
        ps.add(names.get(i).replace("Param: ", "") + "=" + f.get(i));
      }
    }
    return ps.isEmpty() ? "" : "(" + String.join(", ", ps) + ")";
  }

  private static double parse(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static List<String> csv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}

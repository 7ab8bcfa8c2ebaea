package io.github.hivefeatures.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * HiveQL side by side: each pair is a question asked two ways over the same 3 million flights, with
 * Hive's built-ins (the baseline) and with the pack's functions, on one embedded HiveServer2 4.0.1
 * (local MapReduce, vectorization on, Hive's defaults), in one session that loaded the jar with
 * ADD JAR. The two queries of a pair alternate round by round, after one unmeasured run each; the
 * table gives each query's median wall time as seen by the JDBC client and the ratio of medians.
 * Both answers are printed, so a reader can see that the pair asks the same question. Started by
 * bench/hiveql-side-by-side.sh; not a test.
 */
public final class SideBySide {

  private record Pair(String name, String baseline, String ours) {
  }

  private static final String PROBS = "0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9";

  private static final List<Pair> PAIRS = List.of(
      new Pair("great-circle distance of every flight",
          // What the Azure ML Hive guide does by hand, written with Hive's asin (the guide rebuilds atan2).
          "SELECT sum(2 * 6371.0088 * asin(sqrt(pow(sin(radians(lat2 - lat1) / 2), 2)"
              + " + cos(radians(lat1)) * cos(radians(lat2)) * pow(sin(radians(lon2 - lon1) / 2), 2)))) FROM routes",
          "SELECT sum(fe_haversine(lat1, lon1, lat2, lon2)) FROM routes"),
      new Pair("deciles of departure time (213,834 distinct values)",
          "SELECT percentile_approx(departure, array(" + PROBS + ")) FROM routes",
          "SELECT fe_kll_quantiles(fe_kll(departure), array(" + PROBS.replace(",", "D,") + "D)) FROM routes"),
      new Pair("deciles of delay (867 distinct values)",
          "SELECT percentile_approx(delay, array(" + PROBS + ")) FROM routes",
          "SELECT fe_kll_quantiles(fe_kll(delay), array(" + PROBS.replace(",", "D,") + "D)) FROM routes"),
      new Pair("distinct origins, destinations and delays",
          "SELECT count(DISTINCT origin), count(DISTINCT destination), count(DISTINCT delay) FROM routes",
          "SELECT fe_hll_estimate(fe_hll(origin)), fe_hll_estimate(fe_hll(destination)),"
              + " fe_hll_estimate(fe_hll(delay)) FROM routes"),
      new Pair("moments of delay",
          "SELECT count(delay), avg(delay), stddev_samp(delay), min(delay), max(delay) FROM routes",
          "SELECT m.n, m.mean, m.stddev, m.min, m.max FROM (SELECT fe_moments(delay) AS m FROM routes) t"));

  private SideBySide() {
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(Example.arg(args, "--root", ".")).toAbsolutePath().normalize();
    Path jar = Path.of(Example.arg(args, "--jar", null)).toAbsolutePath().normalize();
    Path dataSource = Path.of(Example.arg(args, "--data", root.resolve(".data/npm/node_modules/vega-datasets/data").toString()));
    Path work = Path.of(Example.arg(args, "--work", root.resolve("embedded/target/side-by-side").toString())).toAbsolutePath();
    int rounds = Integer.parseInt(Example.arg(args, "--rounds", "3"));

    Path data = Example.stage(dataSource, work.resolve("data"));
    try (LocalHiveServer hive = LocalHiveServer.start(work.resolve("hive"));
         Connection c = DriverManager.getConnection(hive.jdbcUrl(), "bench", "");
         Statement s = c.createStatement()) {
      s.execute("ADD JAR " + jar);
      for (String sql : HqlScript.statements(Files.readString(root.resolve("hql/create-functions.hql")))) {
        s.execute(sql);
      }
      s.execute("SET hivevar:data_dir=" + data.toUri());
      for (String sql : HqlScript.statements(Files.readString(root.resolve("hql/examples/flights/00-load.hql")))) {
        s.execute(sql);
      }
      s.execute("DROP TABLE IF EXISTS routes");
      s.execute("CREATE TABLE routes STORED AS ORC AS SELECT f.delay, unix_timestamp(f.`date`) AS departure,"
          + " f.origin, f.destination,"
          + " a.latitude AS lat1, a.longitude AS lon1, b.latitude AS lat2, b.longitude AS lon2"
          + " FROM flights_raw f JOIN airports a ON f.origin = a.iata JOIN airports b ON f.destination = b.iata");
      System.out.println("routes (ORC): rows, distinct departure times: "
          + first(s, "SELECT count(*), count(DISTINCT departure) FROM routes") + "; "
          + rounds + " measured rounds per query, alternating, after one unmeasured run each");
      System.out.println();
      StringBuilder table = new StringBuilder(
          "| question | Hive built-ins: median s | hive-features: median s | speed-up | map side vectorized (built-ins / ours) |\n"
          + "|---|---:|---:|---:|---|\n");
      for (Pair p : PAIRS) {
        String baselineAnswer = first(s, p.baseline());
        String oursAnswer = first(s, p.ours());
        double[] base = new double[rounds];
        double[] ours = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          base[r] = time(s, p.baseline());
          ours[r] = time(s, p.ours());
        }
        double mb = median(base);
        double mo = median(ours);
        System.out.println(p.name());
        System.out.println("  built-ins      " + p.baseline());
        System.out.println("                 -> " + baselineAnswer + "   runs " + seconds(base));
        System.out.println("  hive-features  " + p.ours());
        System.out.println("                 -> " + oursAnswer + "   runs " + seconds(ours));
        String vb = mapVectorized(s, p.baseline());
        String vo = mapVectorized(s, p.ours());
        System.out.println("  map side vectorized: built-ins " + vb + "; hive-features " + vo);
        table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2fx | %s / %s |%n", p.name(), mb, mo, mb / mo,
            vb.replaceAll(" .*", ""), vo.replaceAll(" .*", "")));
      }
      System.out.println();
      System.out.print(table);
    }
    System.exit(0); // HiveServer2 leaves non-daemon threads behind
  }

  /** "yes" or "no (Hive's reason)" for the plan's first map stage, from EXPLAIN VECTORIZATION. */
  private static String mapVectorized(Statement s, String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rs = s.executeQuery("EXPLAIN VECTORIZATION SUMMARY " + sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    String text = plan.toString();
    int map = text.indexOf("Map Vectorization:");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bvectorized: (true|false)").matcher(text);
    if (map < 0 || !m.find(map)) {
      return "unknown";
    }
    if (m.group(1).equals("true")) {
      return "yes";
    }
    java.util.regex.Matcher why = java.util.regex.Pattern.compile("notVectorizedReason: (.*)").matcher(text);
    return why.find(map) ? "no (" + why.group(1).trim() + ")" : "no";
  }

  private static double time(Statement s, String sql) throws SQLException {
    long t0 = System.nanoTime();
    first(s, sql);
    return (System.nanoTime() - t0) / 1e9;
  }

  /** The first row, every column, as text (reading it is part of the timed query). */
  private static String first(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> values = new ArrayList<>();
      if (rs.next()) {
        for (int i = 1; i <= md.getColumnCount(); i++) {
          values.add(rs.getString(i));
        }
      }
      return String.join(", ", values);
    }
  }

  private static double median(double[] xs) {
    double[] sorted = xs.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String seconds(double[] xs) {
    StringBuilder out = new StringBuilder();
    for (double x : xs) {
      out.append(String.format(Locale.ROOT, "%.1f ", x));
    }
    return out.toString().trim();
  }
}

package io.github.hivefeatures.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The flights pipeline end to end on an embedded Hive: starts a HiveServer2 4.0.1 in this JVM,
 * runs every step of hql/examples/flights/pipeline.txt in a session of its own that first loads
 * the jar with ADD JAR and the functions with hql/create-functions.hql (as beeline -i would),
 * then exports the feature query. Started by ./run-example.
 */
public final class Example {

  /** Share of the 3 million flights used unless --full or --sample-rate says otherwise. */
  static final String DEFAULT_SAMPLE_RATE = "0.25";

  private static final List<String> OWN_OPTIONS = List.of("--root", "--jar", "--data", "--work", "--sample-rate");

  private Example() {
  }

  /** Every argument that is not the example's own goes to the exporter. */
  private static List<String> exporterArgs(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (OWN_OPTIONS.contains(args[i])) {
        i++;
      } else if (!args[i].equals("--full")) {
        out.add(args[i]);
      }
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(arg(args, "--root", ".")).toAbsolutePath().normalize();
    Path jar = Path.of(arg(args, "--jar", null)).toAbsolutePath().normalize();
    Path dataSource = Path.of(arg(args, "--data", root.resolve(".data/npm/node_modules/vega-datasets/data").toString()));
    Path work = Path.of(arg(args, "--work", root.resolve("embedded/target/example").toString())).toAbsolutePath();
    String sampleRate = args.length > 0 && List.of(args).contains("--full") ? "1.0" : arg(args, "--sample-rate", DEFAULT_SAMPLE_RATE);
    List<String> exporterArgs = exporterArgs(args);

    long started = System.nanoTime();
    Path data = stage(dataSource, work.resolve("data"));
    List<Pipeline.Step> steps = Pipeline.read(root.resolve("hql/examples/flights/pipeline.txt"),
        Map.of("data_dir", data.toUri().toString(), "sample_rate", sampleRate));
    say("Starting an embedded HiveServer2 (Hive 4.0.1, local MapReduce) ...");
    try (LocalHiveServer hive = LocalHiveServer.start(work.resolve("hive"))) {
      List<String> ddl = HqlScript.statements(Files.readString(root.resolve("hql/create-functions.hql")));
      say("Each step: ADD JAR " + root.relativize(jar) + ", hql/create-functions.hql (" + ddl.size() / 2
          + " functions), then the script");
      for (Pipeline.Step step : steps) {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(hive.jdbcUrl(), "example", "");
             Statement s = c.createStatement()) {
          s.execute("ADD JAR " + jar);
          for (String sql : ddl) {
            s.execute(sql);
          }
          for (Map.Entry<String, String> v : step.variables().entrySet()) {
            s.execute("SET hivevar:" + v.getKey() + "=" + v.getValue());
          }
          for (String sql : HqlScript.statements(Files.readString(root.resolve(step.script())))) {
            if (s.execute(sql)) {
              try (ResultSet rs = s.getResultSet()) {
                printTable(rs);
              }
            }
          }
        }
        say(String.format(Locale.ROOT, "  %-40s %6.1f s", step.script(), (System.nanoTime() - t0) / 1e9));
      }
      try (Connection c = DriverManager.getConnection(hive.jdbcUrl(), "example", "");
           Statement s = c.createStatement()) {
        s.execute("ADD JAR " + jar);
        for (String sql : ddl) {
          s.execute(sql);
        }
        say("flights: " + count(s, "SELECT count(*) FROM flights") + " rows, sample rate " + sampleRate + " ("
            + count(s, "SELECT count(*) FROM flights WHERE split = 'train'") + " train, "
            + count(s, "SELECT count(*) FROM flights WHERE split = 'validation'") + " validation, "
            + count(s, "SELECT count(*) FROM flights WHERE split = 'test'") + " test)");
      }
      // The export: the exporter CLI, in this JVM, on a session that loads the jar and the
      // functions first (its query file holds the same statements a user's would).
      Path queryFile = work.resolve("export-query.hql");
      StringBuilder q = new StringBuilder("ADD JAR ").append(jar).append(";\n");
      for (String sql : ddl) {
        q.append(sql).append(";\n");
      }
      q.append(Files.readString(root.resolve("hql/examples/flights/99-features.hql")));
      Files.writeString(queryFile, q.toString());
      List<String> export = new ArrayList<>(List.of("--jdbc-url", hive.jdbcUrl(), "--user", "example",
          "--query-file", queryFile.toString()));
      if (!exporterArgs.contains("--to") && !exporterArgs.contains("-t")) {
        export.addAll(List.of("--to", root.resolve("out/flights-features").toString(), "--overwrite"));
      }
      export.addAll(exporterArgs);
      say("Exporting hql/examples/flights/99-features.hql with hive-features-export ...");
      int code = io.github.hivefeatures.export.ExportCommand.execute(export.toArray(new String[0]), System.err);
      if (code != 0) {
        say("The export failed (exit code " + code + ")");
        System.exit(code);
      }
    }
    say(String.format(Locale.ROOT, "Done in %.0f s", (System.nanoTime() - started) / 1e9));
    // HiveServer2 leaves non-daemon threads behind.
    System.exit(0);
  }

  /** Copies the two source files into folders of their own, as Hive external tables want. */
  static Path stage(Path source, Path target) throws IOException {
    Path flights = source.resolve("flights-3m.parquet");
    Path airports = source.resolve("airports.csv");
    for (Path p : List.of(flights, airports)) {
      if (!Files.isRegularFile(p)) {
        throw new IOException("Missing " + p + " (./run-example fetches vega-datasets from the npm registry)");
      }
    }
    Files.createDirectories(target.resolve("flights"));
    Files.createDirectories(target.resolve("airports"));
    Files.copy(flights, target.resolve("flights/flights-3m.parquet"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(airports, target.resolve("airports/airports.csv"), StandardCopyOption.REPLACE_EXISTING);
    return target;
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Prints a small result set as an aligned text table. */
  private static void printTable(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    if (n == 1 && md.getColumnLabel(1).endsWith("_c0")) {
      return; // the scripts' fe_require/fe_check guards: nothing to show
    }
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[n];
    for (int i = 1; i <= n; i++) {
      String name = md.getColumnLabel(i);
      header[i - 1] = name.substring(name.lastIndexOf('.') + 1);
    }
    rows.add(header);
    while (rs.next() && rows.size() <= 50) {
      String[] row = new String[n];
      for (int i = 1; i <= n; i++) {
        row[i - 1] = String.valueOf(rs.getString(i));
      }
      rows.add(row);
    }
    int[] width = new int[n];
    for (String[] row : rows) {
      for (int i = 0; i < n; i++) {
        width[i] = Math.min(70, Math.max(width[i], row[i].length()));
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("    ");
      for (int i = 0; i < n; i++) {
        String v = row[i].length() > 70 ? row[i].substring(0, 67) + "..." : row[i];
        line.append(String.format(Locale.ROOT, "%-" + width[i] + "s  ", v));
      }
      say(line.toString().stripTrailing());
    }
  }

  static String arg(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    if (fallback == null) {
      throw new IllegalArgumentException("missing " + name);
    }
    return fallback;
  }

  private static void say(String line) {
    System.out.println(line);
  }
}

package io.github.hivefeatures.geo;

import static io.github.hivefeatures.testkit.Udfs.constant;
import static io.github.hivefeatures.testkit.Udfs.eval;
import static io.github.hivefeatures.testkit.Udfs.init;
import static io.github.hivefeatures.testkit.Udfs.javaOi;
import static io.github.hivefeatures.testkit.Udfs.kryoCopy;
import static io.github.hivefeatures.testkit.Udfs.writableOi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.hivefeatures.testkit.Udfs;
import java.math.BigDecimal;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.ql.exec.UDFArgumentException;
import org.apache.hadoop.hive.ql.exec.UDFArgumentLengthException;
import org.apache.hadoop.hive.ql.exec.UDFArgumentTypeException;
import org.apache.hadoop.hive.serde2.io.DoubleWritable;
import org.apache.hadoop.hive.serde2.io.HiveDecimalWritable;
import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspector;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

class HaversineDistanceTest {

  private static final ObjectInspector D = javaOi("double");
  private static final double R = 6371.0088;

  private static Double distance(HaversineDistance udf, Object... values) throws Exception {
    DoubleWritable w = (DoubleWritable) eval(udf, values);
    return w == null ? null : w.get();
  }

  private static HaversineDistance doubles(String unit) throws Exception {
    return unit == null
        ? init(new HaversineDistance(), D, D, D, D)
        : init(new HaversineDistance(), D, D, D, D, constant("string", new Text(unit)));
  }

  @Test
  void matchesThePublishedRosettaCodeExampleScaledToTheMeanRadius() throws Exception {
    // Rosetta Code "Haversine formula": Nashville BNA (36.12, -86.67) to Los Angeles LAX
    // (33.94, -118.40) is 2887.2599506071106 km on a sphere of radius 6372.8 km.
    // Great-circle distance is proportional to the radius.
    double expected = 2887.2599506071106 * R / 6372.8;
    assertEquals(expected, distance(doubles(null), 36.12, -86.67, 33.94, -118.40), 1e-9);
  }

  @Test
  void matchesExactGeometry() throws Exception {
    HaversineDistance km = doubles("km");
    assertEquals(0.0, distance(km, 12.5, 7.25, 12.5, 7.25), 0.0);
    assertEquals(Math.PI * R / 2, distance(km, 0.0, 0.0, 0.0, 90.0), 1e-9);
    assertEquals(Math.PI * R / 2, distance(km, 0.0, 0.0, 90.0, 0.0), 1e-9);
    assertEquals(Math.PI * R, distance(km, 0.0, 0.0, 0.0, 180.0), 1e-9);
    assertEquals(Math.PI * R, distance(km, 90.0, 0.0, -90.0, 0.0), 1e-9);
    // 180 and -180 are the same meridian.
    assertEquals(0.0, distance(km, 10.0, 180.0, 10.0, -180.0), 1e-9);
    // One degree of arc.
    assertEquals(Math.PI * R / 180, distance(km, 0.0, 0.0, 0.0, 1.0), 1e-9);
  }

  /**
   * The kernel (three trigonometric calls, asin below 60 degrees and atan2 above) against the
   * vector formula atan2(|n1 x n2|, n1 . n2) on unit vectors, which is well conditioned at every
   * distance, over random pairs: short (down to 1e-9 degrees), on both sides of the 60-degree
   * switch, and near antipodes. Near antipodes the haversine h = 1 - eps^2/4 keeps only ~1e-8 rad
   * of eps, so the bound there is looser (1e-7 rad, 0.6 m).
   */
  @Test
  void agreesWithTheVectorFormulaAtEveryDistance() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(2026);
    for (int i = 0; i < 200_000; i++) {
      double lat1 = random.nextDouble(-90, 90);
      double lon1 = random.nextDouble(-180, 180);
      double lat2;
      double lon2;
      switch (i % 4) {
        case 0: // short
          double step = Math.pow(10, -random.nextInt(10));
          lat2 = Math.max(-90, Math.min(90, lat1 + random.nextDouble(-step, step)));
          lon2 = lon1 + random.nextDouble(-step, step);
          lon2 = lon2 > 180 ? lon2 - 360 : lon2 < -180 ? lon2 + 360 : lon2;
          break;
        case 1: // near antipodes
          lat2 = Math.max(-90, Math.min(90, -lat1 + random.nextDouble(-0.01, 0.01)));
          lon2 = lon1 > 0 ? lon1 - 180 + random.nextDouble(0, 0.01) : lon1 + 180 - random.nextDouble(0, 0.01);
          break;
        default: // anywhere
          lat2 = random.nextDouble(-90, 90);
          lon2 = random.nextDouble(-180, 180);
      }
      double expected = vectorAngle(lat1, lon1, lat2, lon2);
      double actual = HaversineDistance.centralAngle(lat1, lon1, lat2, lon2);
      // 1e-13 rad is 0.6 micrometres on the Earth: the three-call form loses a few ulps near poles.
      double bound = expected > 3.0 ? 1e-7 : 1e-13 + 1e-12 * expected;
      String pair = lat1 + "," + lon1 + " -> " + lat2 + "," + lon2;
      assertEquals(expected, actual, bound, pair);
    }
  }

  private static double vectorAngle(double lat1, double lon1, double lat2, double lon2) {
    double[] a = unit(lat1, lon1);
    double[] b = unit(lat2, lon2);
    double cx = a[1] * b[2] - a[2] * b[1];
    double cy = a[2] * b[0] - a[0] * b[2];
    double cz = a[0] * b[1] - a[1] * b[0];
    return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
  }

  private static double[] unit(double lat, double lon) {
    double phi = Math.toRadians(lat);
    double lambda = Math.toRadians(lon);
    return new double[] {Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)};
  }

  @Test
  void isSymmetric() throws Exception {
    HaversineDistance udf = doubles(null);
    assertEquals(distance(udf, 47.45, -122.31, -33.95, 151.18), distance(udf, -33.95, 151.18, 47.45, -122.31), 1e-9);
  }

  @Test
  void convertsUnits() throws Exception {
    double km = distance(doubles("km"), 36.12, -86.67, 33.94, -118.40);
    assertEquals(km * 1000, distance(doubles("m"), 36.12, -86.67, 33.94, -118.40), 1e-6);
    assertEquals(km / 1.609344, distance(doubles("mi"), 36.12, -86.67, 33.94, -118.40), 1e-9);
    assertEquals(km / 1.852, distance(doubles("NMI"), 36.12, -86.67, 33.94, -118.40), 1e-9);
  }

  @Test
  void acceptsEveryNumericTypeAndNumericStrings() throws Exception {
    double expected = distance(doubles(null), 36.0, -86.0, 34.0, -118.0);
    HaversineDistance mixed = init(new HaversineDistance(),
        javaOi("int"), writableOi("int"), javaOi("string"), writableOi("decimal(10,4)"));
    assertEquals(expected, distance(mixed, 36, new IntWritable(-86), " 34 ",
        new HiveDecimalWritable(HiveDecimal.create(new BigDecimal("-118.0000")))), 1e-9);

    HaversineDistance others = init(new HaversineDistance(),
        javaOi("bigint"), javaOi("smallint"), javaOi("float"), javaOi("varchar(10)"));
    assertEquals(expected, distance(others, 36L, (short) -86,  34.0f,
        new org.apache.hadoop.hive.common.type.HiveVarchar("-118", 10)), 1e-9);

    HaversineDistance lazy = init(new HaversineDistance(),
        Udfs.lazyOi("double"), Udfs.lazyOi("int"), Udfs.lazyOi("string"), Udfs.lazyOi("bigint"));
    assertEquals(expected, distance(lazy, Udfs.lazy("double", "36.0"), Udfs.lazy("int", "-86"),
        Udfs.lazy("string", "34"), Udfs.lazy("bigint", "-118")), 1e-9);

    HaversineDistance tiny = init(new HaversineDistance(),
        javaOi("tinyint"), D, constant("double", new DoubleWritable(34.0)), D);
    assertEquals(expected, distance(tiny, (byte) 36, -86.0, new DoubleWritable(34.0), -118.0), 1e-9);
  }

  @Test
  void nullNanMalformedAndOutOfRangeGiveNull() throws Exception {
    HaversineDistance udf = doubles(null);
    assertNull(distance(udf, null, 0.0, 0.0, 0.0));
    assertNull(distance(udf, 0.0, 0.0, 0.0, null));
    assertNull(distance(udf, Double.NaN, 0.0, 0.0, 0.0));
    assertNull(distance(udf, Double.POSITIVE_INFINITY, 0.0, 0.0, 0.0));
    assertNull(distance(udf, 0.0, Double.NEGATIVE_INFINITY, 0.0, 0.0));
    assertNull(distance(udf, 90.0001, 0.0, 0.0, 0.0));
    assertNull(distance(udf, 0.0, 0.0, -90.0001, 0.0));
    assertNull(distance(udf, 0.0, 180.0001, 0.0, 0.0));
    assertNull(distance(udf, 0.0, 0.0, 0.0, -180.0001));
    HaversineDistance strings = init(new HaversineDistance(), javaOi("string"), D, D, D);
    assertNull(distance(strings, "north", 0.0, 0.0, 0.0));
    assertNull(distance(strings, "", 0.0, 0.0, 0.0));
    assertNull(distance(strings, "NaN", 0.0, 0.0, 0.0));
    assertNull(distance(strings, "1".repeat(100_000) + "x", 0.0, 0.0, 0.0));
    HaversineDistance voids = init(new HaversineDistance(), javaOi("void"), D, D, D);
    assertNull(distance(voids, null, 0.0, 0.0, 0.0));
  }

  @Test
  void reusesOneOutputObject() throws Exception {
    HaversineDistance udf = doubles(null);
    Object first = eval(udf, 1.0, 2.0, 3.0, 4.0);
    assertSame(first, eval(udf, 5.0, 6.0, 7.0, 8.0));
  }

  @Test
  void rejectsWrongArity() {
    UDFArgumentLengthException e = assertThrows(UDFArgumentLengthException.class,
        () -> new HaversineDistance().initialize(new ObjectInspector[] {D, D, D}));
    assertTrue(e.getMessage().contains("fe_haversine: expects 4 to 5 arguments"), e.getMessage());
    assertThrows(UDFArgumentLengthException.class,
        () -> new HaversineDistance().initialize(new ObjectInspector[] {D, D, D, D, D, D}));
  }

  @Test
  void rejectsNonNumericTypesNamingTheArgument() {
    UDFArgumentTypeException e = assertThrows(UDFArgumentTypeException.class,
        () -> new HaversineDistance().initialize(new ObjectInspector[] {D, D, javaOi("boolean"), D}));
    assertEquals(2, e.getArgumentId());
    assertTrue(e.getMessage().contains("fe_haversine: argument 3 (lat2) must be numeric"), e.getMessage());
    UDFArgumentTypeException e2 = assertThrows(UDFArgumentTypeException.class,
        () -> new HaversineDistance().initialize(new ObjectInspector[] {D, javaOi("array<double>"), D, D}));
    assertTrue(e2.getMessage().contains("argument 2 (lon1)"), e2.getMessage());
    assertThrows(UDFArgumentTypeException.class,
        () -> new HaversineDistance().initialize(new ObjectInspector[] {D, D, D, javaOi("timestamp")}));
  }

  @Test
  void rejectsAnUnknownOrNonConstantUnit() {
    UDFArgumentException e = assertThrows(UDFArgumentException.class,
        () -> new HaversineDistance().initialize(
            new ObjectInspector[] {D, D, D, D, constant("string", new Text("yards"))}));
    assertTrue(e.getMessage().contains("fe_haversine: argument 5 (unit) must be one of 'km', 'mi', 'nmi', 'm', got 'yards'"),
        e.getMessage());
    UDFArgumentTypeException e2 = assertThrows(UDFArgumentTypeException.class,
        () -> new HaversineDistance().initialize(new ObjectInspector[] {D, D, D, D, javaOi("string")}));
    assertTrue(e2.getMessage().contains("argument 5 (unit) must be a constant string"), e2.getMessage());
    assertThrows(UDFArgumentException.class,
        () -> new HaversineDistance().initialize(
            new ObjectInspector[] {D, D, D, D, constant("string", null)}));
  }

  @Test
  void survivesKryoBeforeAndAfterUse() throws Exception {
    HaversineDistance udf = doubles("mi");
    HaversineDistance copy = kryoCopy(udf);
    copy.initialize(new ObjectInspector[] {D, D, D, D, constant("string", new Text("mi"))});
    double expected = distance(udf, 36.12, -86.67, 33.94, -118.40);
    assertEquals(expected, distance(copy, 36.12, -86.67, 33.94, -118.40), 0.0);
    HaversineDistance used = kryoCopy(udf);
    used.initialize(new ObjectInspector[] {D, D, D, D, constant("string", new Text("mi"))});
    assertEquals(expected, distance(used, 36.12, -86.67, 33.94, -118.40), 0.0);
  }
}

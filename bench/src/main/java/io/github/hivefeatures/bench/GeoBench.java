package io.github.hivefeatures.bench;

import io.github.hivefeatures.geo.HaversineDistance;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hive.ql.metadata.HiveException;
import org.apache.hadoop.hive.ql.udf.generic.GenericUDF;
import org.apache.hadoop.hive.serde2.io.DoubleWritable;
import org.apache.hadoop.hive.serde2.objectinspector.ObjectInspector;
import org.apache.hadoop.hive.serde2.objectinspector.primitive.PrimitiveObjectInspectorFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * fe_haversine against Hivemall's haversine_distance, on the same rows of writable doubles: "us" is
 * flight-like (both ends in the contiguous United States), "world" uniform over the globe.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class GeoBench {

  @Param({"us", "world"})
  public String points;

  private Rows rows;
  private GenericUDF haversine;
  private GenericUDF hivemallHaversine;

  @Setup
  public void setup() throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    Object[][] values = new Object[Rows.N][];
    for (int r = 0; r < Rows.N; r++) {
      values[r] = new Object[] {
          new DoubleWritable(latitude(random)), new DoubleWritable(longitude(random)),
          new DoubleWritable(latitude(random)), new DoubleWritable(longitude(random))};
    }
    rows = Rows.of(values);
    ObjectInspector d = PrimitiveObjectInspectorFactory.writableDoubleObjectInspector;
    ObjectInspector[] four = {d, d, d, d};
    haversine = new HaversineDistance();
    haversine.initialize(four);
    hivemallHaversine = new hivemall.geospatial.HaversineDistanceUDF();
    hivemallHaversine.initialize(four);
  }

  private double latitude(SplittableRandom random) {
    return "us".equals(points) ? random.nextDouble(25, 49) : random.nextDouble(-90, 90);
  }

  private double longitude(SplittableRandom random) {
    return "us".equals(points) ? random.nextDouble(-125, -67) : random.nextDouble(-180, 180);
  }

  @Benchmark
  @OperationsPerInvocation(Rows.N)
  public void fe_haversine(Blackhole bh) throws HiveException {
    rows.evaluate(haversine, bh);
  }

  @Benchmark
  @OperationsPerInvocation(Rows.N)
  public void hivemall_haversine_distance(Blackhole bh) throws HiveException {
    rows.evaluate(hivemallHaversine, bh);
  }
}

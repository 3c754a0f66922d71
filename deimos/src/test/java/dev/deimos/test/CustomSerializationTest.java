package dev.deimos.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.deimos.DeimosCustomSerialization;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.io.DataInput;
import java.io.DataOutput;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CustomSerializationTest {
  /** Not Serializable: only the custom serialization can ship it. */
  static final class Point {
    final int x;
    final int y;

    Point(int x, int y) {
      this.x = x;
      this.y = y;
    }
  }

  static final AtomicInteger WRITES = new AtomicInteger();

  public static final class PointSerialization implements DeimosCustomSerialization<Point> {
    @Override
    public void serialize(Point p, DataOutput out) throws Exception {
      WRITES.incrementAndGet();
      out.writeInt(p.x);
      out.writeInt(p.y);
    }

    @Override
    public Point deserialize(DataInput in) throws Exception {
      return new Point(in.readInt(), in.readInt());
    }

    @Override
    public Class<Point> targetType() {
      return Point.class;
    }
  }

  /** Points hop to the task of their x, carrying the Point itself in the frame. */
  static class PointModule implements DeimosModule {
    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*points", Depot.random());
      StreamTopology s = topologies.stream("points");
      s.pstate("$$sumY", PState.mapSchema(Integer.class, Long.class));
      s.source("*points")
          .out("*p")
          .each((Point p) -> p.x, "*p")
          .out("*x")
          .hashPartition("*x")
          .each((Point p) -> (long) p.y, "*p")
          .out("*y")
          .localTransform("$$sumY", Path.key("*x").nullToVal(0L).term(Ops.PLUS, "*y"));
    }
  }

  @Test
  @SuppressWarnings("rawtypes")
  void customSerialization_usedForDepotRecordsAndFramesBetweenWorkers() {
    try (InProcessCluster cluster =
        InProcessCluster.create(List.<Class>of(PointSerialization.class))) {
      cluster.launchModule(new PointModule(), new LaunchConfig(4, 4).numWorkers(2));
      Depot d = cluster.clusterDepot(PointModule.class.getName(), "*points");
      int before = WRITES.get();
      for (int i = 0; i < 20; i++) {
        d.append(new Point(i % 4, i));
      }
      // every record was written once at the append, and some frames crossed workers
      assertThat(WRITES.get() - before).isGreaterThan(20);
      PState sums = cluster.clusterPState(PointModule.class.getName(), "$$sumY");
      assertThat((Long) sums.selectOne(Path.key(1))).isEqualTo(1L + 5 + 9 + 13 + 17);
    }
  }

  @Test
  void withoutCustomSerialization_appendOfUnserializableRecord_failsNamingDepotAndClass() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new PointModule(), new LaunchConfig(2, 2));
      Depot d = cluster.clusterDepot(PointModule.class.getName(), "*points");
      assertThatThrownBy(() -> d.append(new Point(1, 2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("*points")
          .hasMessageContaining(PointModule.class.getName())
          .hasMessageContaining(Point.class.getName());
    }
  }

  @Test
  @SuppressWarnings("rawtypes")
  void create_withClassThatIsNoSerialization_rejected() {
    assertThatThrownBy(() -> InProcessCluster.create(List.<Class>of(String.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("DeimosCustomSerialization");
  }
}

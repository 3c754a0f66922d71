package dev.deimos.impl.dataflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Agg;
import dev.deimos.Block;
import dev.deimos.ops.DeimosCombinerAgg;
import dev.deimos.ops.Ops;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws of the aggregators: partial aggregation is invisible; topMonotonic keeps the true top. */
class AggPropertiesTest {
  /** Keeps the longest string; ties go to the earlier one. */
  static final class Longest implements DeimosCombinerAgg<String> {
    @Override
    public String combine(String curr, String arg) {
      return arg.length() > curr.length() ? arg : curr;
    }

    @Override
    public String zeroVal() {
      return "";
    }
  }

  @Provide
  Arbitrary<Agg> combiners() {
    return Arbitraries.of(
        Agg.count(),
        Agg.sum("*x"),
        Agg.min("*x"),
        Agg.max("*x"),
        Agg.first("*x"),
        Agg.last("*x"),
        Agg.list("*x"),
        Agg.set("*x"),
        Agg.combiner(new Longest(), "*s"),
        Agg.topMonotonic(3, "*x"));
  }

  private static Object[] slots(long x) {
    return new Object[] {x, Long.toString(x)};
  }

  private static AggTemplate template(Agg agg) {
    AggSpec spec = (AggSpec) agg;
    Arg[] args = new Arg[spec.args.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = new Arg.Slot("*x".equals(spec.args[i]) ? 0 : 1);
    }
    return new AggTemplate.Leaf(spec, args, -1);
  }

  @Property(tries = 300)
  void combiner_resultDoesNotDependOnSplitIntoPartials(
      @ForAll("combiners") Agg agg,
      @ForAll @Size(max = 30) List<@IntRange(min = -50, max = 50) Integer> inputs,
      @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 30) Integer> cuts) {
    AggTemplate t = template(agg);
    AggTemplate.State whole = t.newState(false);
    for (int x : inputs) {
      whole.add(slots(x));
    }
    List<Integer> points =
        cuts.stream().map(c -> Math.min(c, inputs.size())).sorted().collect(Collectors.toList());
    points.add(inputs.size());
    AggTemplate.State merged = t.newState(false);
    int from = 0;
    for (int to : points) {
      AggTemplate.State partial = t.newState(false);
      for (int i = from; i < to; i++) {
        partial.add(slots(inputs.get(i)));
      }
      merged.mergeFrom(partial);
      from = to;
    }
    assertThat(merged.result()).isEqualTo(whole.result());
  }

  @Property(tries = 200)
  void compoundMapTemplate_resultDoesNotDependOnSplitIntoPartials(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 20) Integer> inputs,
      @ForAll @IntRange(min = 0, max = 30) int cut) {
    // map(*s, list(count(), sum(*x))): key is the input's string form.
    AggTemplate t =
        new AggTemplate.MapT(
            new Arg[] {new Arg.Slot(1)},
            new int[] {1},
            new AggTemplate[] {
              new AggTemplate.ListT(
                  new AggTemplate[] {template(Agg.count()), template(Agg.sum("*x"))})
            });
    AggTemplate.State whole = t.newState(false);
    AggTemplate.State left = t.newState(false);
    AggTemplate.State right = t.newState(false);
    int c = Math.min(cut, inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      whole.add(slots(inputs.get(i)));
      (i < c ? left : right).add(slots(inputs.get(i)));
    }
    AggTemplate.State merged = t.newState(false);
    merged.mergeFrom(left);
    merged.mergeFrom(right);
    assertThat(merged.result()).isEqualTo(whole.result());
  }

  @Property(tries = 200)
  void topMonotonic_keepsTrueTopNBySortValue(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 1000) Integer> values,
      @ForAll @IntRange(min = 0, max = 6) int n) {
    List<Object> out = new ArrayList<>();
    Block.batchBlock(
            Block.each(Ops.EXPLODE, values)
                .out("*x")
                .agg(Agg.topMonotonic(n, "*x").sortValFunction((Integer v) -> v % 97))
                .out("*top")
                .each((Object r) -> out.add(r), "*top"))
        .execute();
    @SuppressWarnings("unchecked")
    List<Integer> top = (List<Integer>) out.get(0);
    List<Integer> expectedSortVals =
        values.stream()
            .distinct()
            .map(v -> v % 97)
            .sorted(Comparator.reverseOrder())
            .limit(n)
            .collect(Collectors.toList());
    assertThat(top.stream().map(v -> v % 97).collect(Collectors.toList()))
        .isEqualTo(expectedSortVals);
    assertThat(values).containsAll(top);
    assertThat(top).doesNotHaveDuplicates();
  }
}

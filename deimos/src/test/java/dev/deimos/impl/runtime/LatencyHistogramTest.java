package dev.deimos.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
  @Test
  void bucket_upperBound_coversEveryValueWithin25Percent() {
    Random r = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      long v = r.nextLong() >>> (1 + r.nextInt(63));
      int b = LatencyHistogram.bucket(v);
      long ub = LatencyHistogram.upperBound(b);
      assertThat(ub).isGreaterThanOrEqualTo(v);
      assertThat((double) ub).isLessThanOrEqualTo(Math.max(3, v * 1.25));
      if (b > 0) {
        assertThat(LatencyHistogram.upperBound(b - 1)).isLessThan(v);
      }
    }
  }

  @Test
  void quantile_ofRecordedValues_andOfAnInterval() {
    LatencyHistogram h = new LatencyHistogram();
    assertThat(LatencyHistogram.quantile(h.snapshot(), 0.5)).isEqualTo(-1);
    for (int i = 1; i <= 100; i++) {
      h.record(i * 1_000_000L);
    }
    long[] first = h.snapshot();
    assertThat(LatencyHistogram.quantile(first, 0.5)).isBetween(50_000_000L, 62_500_000L);
    assertThat(LatencyHistogram.quantile(first, 0.99)).isBetween(99_000_000L, 124_000_000L);
    for (int i = 0; i < 10; i++) {
      h.record(1_000_000_000L);
    }
    long[] interval = LatencyHistogram.minus(h.snapshot(), first);
    assertThat(LatencyHistogram.quantile(interval, 0.5)).isBetween(1_000_000_000L, 1_250_000_000L);
    h.record(-5);
    assertThat(h.snapshot()[0]).isEqualTo(1);
  }
}

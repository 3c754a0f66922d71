package dev.deimos.impl.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduler contract on the simulated scheduler, plus its determinism. */
class ManualSchedulerTest extends SchedulerContract {
  @Override
  protected Scheduler create() {
    return new ManualScheduler(1_000_000L);
  }

  @Override
  protected Clock clock(Scheduler scheduler) {
    return (ManualScheduler) scheduler;
  }

  @Override
  protected void advance(Scheduler scheduler, long millis) {
    ((ManualScheduler) scheduler).advance(millis);
  }

  @Test
  void sameSchedule_sameRunOrder_tiesInSchedulingOrder() {
    List<List<String>> runs = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      ManualScheduler s = new ManualScheduler(0);
      List<String> order = new ArrayList<>();
      s.schedule(() -> order.add("b"), 10);
      s.schedule(() -> order.add("a"), 10);
      s.scheduleAtFixedRate(() -> order.add("tick@" + s.nanos() / 1_000_000), 4);
      s.advance(12);
      runs.add(order);
    }
    assertThat(runs.get(0)).containsExactly("tick@4", "tick@8", "b", "a", "tick@12");
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
  }

  @Test
  void nothingRuns_untilAdvanced() {
    ManualScheduler s = new ManualScheduler(0);
    List<String> order = new ArrayList<>();
    s.schedule(() -> order.add("x"), 0);
    assertThat(order).isEmpty();
    s.advance(0);
    assertThat(order).containsExactly("x");
    assertThat(s.millis()).isZero();
  }
}

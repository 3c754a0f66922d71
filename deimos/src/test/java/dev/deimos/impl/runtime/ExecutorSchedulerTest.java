package dev.deimos.impl.runtime;

/** The scheduler contract on the cluster's executor-backed scheduler and the system clock. */
class ExecutorSchedulerTest extends SchedulerContract {
  @Override
  protected Scheduler create() {
    return new ExecutorScheduler("deimos-scheduler-test");
  }

  @Override
  protected Clock clock(Scheduler scheduler) {
    return Clock.SYSTEM;
  }

  @Override
  protected void release(Scheduler scheduler) {
    ((ExecutorScheduler) scheduler).close();
  }
}

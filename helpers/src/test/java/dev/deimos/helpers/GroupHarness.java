package dev.deimos.helpers;

import dev.deimos.Block;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.module.ETLTopologyBase;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Runs a PState group in a stream or a microbatch topology fed by one command depot partitioned by
 * the command's {@code key} field, and lets a test append commands and read the PStates once each
 * command has been processed.
 */
final class GroupHarness implements AutoCloseable {
  enum Mode {
    STREAM,
    MICROBATCH
  }

  static final String MODULE = GroupModule.class.getName();

  /** The module: {@code declare} declares the group's PStates, {@code body} consumes *c. */
  static final class GroupModule implements DeimosModule {
    final Mode mode;
    final Consumer<ETLTopologyBase<?>> declare;
    final BiFunction<ETLTopologyBase<?>, Block.Impl, Block.Impl> body;

    GroupModule(
        Mode mode,
        Consumer<ETLTopologyBase<?>> declare,
        BiFunction<ETLTopologyBase<?>, Block.Impl, Block.Impl> body) {
      this.mode = mode;
      this.declare = declare;
      this.body = body;
    }

    @Override
    public void define(Setup setup, Topologies topologies) {
      setup.declareDepot("*commands", Depot.hashBy("key"));
      if (mode == Mode.STREAM) {
        ETLTopologyBase<?> s = topologies.stream("groups");
        declare.accept(s);
        body.apply(s, s.source("*commands").out("*c"));
      } else {
        ETLTopologyBase<?> mb = topologies.microbatch("groups");
        declare.accept(mb);
        body.apply(mb, mb.source("*commands").out("*mb").explodeMicrobatch("*mb").out("*c"));
      }
    }
  }

  private final InProcessCluster cluster;
  private final Mode mode;
  private final Depot commands;
  private int appended;

  GroupHarness(GroupModule module, int tasks) {
    this.mode = module.mode;
    this.cluster = InProcessCluster.create();
    cluster.launchModule(module, new LaunchConfig(tasks, Math.min(tasks, 2)));
    this.commands = cluster.clusterDepot(MODULE, "*commands");
  }

  /** Appends {@code command} and returns once the topology has processed it. */
  void append(Object command) {
    commands.append(command);
    appended++;
    if (mode == Mode.MICROBATCH) {
      cluster.waitForMicrobatchProcessedCount(MODULE, "groups", appended);
    }
  }

  PState pstate(String name) {
    return cluster.clusterPState(MODULE, name);
  }

  @Override
  public void close() {
    cluster.close();
  }
}

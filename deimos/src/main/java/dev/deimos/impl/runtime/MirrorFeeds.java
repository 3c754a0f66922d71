package dev.deimos.impl.runtime;

import dev.deimos.DeimosCompileException;
import dev.deimos.impl.depot.DepotLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A module's part in mirror depots read as sources, on both sides: the {@link MirrorDepotFeed}s
 * through which its topologies read other modules' depots, and the feeds of other modules reading
 * its own depots (notified after every append).
 */
final class MirrorFeeds {
  private final ModuleRuntime rt;
  // this module's feeds, by mirror var; replaced whole by subscribe()
  private volatile Map<String, MirrorDepotFeed> feeds = Map.of();
  // other modules' feeds reading this module's depots, by depot var
  private final ConcurrentHashMap<String, MirrorDepotFeed[]> readers = new ConcurrentHashMap<>();

  MirrorFeeds(ModuleRuntime rt) {
    this.rt = rt;
  }

  /**
   * The depot log a mirror depot var reads, or null if {@code var} is not a resolved mirror depot.
   *
   * @throws DeimosCompileException if the mirrored depot is a tick depot
   */
  static DepotLog log(Mirrors m, String var, String where) {
    ModuleRuntime owner = m.isDepot(var) ? m.owner(var) : null;
    if (owner == null) {
      return null;
    }
    if (owner.isTickDepot(m.target(var))) {
      // ticks are not records in a log, so a mirror would never see one
      throw new DeimosCompileException(
          where
              + ": source "
              + var
              + " mirrors tick depot "
              + m.target(var)
              + " of module "
              + owner.moduleName()
              + "; only the module declaring a tick depot can read it");
    }
    return owner.depotLog(m.target(var));
  }

  /**
   * Makes this module's feeds the ones the given mirrors, stream sources and microbatch topologies
   * need: feeds of mirror vars still read stay (with their cursors), new ones subscribe at their
   * producers, unused ones unsubscribe. {@link #pullAll} must follow once the module runs.
   *
   * @param m the module's (resolved) mirrors
   * @param mirrorSources stream sources reading mirror vars, by var
   * @param runners the module's microbatch topologies
   */
  void subscribe(
      Mirrors m,
      Map<String, List<ModuleRuntime.SourceRt>> mirrorSources,
      Map<String, MicrobatchRunner> runners) {
    Map<String, List<MicrobatchRunner>> mbReaders = new LinkedHashMap<>();
    for (MicrobatchRunner r : runners.values()) {
      for (MicrobatchRunner.Source s : r.sources()) {
        if (m.isDepot(s.depotVar)) {
          List<MicrobatchRunner> l = mbReaders.computeIfAbsent(s.depotVar, k -> new ArrayList<>());
          if (!l.contains(r)) {
            l.add(r);
          }
        }
      }
    }
    Set<String> vars = new LinkedHashSet<>(mirrorSources.keySet());
    vars.addAll(mbReaders.keySet());
    Map<String, MirrorDepotFeed> old = feeds;
    Map<String, MirrorDepotFeed> next = new LinkedHashMap<>();
    List<MirrorDepotFeed> added = new ArrayList<>();
    for (String var : vars) {
      ModuleRuntime producer = m.owner(var);
      String depotVar = m.target(var);
      MirrorDepotFeed f = old.get(var);
      if (f == null || !f.reads(var, producer, depotVar)) {
        f = new MirrorDepotFeed(rt, var, producer, depotVar);
        added.add(f);
      }
      f.setReaders(
          mirrorSources.getOrDefault(var, List.of()), mbReaders.getOrDefault(var, List.of()));
      next.put(var, f);
    }
    for (MirrorDepotFeed f : old.values()) {
      if (next.get(f.var) != f) {
        f.producer.feeds().removeReader(f.depotVar, f);
      }
    }
    feeds = next;
    for (MirrorDepotFeed f : added) {
      f.producer.feeds().addReader(f.depotVar, f);
    }
  }

  /** The stream sources of every feed of this module. */
  List<ModuleRuntime.SourceRt> streamSources() {
    List<ModuleRuntime.SourceRt> out = new ArrayList<>();
    for (MirrorDepotFeed f : feeds.values()) {
      out.addAll(f.streamSources());
    }
    return out;
  }

  /** Pulls every feed: picks up what was appended while subscribing or updating. */
  void pullAll() {
    for (MirrorDepotFeed f : feeds.values()) {
      f.appendedEverywhere();
    }
  }

  /** Drops every feed of this module (it closes). */
  void unsubscribeAll() {
    for (MirrorDepotFeed f : feeds.values()) {
      f.producer.feeds().removeReader(f.depotVar, f);
    }
    feeds = Map.of();
  }

  private void addReader(String depotVar, MirrorDepotFeed f) {
    readers.merge(
        depotVar,
        new MirrorDepotFeed[] {f},
        (a, b) -> {
          MirrorDepotFeed[] c = Arrays.copyOf(a, a.length + 1);
          c[a.length] = f;
          return c;
        });
  }

  private void removeReader(String depotVar, MirrorDepotFeed f) {
    readers.computeIfPresent(
        depotVar,
        (k, a) -> {
          MirrorDepotFeed[] c =
              Arrays.stream(a).filter(x -> x != f).toArray(MirrorDepotFeed[]::new);
          return c.length == 0 ? null : c;
        });
  }

  /** Whether another module reads one of this module's depots (a cheap check per append). */
  boolean hasReaders() {
    return !readers.isEmpty();
  }

  /** A record was stored on {@code partition} of this module's {@code depotVar}. */
  void appended(String depotVar, int partition) {
    MirrorDepotFeed[] fs = readers.get(depotVar);
    if (fs != null) {
      for (MirrorDepotFeed f : fs) {
        f.appended(partition);
      }
    }
  }
}

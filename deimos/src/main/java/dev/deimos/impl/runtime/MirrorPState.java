package dev.deimos.impl.runtime;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.dataflow.PStateAccess;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * A PState of another module seen through a mirror var: reads go to the owning module's task thread
 * (and the calling task thread waits for them); writes are refused.
 */
final class MirrorPState implements PStateAccess {
  private final String var;
  private final ModuleRuntime other;
  private final String pstate;

  MirrorPState(String var, ModuleRuntime other, String pstate) {
    this.var = var;
    this.other = other;
    this.pstate = pstate;
  }

  @Override
  public List<Object> select(Path path, Vars vars) {
    try {
      return other.selectWithVars(pstate, path, vars).join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException
          ? (RuntimeException) c
          : new IllegalStateException("reading mirror " + var + " failed", c);
    }
  }

  @Override
  public void transform(Path path, Vars vars) {
    throw new IllegalStateException(
        var
            + " mirrors PState "
            + pstate
            + " of module "
            + other.moduleName()
            + ": another module's PState cannot be written");
  }
}

package dev.deimos.impl.runtime;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.dataflow.PStateAccess;
import dev.deimos.impl.path.Paths;
import java.util.List;

/**
 * One partition of a query's temporary PState ({@code $$<query>$$}): a single value that starts
 * null, lives for one invocation and is touched only on its task's thread.
 */
final class TempPState implements PStateAccess {
  private Object root;

  @Override
  public List<Object> select(Path path, Vars vars) {
    return Paths.select(path, root, vars);
  }

  @Override
  public void transform(Path path, Vars vars) {
    root = Paths.transform(path, root, vars);
  }
}

package dev.deimos.test;

import dev.deimos.Path;
import dev.deimos.impl.data.Vars;
import dev.deimos.impl.dataflow.PStateAccess;
import dev.deimos.impl.pstate.PStateDeclaration;
import dev.deimos.impl.pstate.memory.MemoryPStateStore;
import java.util.List;

/** {@link TestPState} over one {@link MemoryPStateStore} partition, committing every write. */
final class MemoryTestPState implements TestPState, PStateAccess {
  static final String NAME = "$$TestPState";

  private final MemoryPStateStore store;

  MemoryTestPState(Object schema) {
    store = new MemoryPStateStore(new PStateDeclaration(NAME, schema));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> List<T> select(Path path) {
    return (List<T>) store.select(path, Vars.NONE);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T selectOne(Path path) {
    return (T) store.selectOne(path, Vars.NONE);
  }

  @Override
  public void transform(Path path) {
    transform(path, Vars.NONE);
  }

  @Override
  public List<Object> select(Path path, Vars vars) {
    return store.select(path, vars);
  }

  @Override
  public synchronized void transform(Path path, Vars vars) {
    try {
      store.transform(path, vars);
    } catch (RuntimeException e) {
      store.abort();
      throw e;
    }
    store.commit();
  }

  @Override
  public void close() {
    store.close();
  }
}

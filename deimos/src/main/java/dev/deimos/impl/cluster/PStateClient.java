package dev.deimos.impl.cluster;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.impl.runtime.ModuleRuntime;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Client of one PState; every read runs on the owning task's thread. */
final class PStateClient implements PState {
  private final ModuleRuntime rt;
  private final String var;

  PStateClient(ModuleRuntime rt, String var) {
    this.rt = rt;
    this.var = var;
  }

  @Override
  public <T> List<T> select(Path path) {
    return DepotClient.Waits.await(this.<T>selectAsync(path));
  }

  @Override
  public <T> List<T> select(Object partitioningKey, Path path) {
    return DepotClient.Waits.await(this.<T>selectAsync(partitioningKey, path));
  }

  @Override
  public <T> T selectOne(Path path) {
    return DepotClient.Waits.await(this.<T>selectOneAsync(path));
  }

  @Override
  public <T> T selectOne(Object partitioningKey, Path path) {
    return DepotClient.Waits.await(this.<T>selectOneAsync(partitioningKey, path));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<List<T>> selectAsync(Path path) {
    return rt.select(var, false, null, path).thenApply(l -> (List<T>) (List<?>) l);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<List<T>> selectAsync(Object partitioningKey, Path path) {
    return rt.select(var, true, partitioningKey, path).thenApply(l -> (List<T>) (List<?>) l);
  }

  @Override
  public <T> CompletableFuture<T> selectOneAsync(Path path) {
    return this.<T>selectAsync(path).thenApply(l -> one(l, path));
  }

  @Override
  public <T> CompletableFuture<T> selectOneAsync(Object partitioningKey, Path path) {
    return this.<T>selectAsync(partitioningKey, path).thenApply(l -> one(l, path));
  }

  private <T> T one(List<T> l, Path path) {
    if (l.size() > 1) {
      throw new IllegalStateException(
          "selectOne on PState " + var + " reached " + l.size() + " values with " + path);
    }
    return l.isEmpty() ? null : l.get(0);
  }
}

package dev.deimos.impl.cluster;

import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.ProxyState;
import dev.deimos.impl.reactive.ProxyClient;
import dev.deimos.impl.reactive.ProxyTarget;
import dev.deimos.impl.runtime.ModuleRuntime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Client of one PState; every read runs on the owning task's thread. */
final class PStateClient implements PState {
  private final ModuleRuntime rt;
  private final String var;
  private final Supplier<ProxyClient> proxies;

  PStateClient(ModuleRuntime rt, String var, Supplier<ProxyClient> proxies) {
    this.rt = rt;
    this.var = var;
    this.proxies = proxies;
  }

  @Override
  public <T> ProxyState<T> proxy(Path path) {
    return DepotClient.Waits.await(this.<T>proxyAsync(path));
  }

  @Override
  public <T> ProxyState<T> proxy(Path path, ProxyState.Callback<T> callback) {
    return DepotClient.Waits.await(proxyAsync(path, callback));
  }

  @Override
  public <T> ProxyState<T> proxy(Object partitioningKey, Path path) {
    return DepotClient.Waits.await(this.<T>proxyAsync(partitioningKey, path));
  }

  @Override
  public <T> ProxyState<T> proxy(
      Object partitioningKey, Path path, ProxyState.Callback<T> callback) {
    return DepotClient.Waits.await(proxyAsync(partitioningKey, path, callback));
  }

  @Override
  public <T> CompletableFuture<ProxyState<T>> proxyAsync(Path path) {
    return open(false, null, path, null);
  }

  @Override
  public <T> CompletableFuture<ProxyState<T>> proxyAsync(
      Path path, ProxyState.Callback<T> callback) {
    return open(false, null, path, callback);
  }

  @Override
  public <T> CompletableFuture<ProxyState<T>> proxyAsync(Object partitioningKey, Path path) {
    return open(true, partitioningKey, path, null);
  }

  @Override
  public <T> CompletableFuture<ProxyState<T>> proxyAsync(
      Object partitioningKey, Path path, ProxyState.Callback<T> callback) {
    return open(true, partitioningKey, path, callback);
  }

  private <T> CompletableFuture<ProxyState<T>> open(
      boolean keyGiven, Object key, Path path, ProxyState.Callback<T> callback) {
    ProxyTarget target;
    try {
      target = rt.proxyTarget(var, keyGiven, key, path);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return proxies.get().open(target, callback);
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

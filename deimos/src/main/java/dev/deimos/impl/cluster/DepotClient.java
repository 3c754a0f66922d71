package dev.deimos.impl.cluster;

import dev.deimos.AckLevel;
import dev.deimos.Depot;
import dev.deimos.impl.runtime.ModuleRuntime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Client of one depot; blocking calls wait on the async ones and rethrow the cause. */
final class DepotClient implements Depot {
  private final ModuleRuntime rt;
  private final String var;

  DepotClient(ModuleRuntime rt, String var) {
    this.rt = rt;
    this.var = var;
  }

  @Override
  public Map<String, Object> append(Object data) {
    return append(data, AckLevel.ACK);
  }

  @Override
  public Map<String, Object> append(Object data, AckLevel level) {
    return Waits.await(rt.append(var, data, level));
  }

  @Override
  public CompletableFuture<Map<String, Object>> appendAsync(Object data) {
    return appendAsync(data, AckLevel.ACK);
  }

  @Override
  public CompletableFuture<Map<String, Object>> appendAsync(Object data, AckLevel level) {
    try {
      return rt.append(var, data, level);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {}

  /** Unwraps future failures so callers see the user's exception. */
  static final class Waits {
    private Waits() {}

    static <T> T await(CompletableFuture<T> f) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting", e);
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof CompletionException && c.getCause() != null) {
          c = c.getCause();
        }
        if (c instanceof RuntimeException) {
          throw (RuntimeException) c;
        }
        if (c instanceof Error) {
          throw (Error) c;
        }
        throw new IllegalStateException(c);
      }
    }
  }
}

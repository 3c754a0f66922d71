package dev.deimos.impl.cluster;

import dev.deimos.QueryTopologyClient;
import dev.deimos.impl.runtime.ModuleRuntime;
import dev.deimos.impl.serial.ValueCodec;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A query client: arguments are copied (serialized) as a remote call would copy them. */
final class QueryClient<T> implements QueryTopologyClient<T> {
  private final ModuleRuntime rt;
  private final String query;

  QueryClient(ModuleRuntime rt, String query) {
    this.rt = rt;
    this.query = query;
  }

  @Override
  public T invoke(Object... args) {
    try {
      return invokeAsync(args).join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw new IllegalStateException(c.getMessage(), c);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<T> invokeAsync(Object... args) {
    Object[] copy = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      copy[i] = ValueCodec.PLAIN.decode(ValueCodec.PLAIN.encode(args[i]));
    }
    return rt.invokeQuery(query, copy).thenApply(v -> (T) v);
  }
}

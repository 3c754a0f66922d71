package dev.deimos.impl.dataflow;

import dev.deimos.impl.data.Functions;
import java.util.concurrent.CompletableFuture;

/** eachAsync: starts the user's future and hands the continuation to the context. */
final class AsyncSteps {
  private AsyncSteps() {}

  static void eachAsync(Step s, Object[] slots, ExecutionContext ctx) {
    Object r = Functions.invoke(s.node.fn, Arg.evalAll(s.args, slots));
    if (!(r instanceof CompletableFuture)) {
      throw new IllegalStateException(
          s.node.describe()
              + " must return a CompletableFuture, got "
              + (r == null ? "null" : r.getClass().getName()));
    }
    ctx.awaitAsync((CompletableFuture<?>) r, Resume.of(s), slots.clone());
  }
}

package dev.deimos.impl.reactive;

import java.util.concurrent.CompletableFuture;

/**
 * The server side of one proxy as its client sees it: in process a set of task-thread calls, over
 * the network a set of requests. Every call names the subscription by id.
 */
public interface ProxyTarget {
  /**
   * Starts the subscription; its first message (a {@link ProxyMessage.Kind#RESYNC} with sequence 0)
   * goes to {@code sink}.
   *
   * @param id the subscription id, unique per client
   * @param sink receives the messages
   * @return the initial value; fails if the path cannot be proxied or a limit is reached
   */
  CompletableFuture<Object> subscribe(long id, ProxySink sink);

  /**
   * Asks for the whole value again (a {@link ProxyMessage.Kind#RESYNC} message).
   *
   * @param id the subscription
   */
  void resync(long id);

  /**
   * Tells the server the client still follows the subscription.
   *
   * @param id the subscription
   * @return true if the server still has it; false means the client must subscribe again
   */
  CompletableFuture<Boolean> heartbeat(long id);

  /**
   * Ends the subscription; nothing more is sent for it.
   *
   * @param id the subscription
   */
  void unsubscribe(long id);

  /**
   * The {@code pstate.reactivity.queue.limit} of the proxied module, if the target knows it.
   *
   * @return the limit, or 0 to use the client's
   */
  default int queueLimit() {
    return 0;
  }
}

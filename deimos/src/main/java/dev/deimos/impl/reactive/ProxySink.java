package dev.deimos.impl.reactive;

/** Where a subscription's messages go; called on the task thread, must not block. */
@FunctionalInterface
public interface ProxySink {
  /**
   * Takes one message.
   *
   * @param message the message
   */
  void accept(ProxyMessage message);
}

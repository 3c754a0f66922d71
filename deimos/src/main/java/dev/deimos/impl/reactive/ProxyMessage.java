package dev.deimos.impl.reactive;

import dev.deimos.diffs.Diff;
import java.io.Serializable;

/**
 * One server-to-client message of a subscription.
 *
 * @param subscriptionId the subscription
 * @param seq sequence number: each {@link Kind#DIFF} is the previous message's plus one; a {@link
 *     Kind#RESYNC} restarts the count at its own number
 * @param kind what the message is
 * @param diff for {@link Kind#DIFF}, the change
 * @param value for {@link Kind#RESYNC}, the whole current value
 * @param checksum {@link Checksums#of} the value after this message
 */
public record ProxyMessage(
    long subscriptionId, long seq, Kind kind, Diff diff, Object value, long checksum)
    implements Serializable {

  /** Kinds of message. */
  public enum Kind {
    /** An incremental change. */
    DIFF,
    /** The whole value, read again. */
    RESYNC,
    /** The server ended the subscription (the path now reaches several values, or it failed). */
    TERMINATED
  }
}

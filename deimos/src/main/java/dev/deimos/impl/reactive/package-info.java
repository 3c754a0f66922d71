/**
 * Reactive proxies: server-side subscriptions of {@code PState.proxy} and the client that follows
 * them.
 *
 * <pre>
 *  task thread                                   client pool thread
 *  TaskPState commit                              ClientProxy (one per proxy, serial)
 *    -&gt; PartitionSubscriptions.afterCommit          seq check, DiffApply, checksum check,
 *       (only subscriptions of touched keys)        callback; gap or mismatch -&gt; resync
 *    -&gt; Subscription: re-read view, ValueDiffs  ---ProxyMessage---&gt; (via ProxySink)
 *  ProxyTarget (subscribe / resync / unsubscribe / heartbeat) &lt;--- client
 * </pre>
 *
 * <p>Everything that crosses between server and client is a serializable value ({@link
 * dev.deimos.impl.reactive.ProxyMessage}, {@link dev.deimos.diffs.Diff}), with a subscription id, a
 * sequence number and a checksum of the value after the change, so a network transport can carry it
 * unchanged. May use {@code impl.path} and {@code impl.data}; never the runtime or the cluster.
 */
package dev.deimos.impl.reactive;

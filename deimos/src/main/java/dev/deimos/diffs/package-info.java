/**
 * Diffs: the incremental changes a reactive {@link dev.deimos.ProxyState} receives.
 *
 * <p>Entry point: {@link dev.deimos.diffs.Diff}, with {@link dev.deimos.diffs.Diff#process} for
 * double dispatch over processors. Top-level diffs (sent by the server) expand into finer ones
 * until a processor handles them.
 */
package dev.deimos.diffs;

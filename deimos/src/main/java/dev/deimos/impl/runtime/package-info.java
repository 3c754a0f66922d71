/**
 * The task runtime: {@link dev.deimos.impl.runtime.ModuleRuntime} runs one launched module on N
 * tasks pinned to M task threads (a thread serves several tasks from one mailbox; one event at a
 * time per task). Stream topology records are tracked across partitioner hops by an ack count
 * ({@code RecordRun}); hops are frames queued on the target task's thread. {@link
 * dev.deimos.impl.runtime.ModuleDef} collects a module's declarations. May use every other impl
 * part except {@code impl.cluster}.
 */
package dev.deimos.impl.runtime;

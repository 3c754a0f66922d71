/**
 * The dataflow language: records {@link dev.deimos.Block} chains, compiles them into linked steps
 * with one int slot per var, and runs them locally in the calling thread.
 *
 * <p>Entry points: {@link dev.deimos.impl.dataflow.Chain} (the builder behind {@code Block}) and
 * {@link dev.deimos.impl.dataflow.Compiler#compile} producing a {@link
 * dev.deimos.impl.dataflow.Plan}. May use the public API packages, {@code impl.data} and {@code
 * impl.path}; not serial, pstate or anything runtime-specific. PStates reach it only through {@link
 * dev.deimos.impl.dataflow.PStateAccess}, which PState handles implement.
 *
 * <p>Control flow (anchors, cond/subSource, atomicBlock, loops, named streams) compiles into extra
 * step kinds wired by {@code FlowState} and run by {@code ControlFlow}; loops queue their
 * iterations so the Java stack does not grow with the iteration count. A branch (ifTrue side, cond
 * or subSource case) that rebinds an outer var is wrapped in save/restore steps so the code after
 * the merge sees the original binding, as in Rama.
 *
 * <p>Aggregators and batch blocks compile in {@code AggCompiler} into pre-aggregation, aggregation
 * and post-aggregation phases ({@code BatchPlan}) and run through {@code BatchRunner}. A context
 * that runs batch blocks across tasks takes them over through {@link
 * dev.deimos.impl.dataflow.DistributedBatch} (per-task buffers, partials exported as plain values,
 * post-aggregation where the data lands). Top-level {@code freshBatchSource} nodes are rewritten
 * into a hidden anchor at the start of the pre-aggregation phase plus hooks onto it. {@link
 * dev.deimos.impl.dataflow.QueryPlan} compiles a query topology into a plan whose body is one batch
 * block.
 *
 * <p>Where a plan runs is abstracted by {@link dev.deimos.impl.dataflow.ExecutionContext}: {@code
 * LOCAL} continues partitioners in place; the task runtime turns every partitioner into hops
 * ({@link dev.deimos.impl.dataflow.Resume} plus a copied frame) onto other tasks' threads, binds
 * {@code $$} vars and task globals to the current task, and supplies the depot record of a
 * topology's {@code source}.
 */
package dev.deimos.impl.dataflow;

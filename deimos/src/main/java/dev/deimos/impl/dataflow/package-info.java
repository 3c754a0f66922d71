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
 * iterations so the Java stack does not grow with the iteration count.
 */
package dev.deimos.impl.dataflow;

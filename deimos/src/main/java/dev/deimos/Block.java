package dev.deimos;

import dev.deimos.impl.dataflow.Chain;
import dev.deimos.ops.DeimosFunction0;
import dev.deimos.ops.DeimosFunction1;
import dev.deimos.ops.DeimosFunction2;
import dev.deimos.ops.DeimosFunction3;
import dev.deimos.ops.DeimosFunction4;
import dev.deimos.ops.DeimosFunction5;
import dev.deimos.ops.DeimosFunction6;
import dev.deimos.ops.DeimosFunction7;
import dev.deimos.ops.DeimosFunction8;
import dev.deimos.ops.DeimosOperation0;
import dev.deimos.ops.DeimosOperation1;
import dev.deimos.ops.DeimosOperation2;
import dev.deimos.ops.DeimosOperation3;
import dev.deimos.ops.DeimosOperation4;
import dev.deimos.ops.DeimosOperation5;
import dev.deimos.ops.DeimosOperation6;
import dev.deimos.ops.DeimosOperation7;
import dev.deimos.ops.DeimosOperation8;

/**
 * A piece of dataflow code: an immutable chain of nodes built by calling chain methods.
 *
 * <p>Building only records nodes; nothing runs until the chain is executed or used by a topology.
 * Every chain method returns a new chain and leaves the receiver unchanged, so a block can be
 * shared and reused (for example with {@link Impl#macro(Block)}). Each chain method also exists as
 * a static method here that starts a new chain. Var names are strings starting with {@code *};
 * arguments may be vars, plain values, {@link Constant}s or {@link Expr}s.
 *
 * <p>Errors in the code (an unbound var, a wrong number of output vars) are reported as {@link
 * DeimosCompileException} when the block is compiled, not while it is built.
 */
public interface Block {

  /**
   * Starts an empty chain.
   *
   * @return a chain with no nodes
   */
  static Impl create() {
    return Chain.empty();
  }

  /** A chain that more nodes can be appended to. Instances are immutable and thread-safe. */
  interface Impl extends Block {
    /**
     * Calls a function of no arguments; its result may be bound with {@code out}.
     *
     * @param fn the function
     * @return the chain with the node appended
     */
    <R> OutImpl each(DeimosFunction0<R> fn);

    /**
     * Calls a function of one argument; its result may be bound with {@code out}.
     *
     * @param fn the function
     * @param arg0 argument 0
     * @return the chain with the node appended
     */
    <T0, R> OutImpl each(DeimosFunction1<T0, R> fn, Object arg0);

    /**
     * Calls a function of two arguments; its result may be bound with {@code out}.
     *
     * @param fn the function
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @return the chain with the node appended
     */
    <T0, T1, R> OutImpl each(DeimosFunction2<T0, T1, R> fn, Object arg0, Object arg1);

    /**
     * Calls a function of three arguments; its result may be bound with {@code out}.
     *
     * @param fn the function
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @return the chain with the node appended
     */
    <T0, T1, T2, R> OutImpl each(
        DeimosFunction3<T0, T1, T2, R> fn, Object arg0, Object arg1, Object arg2);

    /**
     * Calls an operation of no arguments; each emit runs the rest of the chain.
     *
     * @param op the operation
     * @return the chain with the node appended
     */
    MultiOutImpl each(DeimosOperation0 op);

    /**
     * Calls an operation of one argument; each emit runs the rest of the chain.
     *
     * @param op the operation
     * @param arg0 argument 0
     * @return the chain with the node appended
     */
    <T0> MultiOutImpl each(DeimosOperation1<T0> op, Object arg0);

    /**
     * Calls an operation of two arguments; each emit runs the rest of the chain.
     *
     * @param op the operation
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @return the chain with the node appended
     */
    <T0, T1> MultiOutImpl each(DeimosOperation2<T0, T1> op, Object arg0, Object arg1);

    /**
     * Calls an operation of three arguments; each emit runs the rest of the chain.
     *
     * @param op the operation
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @return the chain with the node appended
     */
    <T0, T1, T2> MultiOutImpl each(
        DeimosOperation3<T0, T1, T2> op, Object arg0, Object arg1, Object arg2);

    /**
     * Calls a function of 4 arguments; its result may be bound with {@code out}.
     *
     * @param fn the function
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @param arg3 argument 3
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, R> OutImpl each(
        DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg0, Object arg1, Object arg2, Object arg3);

    /**
     * Calls a function of 5 arguments; its result may be bound with {@code out}.
     *
     * @param fn the function
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @param arg3 argument 3
     * @param arg4 argument 4
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, R> OutImpl each(
        DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Calls a function of 6 arguments; its result may be bound with {@code out}.
     *
     * @param fn the function
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @param arg3 argument 3
     * @param arg4 argument 4
     * @param arg5 argument 5
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5, R> OutImpl each(
        DeimosFunction6<T0, T1, T2, T3, T4, T5, R> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5);

    /**
     * Calls a function of 7 arguments; its result may be bound with {@code out}.
     *
     * @param fn the function
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @param arg3 argument 3
     * @param arg4 argument 4
     * @param arg5 argument 5
     * @param arg6 argument 6
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5, T6, R> OutImpl each(
        DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6);

    /**
     * Calls a function of 8 arguments; its result may be bound with {@code out}.
     *
     * @param fn the function
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @param arg3 argument 3
     * @param arg4 argument 4
     * @param arg5 argument 5
     * @param arg6 argument 6
     * @param arg7 argument 7
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5, T6, T7, R> OutImpl each(
        DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6,
        Object arg7);

    /**
     * Calls an operation of 4 arguments; each emit runs the rest of the chain.
     *
     * @param op the operation
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @param arg3 argument 3
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3> MultiOutImpl each(
        DeimosOperation4<T0, T1, T2, T3> op, Object arg0, Object arg1, Object arg2, Object arg3);

    /**
     * Calls an operation of 5 arguments; each emit runs the rest of the chain.
     *
     * @param op the operation
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @param arg3 argument 3
     * @param arg4 argument 4
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4> MultiOutImpl each(
        DeimosOperation5<T0, T1, T2, T3, T4> op,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Calls an operation of 6 arguments; each emit runs the rest of the chain.
     *
     * @param op the operation
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @param arg3 argument 3
     * @param arg4 argument 4
     * @param arg5 argument 5
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5> MultiOutImpl each(
        DeimosOperation6<T0, T1, T2, T3, T4, T5> op,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5);

    /**
     * Calls an operation of 7 arguments; each emit runs the rest of the chain.
     *
     * @param op the operation
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @param arg3 argument 3
     * @param arg4 argument 4
     * @param arg5 argument 5
     * @param arg6 argument 6
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5, T6> MultiOutImpl each(
        DeimosOperation7<T0, T1, T2, T3, T4, T5, T6> op,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6);

    /**
     * Calls an operation of 8 arguments; each emit runs the rest of the chain.
     *
     * @param op the operation
     * @param arg0 argument 0
     * @param arg1 argument 1
     * @param arg2 argument 2
     * @param arg3 argument 3
     * @param arg4 argument 4
     * @param arg5 argument 5
     * @param arg6 argument 6
     * @param arg7 argument 7
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5, T6, T7> MultiOutImpl each(
        DeimosOperation8<T0, T1, T2, T3, T4, T5, T6, T7> op,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6,
        Object arg7);

    /**
     * Continues only when {@code cond} is truthy (neither {@code null} nor {@code false}).
     *
     * @param cond a var, value or {@link Expr}
     * @return the chain with the node appended
     */
    Impl keepTrue(Object cond);

    /**
     * Runs {@code then} when {@code cond} is truthy, then continues after this node.
     *
     * @param cond a var, value or {@link Expr}
     * @param then the block run when the condition holds
     * @return the chain with the node appended
     */
    Impl ifTrue(Object cond, Block then);

    /**
     * Runs {@code then} or {@code otherwise} depending on {@code cond}, then continues after this
     * node. Vars bound in both branches stay bound afterwards.
     *
     * @param cond a var, value or {@link Expr}
     * @param then the block run when the condition holds
     * @param otherwise the block run when it does not
     * @return the chain with the node appended
     */
    Impl ifTrue(Object cond, Block then, Block otherwise);

    /**
     * Inlines the nodes of another block here.
     *
     * @param block the block to splice in
     * @return the chain with the block's nodes appended
     */
    Impl macro(Block block);

    /**
     * Reads a PState bound to {@code pstateVar} (a {@code $$} var) with {@code path}, emitting once
     * per navigated value; bind the value with {@code out}. Vars ({@code *x}) inside the path are
     * read from the current frame.
     *
     * @param pstateVar a {@code $$} var bound to a PState, e.g. a {@code TestPState}
     * @param path the query path
     * @return the chain with the node appended
     */
    OutImpl localSelect(String pstateVar, Path path);

    /**
     * Transforms a PState bound to {@code pstateVar} (a {@code $$} var) with {@code path}. Vars
     * ({@code *x}) inside the path are read from the current frame.
     *
     * @param pstateVar a {@code $$} var bound to a PState, e.g. a {@code TestPState}
     * @param path the transform path
     * @return the chain with the node appended
     */
    Impl localTransform(String pstateVar, Path path);

    // ---- aggregation, batch and groupBy (section A) ----

    // ---- control flow: anchors, branches, loops, cond (section B) ----

    /**
     * Names the current point of the chain so that later code can continue from it with {@link
     * #hook(String)}, attach a sub-block with {@link #branch(String, Block)} or merge it with
     * {@link #unify(String...)}. Anchor names must be unique within the compiled block.
     *
     * @param anchor the anchor name
     * @return the chain with the anchor recorded
     */
    Impl anchor(String anchor);

    /**
     * Continues the chain from an earlier anchor instead of from the previous node; the code
     * recorded before the hook keeps running where it was attached. Only vars bound at the anchor
     * are visible after the hook.
     *
     * @param anchor the name of an anchor recorded earlier in this block
     * @return the chain, now continuing from the anchor
     */
    Impl hook(String anchor);

    /**
     * Merges several anchored branches: what follows runs once for every arrival from any of the
     * anchors. Only vars bound at every named anchor stay visible afterwards.
     *
     * @param anchors two or more anchor names recorded earlier in this block
     * @return the chain, now continuing from the merge point
     */
    Impl unify(String... anchors);

    /**
     * Attaches {@code block} at an earlier anchor as an extra branch; the chain itself continues
     * where it was. Both the branch and the code following the anchor run for every arrival at the
     * anchor, in an unspecified order.
     *
     * @param anchor the name of an anchor recorded earlier in this block
     * @param block the code to run from the anchor
     * @return the chain with the branch attached
     */
    Impl branch(String anchor, Block block);

    /**
     * Multi-way conditional: runs the first case whose condition is truthy (neither null nor
     * false), then continues after this node once per time that case reaches its end. If no case
     * matches, nothing after this node runs. Vars bound in every case stay visible afterwards.
     *
     * @param cases the cases, tested in order
     * @return the chain with the node appended
     */
    Impl cond(Case... cases);

    /**
     * Runs {@code block} until all of its work has finished, however many times it reaches its end
     * (zero or more), and then continues after this node exactly once. Vars bound inside the block
     * are not visible afterwards.
     *
     * @param block the block to run
     * @return the chain with the node appended
     */
    Impl atomicBlock(Block block);

    /**
     * A loop without loop vars; see {@link #loopWithVars(LoopVars, Block)}.
     *
     * @param body the loop body
     * @return the chain with the loop appended; bind what {@link #emitLoop} passes with {@code out}
     */
    OutImpl loop(Block body);

    /**
     * A loop. The loop vars are bound to their initial values and {@code body} runs; every {@link
     * #continueLoop} in the body schedules another run of the body with new loop var values, which
     * starts once the current run has finished. The loop ends when a run of the body calls {@code
     * continueLoop} no more. {@link #emitLoop} passes values to the code after the loop (bound with
     * {@code out}), which runs right away; then the body continues. Iterations do not grow the Java
     * stack.
     *
     * @param vars the loop vars and their initial values
     * @param body the loop body
     * @return the chain with the loop appended; bind what {@code emitLoop} passes with {@code out}
     */
    OutImpl loopWithVars(LoopVars vars, Block body);

    /**
     * Inside a loop body: schedules the next iteration of the innermost enclosing loop with new
     * values for its loop vars (one per loop var, in declaration order). Code after this node in
     * the body keeps running in the current iteration.
     *
     * @param args the new loop var values: vars, values or {@link Expr}s
     * @return the chain with the node appended
     */
    Impl continueLoop(Object... args);

    /**
     * Inside a loop body: runs the code after the innermost enclosing loop with {@code args} bound
     * to the loop's output vars, then continues with the body.
     *
     * @param args the emitted values: vars, values or {@link Expr}s
     * @return the chain with the node appended
     */
    Impl emitLoop(Object... args);

    /**
     * Lets a long-running event yield its task thread if it has run past its time budget. Local
     * execution never yields, so there this is a no-op.
     *
     * @return the chain with the node appended
     */
    Impl yieldIfOvertime();

    /**
     * Dispatches on the type of {@code arg}: runs the first case whose class the value is an
     * instance of, then continues after this node. If no case matches, nothing after this node
     * runs. Vars bound in every case stay visible afterwards.
     *
     * @param arg a var, value or {@link Expr} whose value is dispatched on
     * @param cases the cases, tested in order
     * @return the chain with the node appended
     */
    Impl subSource(Object arg, SubSource... cases);

    /**
     * Removes everything from the PState partition bound to {@code pstateVar} (a {@code $$} var);
     * for a map PState, every top-level entry.
     *
     * @param pstateVar a {@code $$} var bound to a PState
     * @return the chain with the node appended
     */
    Impl localClear(String pstateVar);

    // ---- partitioners, topology-only nodes and runtime hooks (section C) ----

    /**
     * Compiles this chain and runs it once in the calling thread, starting with no vars bound.
     *
     * @throws DeimosCompileException if the chain is invalid
     */
    void execute();
  }

  /** A chain whose last node must bind its output with {@link #out(String...)}. */
  interface Out {
    /**
     * Binds the output of the last node to vars.
     *
     * @param vars var names, each starting with {@code *}
     * @return the chain with the output bound
     */
    Impl out(String... vars);
  }

  /** A chain whose last node may bind its output with {@code out} or be continued directly. */
  interface OutImpl extends Impl, Out {}

  /** A chain whose last node is an operation; later versions add named output streams. */
  interface MultiOutImpl extends OutImpl {
    /**
     * Binds a named output stream of the last node (an operation): each time the operation emits to
     * {@code stream} with {@code OutputCollector.emitStream}, the values are bound to {@code vars}
     * and the code hooked at {@code anchor} runs. Only vars bound before the operation and {@code
     * vars} are visible there. Several streams may be bound; call {@code out} afterwards to bind
     * the default stream.
     *
     * @param stream the stream name the operation emits to
     * @param anchor the anchor name to continue from with {@code hook} (or {@code unify})
     * @param vars the vars bound to the stream's values
     * @return the chain, still ending with the operation
     */
    MultiOutImpl outStream(String stream, String anchor, String... vars);
  }

  /**
   * Starts a chain with {@link Impl#each(DeimosFunction0)}.
   *
   * @param fn the function
   * @return the new chain
   */
  static <R> OutImpl each(DeimosFunction0<R> fn) {
    return create().each(fn);
  }

  /**
   * Starts a chain with {@link Impl#each(DeimosFunction1, Object)}.
   *
   * @param fn the function
   * @param arg0 argument 0
   * @return the new chain
   */
  static <T0, R> OutImpl each(DeimosFunction1<T0, R> fn, Object arg0) {
    return create().each(fn, arg0);
  }

  /**
   * Starts a chain with {@link Impl#each(DeimosFunction2, Object, Object)}.
   *
   * @param fn the function
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @return the new chain
   */
  static <T0, T1, R> OutImpl each(DeimosFunction2<T0, T1, R> fn, Object arg0, Object arg1) {
    return create().each(fn, arg0, arg1);
  }

  /**
   * Starts a chain with {@link Impl#each(DeimosFunction3, Object, Object, Object)}.
   *
   * @param fn the function
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @return the new chain
   */
  static <T0, T1, T2, R> OutImpl each(
      DeimosFunction3<T0, T1, T2, R> fn, Object arg0, Object arg1, Object arg2) {
    return create().each(fn, arg0, arg1, arg2);
  }

  /**
   * Starts a chain with {@link Impl#each(DeimosOperation0)}.
   *
   * @param op the operation
   * @return the new chain
   */
  static MultiOutImpl each(DeimosOperation0 op) {
    return create().each(op);
  }

  /**
   * Starts a chain with {@link Impl#each(DeimosOperation1, Object)}.
   *
   * @param op the operation
   * @param arg0 argument 0
   * @return the new chain
   */
  static <T0> MultiOutImpl each(DeimosOperation1<T0> op, Object arg0) {
    return create().each(op, arg0);
  }

  /**
   * Starts a chain with {@link Impl#each(DeimosOperation2, Object, Object)}.
   *
   * @param op the operation
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @return the new chain
   */
  static <T0, T1> MultiOutImpl each(DeimosOperation2<T0, T1> op, Object arg0, Object arg1) {
    return create().each(op, arg0, arg1);
  }

  /**
   * Starts a chain with {@link Impl#each(DeimosOperation3, Object, Object, Object)}.
   *
   * @param op the operation
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @return the new chain
   */
  static <T0, T1, T2> MultiOutImpl each(
      DeimosOperation3<T0, T1, T2> op, Object arg0, Object arg1, Object arg2) {
    return create().each(op, arg0, arg1, arg2);
  }

  /**
   * Calls a function of 4 arguments; its result may be bound with {@code out}.
   *
   * @param fn the function
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @return the new chain
   */
  static <T0, T1, T2, T3, R> OutImpl each(
      DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg0, Object arg1, Object arg2, Object arg3) {
    return create().each(fn, arg0, arg1, arg2, arg3);
  }

  /**
   * Calls a function of 5 arguments; its result may be bound with {@code out}.
   *
   * @param fn the function
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @param arg4 argument 4
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, R> OutImpl each(
      DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return create().each(fn, arg0, arg1, arg2, arg3, arg4);
  }

  /**
   * Calls a function of 6 arguments; its result may be bound with {@code out}.
   *
   * @param fn the function
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @param arg4 argument 4
   * @param arg5 argument 5
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5, R> OutImpl each(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return create().each(fn, arg0, arg1, arg2, arg3, arg4, arg5);
  }

  /**
   * Calls a function of 7 arguments; its result may be bound with {@code out}.
   *
   * @param fn the function
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @param arg4 argument 4
   * @param arg5 argument 5
   * @param arg6 argument 6
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5, T6, R> OutImpl each(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return create().each(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  /**
   * Calls a function of 8 arguments; its result may be bound with {@code out}.
   *
   * @param fn the function
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @param arg4 argument 4
   * @param arg5 argument 5
   * @param arg6 argument 6
   * @param arg7 argument 7
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5, T6, T7, R> OutImpl each(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return create().each(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7);
  }

  /**
   * Calls an operation of 4 arguments; each emit runs the rest of the chain.
   *
   * @param op the operation
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @return the new chain
   */
  static <T0, T1, T2, T3> MultiOutImpl each(
      DeimosOperation4<T0, T1, T2, T3> op, Object arg0, Object arg1, Object arg2, Object arg3) {
    return create().each(op, arg0, arg1, arg2, arg3);
  }

  /**
   * Calls an operation of 5 arguments; each emit runs the rest of the chain.
   *
   * @param op the operation
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @param arg4 argument 4
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4> MultiOutImpl each(
      DeimosOperation5<T0, T1, T2, T3, T4> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return create().each(op, arg0, arg1, arg2, arg3, arg4);
  }

  /**
   * Calls an operation of 6 arguments; each emit runs the rest of the chain.
   *
   * @param op the operation
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @param arg4 argument 4
   * @param arg5 argument 5
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5> MultiOutImpl each(
      DeimosOperation6<T0, T1, T2, T3, T4, T5> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return create().each(op, arg0, arg1, arg2, arg3, arg4, arg5);
  }

  /**
   * Calls an operation of 7 arguments; each emit runs the rest of the chain.
   *
   * @param op the operation
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @param arg4 argument 4
   * @param arg5 argument 5
   * @param arg6 argument 6
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5, T6> MultiOutImpl each(
      DeimosOperation7<T0, T1, T2, T3, T4, T5, T6> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return create().each(op, arg0, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  /**
   * Calls an operation of 8 arguments; each emit runs the rest of the chain.
   *
   * @param op the operation
   * @param arg0 argument 0
   * @param arg1 argument 1
   * @param arg2 argument 2
   * @param arg3 argument 3
   * @param arg4 argument 4
   * @param arg5 argument 5
   * @param arg6 argument 6
   * @param arg7 argument 7
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5, T6, T7> MultiOutImpl each(
      DeimosOperation8<T0, T1, T2, T3, T4, T5, T6, T7> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return create().each(op, arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7);
  }

  /**
   * Starts a chain with {@link Impl#keepTrue(Object)}.
   *
   * @param cond a var, value or {@link Expr}
   * @return the new chain
   */
  static Impl keepTrue(Object cond) {
    return create().keepTrue(cond);
  }

  /**
   * Starts a chain with {@link Impl#ifTrue(Object, Block)}.
   *
   * @param cond a var, value or {@link Expr}
   * @param then the block run when the condition holds
   * @return the new chain
   */
  static Impl ifTrue(Object cond, Block then) {
    return create().ifTrue(cond, then);
  }

  /**
   * Starts a chain with {@link Impl#ifTrue(Object, Block, Block)}.
   *
   * @param cond a var, value or {@link Expr}
   * @param then the block run when the condition holds
   * @param otherwise the block run when it does not
   * @return the new chain
   */
  static Impl ifTrue(Object cond, Block then, Block otherwise) {
    return create().ifTrue(cond, then, otherwise);
  }

  /**
   * Starts a chain with {@link Impl#macro(Block)}.
   *
   * @param block the block to splice in
   * @return the new chain
   */
  static Impl macro(Block block) {
    return create().macro(block);
  }

  /**
   * Starts a chain with {@link Impl#localSelect(String, Path)}.
   *
   * @param pstateVar a {@code $$} var bound to a PState
   * @param path the query path
   * @return the new chain
   */
  static OutImpl localSelect(String pstateVar, Path path) {
    return create().localSelect(pstateVar, path);
  }

  /**
   * Starts a chain with {@link Impl#localTransform(String, Path)}.
   *
   * @param pstateVar a {@code $$} var bound to a PState
   * @param path the transform path
   * @return the new chain
   */
  static Impl localTransform(String pstateVar, Path path) {
    return create().localTransform(pstateVar, path);
  }

  // ---- static twins: aggregation, batch and groupBy (section A) ----

  // ---- static twins: control flow (section B) ----

  /**
   * Starts a chain with {@link Impl#anchor(String)}.
   *
   * @param anchor the anchor name
   * @return the new chain
   */
  static Impl anchor(String anchor) {
    return create().anchor(anchor);
  }

  /**
   * Starts a chain with {@link Impl#hook(String)}.
   *
   * @param anchor the anchor name
   * @return the new chain
   */
  static Impl hook(String anchor) {
    return create().hook(anchor);
  }

  /**
   * Starts a chain with {@link Impl#unify(String...)}.
   *
   * @param anchors the anchor names
   * @return the new chain
   */
  static Impl unify(String... anchors) {
    return create().unify(anchors);
  }

  /**
   * Starts a chain with {@link Impl#branch(String, Block)}.
   *
   * @param anchor the anchor name
   * @param block the code to run from the anchor
   * @return the new chain
   */
  static Impl branch(String anchor, Block block) {
    return create().branch(anchor, block);
  }

  /**
   * Starts a chain with {@link Impl#cond(Case...)}.
   *
   * @param cases the cases, tested in order
   * @return the new chain
   */
  static Impl cond(Case... cases) {
    return create().cond(cases);
  }

  /**
   * Starts a chain with {@link Impl#atomicBlock(Block)}.
   *
   * @param block the block to run
   * @return the new chain
   */
  static Impl atomicBlock(Block block) {
    return create().atomicBlock(block);
  }

  /**
   * Starts a chain with {@link Impl#loop(Block)}.
   *
   * @param body the loop body
   * @return the new chain
   */
  static OutImpl loop(Block body) {
    return create().loop(body);
  }

  /**
   * Starts a chain with {@link Impl#loopWithVars(LoopVars, Block)}.
   *
   * @param vars the loop vars and their initial values
   * @param body the loop body
   * @return the new chain
   */
  static OutImpl loopWithVars(LoopVars vars, Block body) {
    return create().loopWithVars(vars, body);
  }

  /**
   * Starts a chain with {@link Impl#continueLoop(Object...)}.
   *
   * @param args the new loop var values
   * @return the new chain
   */
  static Impl continueLoop(Object... args) {
    return create().continueLoop(args);
  }

  /**
   * Starts a chain with {@link Impl#emitLoop(Object...)}.
   *
   * @param args the emitted values
   * @return the new chain
   */
  static Impl emitLoop(Object... args) {
    return create().emitLoop(args);
  }

  /**
   * Starts a chain with {@link Impl#yieldIfOvertime()}.
   *
   * @return the new chain
   */
  static Impl yieldIfOvertime() {
    return create().yieldIfOvertime();
  }

  /**
   * Starts a chain with {@link Impl#subSource(Object, SubSource...)}.
   *
   * @param arg the value dispatched on
   * @param cases the cases, tested in order
   * @return the new chain
   */
  static Impl subSource(Object arg, SubSource... cases) {
    return create().subSource(arg, cases);
  }

  /**
   * Starts a chain with {@link Impl#localClear(String)}.
   *
   * @param pstateVar a {@code $$} var bound to a PState
   * @return the new chain
   */
  static Impl localClear(String pstateVar) {
    return create().localClear(pstateVar);
  }

  // ---- static twins: partitioners and topology-only nodes (section C) ----
}

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
import java.util.concurrent.CompletableFuture;

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

    /**
     * Aggregates inputs in a batch block; bind the result with {@code out}. The result is available
     * in the post-aggregation phase, which runs once all inputs were aggregated, also when there
     * was no input (the aggregator's zero value then).
     *
     * @param agg the aggregator
     * @return the chain with the node appended
     */
    OutImpl agg(Agg agg);

    /**
     * Aggregates into the top-level value of the PState bound to {@code pstateVar}. Outside a batch
     * block every input updates the PState at once; in a batch block the PState is updated once
     * with the combined value of all inputs.
     *
     * @param pstateVar a {@code $$} var bound to a PState
     * @param agg the aggregator
     * @return the chain with the node appended
     */
    Impl agg(String pstateVar, Agg agg);

    /**
     * Aggregates inputs into a nested value shaped like {@code compoundAgg} in a batch block; bind
     * the result (plain maps and lists) with {@code out}.
     *
     * @param compoundAgg the template
     * @return the chain with the node appended
     */
    OutImpl compoundAgg(CompoundAgg compoundAgg);

    /**
     * Aggregates into the PState bound to {@code pstateVar} following the template, creating
     * missing maps on the way. Outside a batch block each input updates the PState at once; in a
     * batch block all inputs are combined first and applied once.
     *
     * @param pstateVar a {@code $$} var bound to a PState
     * @param compoundAgg the template
     * @return the chain with the node appended
     */
    Impl compoundAgg(String pstateVar, CompoundAgg compoundAgg);

    /**
     * Runs {@code block} as a batch: its pre-aggregation part runs for every input first, its
     * aggregators then see all emits, and its post-aggregation part runs afterwards (once, or once
     * per group). The chain after this node runs once when the whole batch is done; vars bound
     * inside are not visible after it, except materialized tables.
     *
     * @param block the batch body
     * @return the chain with the node appended
     */
    Impl batchBlock(Block block);

    /**
     * Aggregates per distinct combination of 1 grouping var in a batch block; the post-aggregation
     * phase then runs once per group with the grouping vars and the aggregators' outputs bound.
     * Must be the only aggregation node of its batch block.
     *
     * @param keyVar0 grouping var 0
     * @param aggBlock agg, compoundAgg or limitAgg nodes
     * @return the chain with the node appended
     */
    Impl groupBy(String keyVar0, Block aggBlock);

    /**
     * Aggregates per distinct combination of 2 grouping vars in a batch block; the post-aggregation
     * phase then runs once per group with the grouping vars and the aggregators' outputs bound.
     * Must be the only aggregation node of its batch block.
     *
     * @param keyVar0 grouping var 0
     * @param keyVar1 grouping var 1
     * @param aggBlock agg, compoundAgg or limitAgg nodes
     * @return the chain with the node appended
     */
    Impl groupBy(String keyVar0, String keyVar1, Block aggBlock);

    /**
     * Aggregates per distinct combination of 3 grouping vars in a batch block; the post-aggregation
     * phase then runs once per group with the grouping vars and the aggregators' outputs bound.
     * Must be the only aggregation node of its batch block.
     *
     * @param keyVar0 grouping var 0
     * @param keyVar1 grouping var 1
     * @param keyVar2 grouping var 2
     * @param aggBlock agg, compoundAgg or limitAgg nodes
     * @return the chain with the node appended
     */
    Impl groupBy(String keyVar0, String keyVar1, String keyVar2, Block aggBlock);

    /**
     * Aggregates per distinct combination of 4 grouping vars in a batch block; the post-aggregation
     * phase then runs once per group with the grouping vars and the aggregators' outputs bound.
     * Must be the only aggregation node of its batch block.
     *
     * @param keyVar0 grouping var 0
     * @param keyVar1 grouping var 1
     * @param keyVar2 grouping var 2
     * @param keyVar3 grouping var 3
     * @param aggBlock agg, compoundAgg or limitAgg nodes
     * @return the chain with the node appended
     */
    Impl groupBy(String keyVar0, String keyVar1, String keyVar2, String keyVar3, Block aggBlock);

    /**
     * Aggregates per distinct combination of 5 grouping vars in a batch block; the post-aggregation
     * phase then runs once per group with the grouping vars and the aggregators' outputs bound.
     * Must be the only aggregation node of its batch block.
     *
     * @param keyVar0 grouping var 0
     * @param keyVar1 grouping var 1
     * @param keyVar2 grouping var 2
     * @param keyVar3 grouping var 3
     * @param keyVar4 grouping var 4
     * @param aggBlock agg, compoundAgg or limitAgg nodes
     * @return the chain with the node appended
     */
    Impl groupBy(
        String keyVar0,
        String keyVar1,
        String keyVar2,
        String keyVar3,
        String keyVar4,
        Block aggBlock);

    /**
     * Aggregates per distinct combination of 6 grouping vars in a batch block; the post-aggregation
     * phase then runs once per group with the grouping vars and the aggregators' outputs bound.
     * Must be the only aggregation node of its batch block.
     *
     * @param keyVar0 grouping var 0
     * @param keyVar1 grouping var 1
     * @param keyVar2 grouping var 2
     * @param keyVar3 grouping var 3
     * @param keyVar4 grouping var 4
     * @param keyVar5 grouping var 5
     * @param aggBlock agg, compoundAgg or limitAgg nodes
     * @return the chain with the node appended
     */
    Impl groupBy(
        String keyVar0,
        String keyVar1,
        String keyVar2,
        String keyVar3,
        String keyVar4,
        String keyVar5,
        Block aggBlock);

    /**
     * Keeps at most a fixed number of tuples in a batch block and re-emits them, one by one, into
     * the post-aggregation phase; see {@link dev.deimos.ops.LimitAgg}.
     *
     * @param limitAgg the limit specification
     * @return the chain with the node appended
     */
    Impl limitAgg(dev.deimos.ops.LimitAgg limitAgg);

    /**
     * Stores the current values of {@code vars} as a tuple in a temporary table, bound with {@code
     * out} to a {@code $$} var; a later batch block reads it with {@link
     * #explodeMaterialized(String)}. Only inside a batch block; the chain continues after storing.
     *
     * @param vars the vars of the tuple
     * @return the chain; bind the table var with {@code out}
     */
    Out materialize(String... vars);

    /**
     * Emits every tuple of a materialized table; bind the tuple's values with {@code out}.
     *
     * @param ptableVar the {@code $$} var of the table
     * @return the chain; bind the vars with {@code out}
     */
    Out explodeMaterialized(String ptableVar);

    /**
     * Emits every record of the microbatch bound to {@code microbatchVar} (the var a microbatch
     * topology's source binds), each on the task owning its depot partition and in append order per
     * partition; bind the record with {@code out}. The rest of the chain runs once per record, in
     * parallel on the tasks that have records. May be used several times on the same microbatch.
     *
     * @param microbatchVar the microbatch var
     * @return the chain; bind the record var with {@code out}
     */
    Out explodeMicrobatch(String microbatchVar);

    /**
     * Runs a nested batch computation and emits its results into this block; bind them with {@code
     * out}, one var per out var of the {@link SubBatch}.
     *
     * @param subBatch the nested computation
     * @return the chain; bind the vars with {@code out}
     */
    Out subBatch(SubBatch subBatch);

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
     * Invokes a query topology of this module (by name) or of another module (by the var of a
     * {@code clusterQuery} mirror) and binds its result with {@code out}. The call does not block
     * the task: the rest of the chain continues on this task once the query completes, and a failed
     * query fails this event.
     *
     * @param queryName the query topology name, or a mirror var starting with {@code *}
     * @param args the query's arguments (vars, values or {@code Expr}s)
     * @return the chain with the node appended
     */
    OutImpl invokeQuery(String queryName, Object... args);

    /**
     * Continues on every partition of the depot or PState {@code pobjectVar} (only task 0 for a
     * global one).
     *
     * @param pobjectVar a depot ({@code *}) or PState ({@code $$}) var
     * @return the chain with the node appended
     */
    Impl allPartition(String pobjectVar);

    /**
     * Like {@code customPartition(fn)} among the partitions of {@code pobjectVar}.
     *
     * @param pobjectVar a depot or PState var
     * @param fn picks the target task
     * @return the chain with the node appended
     */
    Impl customPartition(String pobjectVar, DeimosFunction1<Integer, Integer> fn);

    /**
     * Like {@code customPartition(fn, arg0)} among the partitions of {@code pobjectVar}.
     *
     * @param pobjectVar a depot or PState var
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0> Impl customPartition(
        String pobjectVar, DeimosFunction2<Integer, T0, Integer> fn, Object arg0);

    /**
     * Like {@code customPartition(fn, arg0, arg1)} among the partitions of {@code pobjectVar}.
     *
     * @param pobjectVar a depot or PState var
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1> Impl customPartition(
        String pobjectVar, DeimosFunction3<Integer, T0, T1, Integer> fn, Object arg0, Object arg1);

    /**
     * Calls {@code fn}, which starts asynchronous work, and continues with its result once the
     * returned future completes, without blocking the task thread. Bind the result with {@code
     * out}. A failed future fails the event like a thrown exception.
     *
     * @param fn returns a future of the result
     * @return the chain with the node appended
     */
    <R> OutImpl eachAsync(DeimosFunction0<CompletableFuture<R>> fn);

    /**
     * Calls {@code fn}, which starts asynchronous work, and continues with its result once the
     * returned future completes, without blocking the task thread. Bind the result with {@code
     * out}. A failed future fails the event like a thrown exception.
     *
     * @param fn returns a future of the result
     * @param arg0 argument 0 (var, value or Expr)
     * @return the chain with the node appended
     */
    <T0, R> OutImpl eachAsync(DeimosFunction1<T0, CompletableFuture<R>> fn, Object arg0);

    /**
     * Calls {@code fn}, which starts asynchronous work, and continues with its result once the
     * returned future completes, without blocking the task thread. Bind the result with {@code
     * out}. A failed future fails the event like a thrown exception.
     *
     * @param fn returns a future of the result
     * @param arg0 argument 0 (var, value or Expr)
     * @param arg1 argument 1 (var, value or Expr)
     * @return the chain with the node appended
     */
    <T0, T1, R> OutImpl eachAsync(
        DeimosFunction2<T0, T1, CompletableFuture<R>> fn, Object arg0, Object arg1);

    /**
     * Calls {@code fn}, which starts asynchronous work, and continues with its result once the
     * returned future completes, without blocking the task thread. Bind the result with {@code
     * out}. A failed future fails the event like a thrown exception.
     *
     * @param fn returns a future of the result
     * @param arg0 argument 0 (var, value or Expr)
     * @param arg1 argument 1 (var, value or Expr)
     * @param arg2 argument 2 (var, value or Expr)
     * @return the chain with the node appended
     */
    <T0, T1, T2, R> OutImpl eachAsync(
        DeimosFunction3<T0, T1, T2, CompletableFuture<R>> fn,
        Object arg0,
        Object arg1,
        Object arg2);

    /**
     * Calls {@code fn}, which starts asynchronous work, and continues with its result once the
     * returned future completes, without blocking the task thread. Bind the result with {@code
     * out}. A failed future fails the event like a thrown exception.
     *
     * @param fn returns a future of the result
     * @param arg0 argument 0 (var, value or Expr)
     * @param arg1 argument 1 (var, value or Expr)
     * @param arg2 argument 2 (var, value or Expr)
     * @param arg3 argument 3 (var, value or Expr)
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, R> OutImpl eachAsync(
        DeimosFunction4<T0, T1, T2, T3, CompletableFuture<R>> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3);

    /**
     * Calls {@code fn}, which starts asynchronous work, and continues with its result once the
     * returned future completes, without blocking the task thread. Bind the result with {@code
     * out}. A failed future fails the event like a thrown exception.
     *
     * @param fn returns a future of the result
     * @param arg0 argument 0 (var, value or Expr)
     * @param arg1 argument 1 (var, value or Expr)
     * @param arg2 argument 2 (var, value or Expr)
     * @param arg3 argument 3 (var, value or Expr)
     * @param arg4 argument 4 (var, value or Expr)
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, R> OutImpl eachAsync(
        DeimosFunction5<T0, T1, T2, T3, T4, CompletableFuture<R>> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Calls {@code fn}, which starts asynchronous work, and continues with its result once the
     * returned future completes, without blocking the task thread. Bind the result with {@code
     * out}. A failed future fails the event like a thrown exception.
     *
     * @param fn returns a future of the result
     * @param arg0 argument 0 (var, value or Expr)
     * @param arg1 argument 1 (var, value or Expr)
     * @param arg2 argument 2 (var, value or Expr)
     * @param arg3 argument 3 (var, value or Expr)
     * @param arg4 argument 4 (var, value or Expr)
     * @param arg5 argument 5 (var, value or Expr)
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5, R> OutImpl eachAsync(
        DeimosFunction6<T0, T1, T2, T3, T4, T5, CompletableFuture<R>> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5);

    /**
     * Calls {@code fn}, which starts asynchronous work, and continues with its result once the
     * returned future completes, without blocking the task thread. Bind the result with {@code
     * out}. A failed future fails the event like a thrown exception.
     *
     * @param fn returns a future of the result
     * @param arg0 argument 0 (var, value or Expr)
     * @param arg1 argument 1 (var, value or Expr)
     * @param arg2 argument 2 (var, value or Expr)
     * @param arg3 argument 3 (var, value or Expr)
     * @param arg4 argument 4 (var, value or Expr)
     * @param arg5 argument 5 (var, value or Expr)
     * @param arg6 argument 6 (var, value or Expr)
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5, T6, R> OutImpl eachAsync(
        DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, CompletableFuture<R>> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6);

    /**
     * Calls {@code fn}, which starts asynchronous work, and continues with its result once the
     * returned future completes, without blocking the task thread. Bind the result with {@code
     * out}. A failed future fails the event like a thrown exception.
     *
     * @param fn returns a future of the result
     * @param arg0 argument 0 (var, value or Expr)
     * @param arg1 argument 1 (var, value or Expr)
     * @param arg2 argument 2 (var, value or Expr)
     * @param arg3 argument 3 (var, value or Expr)
     * @param arg4 argument 4 (var, value or Expr)
     * @param arg5 argument 5 (var, value or Expr)
     * @param arg6 argument 6 (var, value or Expr)
     * @param arg7 argument 7 (var, value or Expr)
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5, T6, T7, R> OutImpl eachAsync(
        DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, CompletableFuture<R>> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6,
        Object arg7);

    /**
     * Reads {@code path} from the PState {@code pstateVar} on the task owning the path's leading
     * key (task 0 for a global PState; every task when the path has no leading key), continuing
     * there with each value bound by {@code out}.
     *
     * @param pstateVar the PState var
     * @param path the query path, starting with {@code key(...)}
     * @return the chain with the nodes appended
     */
    OutImpl select(String pstateVar, Path path);

    /**
     * Appends {@code data} to the partition of depot {@code depotVar} that belongs to the current
     * task, with {@code AckLevel.ACK}: the record counts as part of the current event's work.
     *
     * @param depotVar the depot var
     * @param data the record (var, value or Expr)
     * @return the chain with the node appended
     */
    Impl depotPartitionAppend(String depotVar, Object data);

    /**
     * Like {@link #depotPartitionAppend(String, Object)} with an explicit ack level.
     *
     * @param depotVar the depot var
     * @param data the record
     * @param ackLevel how long the current event's work waits for the append
     * @return the chain with the node appended
     */
    Impl depotPartitionAppend(String depotVar, Object data, AckLevel ackLevel);

    /**
     * Continues on the task owning {@code key} (same hash as depot {@code hashBy}). Locally ({@code
     * execute()}) a partitioner continues in place.
     *
     * @param key see the method description
     * @return the chain with the node appended
     */
    Impl hashPartition(Object key);

    /**
     * Continues on the task owning {@code key} of the PState {@code pstateVar}, honouring its key
     * partitioner. Locally ({@code execute()}) a partitioner continues in place.
     *
     * @param pstateVar see the method description
     * @param key see the method description
     * @return the chain with the node appended
     */
    Impl hashPartition(String pstateVar, Object key);

    /**
     * Continues on every task with a copy of the frame. Locally ({@code execute()}) a partitioner
     * continues in place.
     *
     * @return the chain with the node appended
     */
    Impl allPartition();

    /**
     * Continues on a random task. Locally ({@code execute()}) a partitioner continues in place.
     *
     * @return the chain with the node appended
     */
    Impl shufflePartition();

    /**
     * Continues on task {@code taskId}. Locally ({@code execute()}) a partitioner continues in
     * place.
     *
     * @param taskId see the method description
     * @return the chain with the node appended
     */
    Impl directPartition(Object taskId);

    /**
     * Continues on task {@code taskId} of the PState {@code pstateVar}. Locally ({@code execute()})
     * a partitioner continues in place.
     *
     * @param pstateVar see the method description
     * @param taskId see the method description
     * @return the chain with the node appended
     */
    Impl directPartition(String pstateVar, Object taskId);

    /**
     * Continues on task 0. Locally ({@code execute()}) a partitioner continues in place.
     *
     * @return the chain with the node appended
     */
    Impl globalPartition();

    /**
     * Continues on the task holding the global PState {@code pstateVar} (task 0). Locally ({@code
     * execute()}) a partitioner continues in place.
     *
     * @param pstateVar see the method description
     * @return the chain with the node appended
     */
    Impl globalPartition(String pstateVar);

    /**
     * Continues on the task where the current record or invocation started. Locally ({@code
     * execute()}) a partitioner continues in place.
     *
     * @return the chain with the node appended
     */
    Impl originPartition();

    /**
     * Continues on the task {@code fn} picks; it receives the number of tasks first. Locally
     * ({@code execute()}) a partitioner continues in place.
     *
     * @param fn picks the target task
     * @return the chain with the node appended
     */
    Impl customPartition(DeimosFunction1<Integer, Integer> fn);

    /**
     * Continues on the task {@code fn} picks from the number of tasks and one argument. Locally
     * ({@code execute()}) a partitioner continues in place.
     *
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0> Impl customPartition(DeimosFunction2<Integer, T0, Integer> fn, Object arg0);

    /**
     * Continues on the task {@code fn} picks from the number of tasks and two arguments. Locally
     * ({@code execute()}) a partitioner continues in place.
     *
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1> Impl customPartition(
        DeimosFunction3<Integer, T0, T1, Integer> fn, Object arg0, Object arg1);

    /**
     * Continues on the task {@code fn} picks from the number of tasks and three arguments. Locally
     * ({@code execute()}) a partitioner continues in place.
     *
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @param arg2 third argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1, T2> Impl customPartition(
        DeimosFunction4<Integer, T0, T1, T2, Integer> fn, Object arg0, Object arg1, Object arg2);

    /**
     * Like {@code customPartition} with 3 arguments, choosing among the partitions of {@code
     * pobjectVar} (a depot or PState) instead of all tasks.
     *
     * @param pobjectVar a depot or PState var
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @param arg2 third argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1, T2> Impl customPartition(
        String pobjectVar,
        DeimosFunction4<Integer, T0, T1, T2, Integer> fn,
        Object arg0,
        Object arg1,
        Object arg2);

    /**
     * Like {@code customPartition} with 4 arguments, choosing among the partitions of {@code
     * pobjectVar} (a depot or PState) instead of all tasks.
     *
     * @param pobjectVar a depot or PState var
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @param arg2 third argument of {@code fn}
     * @param arg3 fourth argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3> Impl customPartition(
        String pobjectVar,
        DeimosFunction5<Integer, T0, T1, T2, T3, Integer> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3);

    /**
     * Like {@code customPartition} with 5 arguments, choosing among the partitions of {@code
     * pobjectVar} (a depot or PState) instead of all tasks.
     *
     * @param pobjectVar a depot or PState var
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @param arg2 third argument of {@code fn}
     * @param arg3 fourth argument of {@code fn}
     * @param arg4 fifth argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4> Impl customPartition(
        String pobjectVar,
        DeimosFunction6<Integer, T0, T1, T2, T3, T4, Integer> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Like {@code customPartition} with 6 arguments, choosing among the partitions of {@code
     * pobjectVar} (a depot or PState) instead of all tasks.
     *
     * @param pobjectVar a depot or PState var
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @param arg2 third argument of {@code fn}
     * @param arg3 fourth argument of {@code fn}
     * @param arg4 fifth argument of {@code fn}
     * @param arg5 sixth argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5> Impl customPartition(
        String pobjectVar,
        DeimosFunction7<Integer, T0, T1, T2, T3, T4, T5, Integer> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5);

    /**
     * Like {@code customPartition} with 7 arguments, choosing among the partitions of {@code
     * pobjectVar} (a depot or PState) instead of all tasks.
     *
     * @param pobjectVar a depot or PState var
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @param arg2 third argument of {@code fn}
     * @param arg3 fourth argument of {@code fn}
     * @param arg4 fifth argument of {@code fn}
     * @param arg5 sixth argument of {@code fn}
     * @param arg6 seventh argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5, T6> Impl customPartition(
        String pobjectVar,
        DeimosFunction8<Integer, T0, T1, T2, T3, T4, T5, T6, Integer> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6);

    /**
     * Continues on the task {@code fn} picks from the number of tasks and 4 arguments. Locally
     * ({@code execute()}) a partitioner continues in place.
     *
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @param arg2 third argument of {@code fn}
     * @param arg3 fourth argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3> Impl customPartition(
        DeimosFunction5<Integer, T0, T1, T2, T3, Integer> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3);

    /**
     * Continues on the task {@code fn} picks from the number of tasks and 5 arguments. Locally
     * ({@code execute()}) a partitioner continues in place.
     *
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @param arg2 third argument of {@code fn}
     * @param arg3 fourth argument of {@code fn}
     * @param arg4 fifth argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4> Impl customPartition(
        DeimosFunction6<Integer, T0, T1, T2, T3, T4, Integer> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Continues on the task {@code fn} picks from the number of tasks and 6 arguments. Locally
     * ({@code execute()}) a partitioner continues in place.
     *
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @param arg2 third argument of {@code fn}
     * @param arg3 fourth argument of {@code fn}
     * @param arg4 fifth argument of {@code fn}
     * @param arg5 sixth argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5> Impl customPartition(
        DeimosFunction7<Integer, T0, T1, T2, T3, T4, T5, Integer> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5);

    /**
     * Continues on the task {@code fn} picks from the number of tasks and 7 arguments. Locally
     * ({@code execute()}) a partitioner continues in place.
     *
     * @param fn picks the target task
     * @param arg0 first argument of {@code fn}
     * @param arg1 second argument of {@code fn}
     * @param arg2 third argument of {@code fn}
     * @param arg3 fourth argument of {@code fn}
     * @param arg4 fifth argument of {@code fn}
     * @param arg5 sixth argument of {@code fn}
     * @param arg6 seventh argument of {@code fn}
     * @return the chain with the node appended
     */
    <T0, T1, T2, T3, T4, T5, T6> Impl customPartition(
        DeimosFunction8<Integer, T0, T1, T2, T3, T4, T5, T6, Integer> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4,
        Object arg5,
        Object arg6);

    /**
     * Like {@link #localSelect(String, Path)} with options; see {@link SelectOptions}.
     *
     * @param pstateVar a {@code $$} var bound to a PState
     * @param path the path to select
     * @param options select options, e.g. {@link SelectOptions#allowYield()}
     * @return the chain; bind each selected value with {@code out}
     */
    OutImpl localSelect(String pstateVar, Path path, SelectOptions options);

    /**
     * Like {@link #select(String, Path)} with options; see {@link SelectOptions}.
     *
     * @param pstateVar the PState var
     * @param path the query path, starting with {@code key(...)}
     * @param options select options, e.g. {@link SelectOptions#allowYield()}
     * @return the chain with the nodes appended
     */
    OutImpl select(String pstateVar, Path path, SelectOptions options);

    /**
     * Continues on the task owning the leading key of {@code path} in the PState {@code pstateVar},
     * found with the PState's key partitioner (task 0 for a global PState; every task when the path
     * has no leading key). This is the partitioner {@link #select(String, Path)} inserts before its
     * {@code localSelect}.
     *
     * @param pstateVar the PState var
     * @param path a path starting with {@code key(...)}
     * @return the chain with the node appended
     */
    Impl pathPartition(String pstateVar, Path path);

    /**
     * Inside a batch block: starts another independent batch source. The code recorded so far ends
     * here (name its end with {@link #anchor(String)} to merge or join it later); what follows
     * starts again from the beginning of the batch block, seeing only the vars bound before the
     * block. Outside a batch block this is a compile error.
     *
     * @return the chain, now starting a new source
     */
    Impl freshBatchSource();

    /**
     * Sets the value returned for this topology by an {@code append} at {@code AckLevel.ACK} (the
     * last one set wins); a no-op when run locally.
     *
     * @param value see the method description
     * @return the chain with the node appended
     */
    Impl ackReturn(Object value);

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

  /**
   * Starts a chain with {@link Impl#agg(Agg)}.
   *
   * @param agg the aggregator
   * @return the new chain
   */
  static OutImpl agg(Agg agg) {
    return create().agg(agg);
  }

  /**
   * Starts a chain with {@link Impl#agg(String, Agg)}.
   *
   * @param pstateVar a {@code $$} var bound to a PState
   * @param agg the aggregator
   * @return the new chain
   */
  static Impl agg(String pstateVar, Agg agg) {
    return create().agg(pstateVar, agg);
  }

  /**
   * Starts a chain with {@link Impl#compoundAgg(CompoundAgg)}.
   *
   * @param compoundAgg the template
   * @return the new chain
   */
  static OutImpl compoundAgg(CompoundAgg compoundAgg) {
    return create().compoundAgg(compoundAgg);
  }

  /**
   * Starts a chain with {@link Impl#compoundAgg(String, CompoundAgg)}.
   *
   * @param pstateVar a {@code $$} var bound to a PState
   * @param compoundAgg the template
   * @return the new chain
   */
  static Impl compoundAgg(String pstateVar, CompoundAgg compoundAgg) {
    return create().compoundAgg(pstateVar, compoundAgg);
  }

  /**
   * Starts a chain with {@link Impl#batchBlock(Block)}.
   *
   * @param block the batch body
   * @return the new chain
   */
  static Impl batchBlock(Block block) {
    return create().batchBlock(block);
  }

  /**
   * Starts a chain with a groupBy on 1 var; see {@link Impl#groupBy(String, Block)}.
   *
   * @param keyVar0 grouping var 0
   * @param aggBlock agg, compoundAgg or limitAgg nodes
   * @return the new chain
   */
  static Impl groupBy(String keyVar0, Block aggBlock) {
    return create().groupBy(keyVar0, aggBlock);
  }

  /**
   * Starts a chain with a groupBy on 2 vars; see {@link Impl#groupBy(String, Block)}.
   *
   * @param keyVar0 grouping var 0
   * @param keyVar1 grouping var 1
   * @param aggBlock agg, compoundAgg or limitAgg nodes
   * @return the new chain
   */
  static Impl groupBy(String keyVar0, String keyVar1, Block aggBlock) {
    return create().groupBy(keyVar0, keyVar1, aggBlock);
  }

  /**
   * Starts a chain with a groupBy on 3 vars; see {@link Impl#groupBy(String, Block)}.
   *
   * @param keyVar0 grouping var 0
   * @param keyVar1 grouping var 1
   * @param keyVar2 grouping var 2
   * @param aggBlock agg, compoundAgg or limitAgg nodes
   * @return the new chain
   */
  static Impl groupBy(String keyVar0, String keyVar1, String keyVar2, Block aggBlock) {
    return create().groupBy(keyVar0, keyVar1, keyVar2, aggBlock);
  }

  /**
   * Starts a chain with a groupBy on 4 vars; see {@link Impl#groupBy(String, Block)}.
   *
   * @param keyVar0 grouping var 0
   * @param keyVar1 grouping var 1
   * @param keyVar2 grouping var 2
   * @param keyVar3 grouping var 3
   * @param aggBlock agg, compoundAgg or limitAgg nodes
   * @return the new chain
   */
  static Impl groupBy(
      String keyVar0, String keyVar1, String keyVar2, String keyVar3, Block aggBlock) {
    return create().groupBy(keyVar0, keyVar1, keyVar2, keyVar3, aggBlock);
  }

  /**
   * Starts a chain with a groupBy on 5 vars; see {@link Impl#groupBy(String, Block)}.
   *
   * @param keyVar0 grouping var 0
   * @param keyVar1 grouping var 1
   * @param keyVar2 grouping var 2
   * @param keyVar3 grouping var 3
   * @param keyVar4 grouping var 4
   * @param aggBlock agg, compoundAgg or limitAgg nodes
   * @return the new chain
   */
  static Impl groupBy(
      String keyVar0,
      String keyVar1,
      String keyVar2,
      String keyVar3,
      String keyVar4,
      Block aggBlock) {
    return create().groupBy(keyVar0, keyVar1, keyVar2, keyVar3, keyVar4, aggBlock);
  }

  /**
   * Starts a chain with a groupBy on 6 vars; see {@link Impl#groupBy(String, Block)}.
   *
   * @param keyVar0 grouping var 0
   * @param keyVar1 grouping var 1
   * @param keyVar2 grouping var 2
   * @param keyVar3 grouping var 3
   * @param keyVar4 grouping var 4
   * @param keyVar5 grouping var 5
   * @param aggBlock agg, compoundAgg or limitAgg nodes
   * @return the new chain
   */
  static Impl groupBy(
      String keyVar0,
      String keyVar1,
      String keyVar2,
      String keyVar3,
      String keyVar4,
      String keyVar5,
      Block aggBlock) {
    return create().groupBy(keyVar0, keyVar1, keyVar2, keyVar3, keyVar4, keyVar5, aggBlock);
  }

  /**
   * Starts a chain with {@link Impl#limitAgg(dev.deimos.ops.LimitAgg)}.
   *
   * @param limitAgg the limit specification
   * @return the new chain
   */
  static Impl limitAgg(dev.deimos.ops.LimitAgg limitAgg) {
    return create().limitAgg(limitAgg);
  }

  /**
   * Starts a chain with {@link Impl#materialize(String...)}.
   *
   * @param vars the vars of the tuple
   * @return the new chain
   */
  static Out materialize(String... vars) {
    return create().materialize(vars);
  }

  /**
   * Starts a chain with {@link Impl#explodeMaterialized(String)}.
   *
   * @param ptableVar the {@code $$} var of the table
   * @return the new chain
   */
  static Out explodeMaterialized(String ptableVar) {
    return create().explodeMaterialized(ptableVar);
  }

  /**
   * Starts a chain with {@link Impl#explodeMicrobatch(String)}, e.g. inside a {@code batchBlock}.
   *
   * @param microbatchVar the microbatch var
   * @return the new chain
   */
  static Out explodeMicrobatch(String microbatchVar) {
    return create().explodeMicrobatch(microbatchVar);
  }

  /**
   * Starts a chain with {@link Impl#subBatch(SubBatch)}.
   *
   * @param subBatch the nested computation
   * @return the new chain
   */
  static Out subBatch(SubBatch subBatch) {
    return create().subBatch(subBatch);
  }

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

  /**
   * Starts a chain with {@code allPartition}; see {@link Impl}.
   *
   * @param pobjectVar a depot ({@code *}) or PState ({@code $$}) var
   * @return the new chain
   */
  static Impl allPartition(String pobjectVar) {
    return create().allPartition(pobjectVar);
  }

  /**
   * Starts a chain with {@code customPartition}; see {@link Impl}.
   *
   * @param pobjectVar a depot or PState var
   * @param fn picks the target task
   * @return the new chain
   */
  static Impl customPartition(String pobjectVar, DeimosFunction1<Integer, Integer> fn) {
    return create().customPartition(pobjectVar, fn);
  }

  /**
   * Starts a chain with {@code customPartition}; see {@link Impl}.
   *
   * @param pobjectVar a depot or PState var
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @return the new chain
   */
  static <T0> Impl customPartition(
      String pobjectVar, DeimosFunction2<Integer, T0, Integer> fn, Object arg0) {
    return create().customPartition(pobjectVar, fn, arg0);
  }

  /**
   * Starts a chain with {@code customPartition}; see {@link Impl}.
   *
   * @param pobjectVar a depot or PState var
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1> Impl customPartition(
      String pobjectVar, DeimosFunction3<Integer, T0, T1, Integer> fn, Object arg0, Object arg1) {
    return create().customPartition(pobjectVar, fn, arg0, arg1);
  }

  /**
   * Starts a chain with {@code eachAsync}; see {@link Impl}.
   *
   * @param fn returns a future of the result
   * @return the new chain
   */
  static <R> OutImpl eachAsync(DeimosFunction0<CompletableFuture<R>> fn) {
    return create().eachAsync(fn);
  }

  /**
   * Starts a chain with {@code eachAsync}; see {@link Impl}.
   *
   * @param fn returns a future of the result
   * @param arg0 argument 0 (var, value or Expr)
   * @return the new chain
   */
  static <T0, R> OutImpl eachAsync(DeimosFunction1<T0, CompletableFuture<R>> fn, Object arg0) {
    return create().eachAsync(fn, arg0);
  }

  /**
   * Starts a chain with {@code eachAsync}; see {@link Impl}.
   *
   * @param fn returns a future of the result
   * @param arg0 argument 0 (var, value or Expr)
   * @param arg1 argument 1 (var, value or Expr)
   * @return the new chain
   */
  static <T0, T1, R> OutImpl eachAsync(
      DeimosFunction2<T0, T1, CompletableFuture<R>> fn, Object arg0, Object arg1) {
    return create().eachAsync(fn, arg0, arg1);
  }

  /**
   * Starts a chain with {@code eachAsync}; see {@link Impl}.
   *
   * @param fn returns a future of the result
   * @param arg0 argument 0 (var, value or Expr)
   * @param arg1 argument 1 (var, value or Expr)
   * @param arg2 argument 2 (var, value or Expr)
   * @return the new chain
   */
  static <T0, T1, T2, R> OutImpl eachAsync(
      DeimosFunction3<T0, T1, T2, CompletableFuture<R>> fn, Object arg0, Object arg1, Object arg2) {
    return create().eachAsync(fn, arg0, arg1, arg2);
  }

  /**
   * Starts a chain with {@code eachAsync}; see {@link Impl}.
   *
   * @param fn returns a future of the result
   * @param arg0 argument 0 (var, value or Expr)
   * @param arg1 argument 1 (var, value or Expr)
   * @param arg2 argument 2 (var, value or Expr)
   * @param arg3 argument 3 (var, value or Expr)
   * @return the new chain
   */
  static <T0, T1, T2, T3, R> OutImpl eachAsync(
      DeimosFunction4<T0, T1, T2, T3, CompletableFuture<R>> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return create().eachAsync(fn, arg0, arg1, arg2, arg3);
  }

  /**
   * Starts a chain with {@code eachAsync}; see {@link Impl}.
   *
   * @param fn returns a future of the result
   * @param arg0 argument 0 (var, value or Expr)
   * @param arg1 argument 1 (var, value or Expr)
   * @param arg2 argument 2 (var, value or Expr)
   * @param arg3 argument 3 (var, value or Expr)
   * @param arg4 argument 4 (var, value or Expr)
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, R> OutImpl eachAsync(
      DeimosFunction5<T0, T1, T2, T3, T4, CompletableFuture<R>> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return create().eachAsync(fn, arg0, arg1, arg2, arg3, arg4);
  }

  /**
   * Starts a chain with {@code eachAsync}; see {@link Impl}.
   *
   * @param fn returns a future of the result
   * @param arg0 argument 0 (var, value or Expr)
   * @param arg1 argument 1 (var, value or Expr)
   * @param arg2 argument 2 (var, value or Expr)
   * @param arg3 argument 3 (var, value or Expr)
   * @param arg4 argument 4 (var, value or Expr)
   * @param arg5 argument 5 (var, value or Expr)
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5, R> OutImpl eachAsync(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, CompletableFuture<R>> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return create().eachAsync(fn, arg0, arg1, arg2, arg3, arg4, arg5);
  }

  /**
   * Starts a chain with {@code eachAsync}; see {@link Impl}.
   *
   * @param fn returns a future of the result
   * @param arg0 argument 0 (var, value or Expr)
   * @param arg1 argument 1 (var, value or Expr)
   * @param arg2 argument 2 (var, value or Expr)
   * @param arg3 argument 3 (var, value or Expr)
   * @param arg4 argument 4 (var, value or Expr)
   * @param arg5 argument 5 (var, value or Expr)
   * @param arg6 argument 6 (var, value or Expr)
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5, T6, R> OutImpl eachAsync(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, CompletableFuture<R>> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return create().eachAsync(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  /**
   * Starts a chain with {@code eachAsync}; see {@link Impl}.
   *
   * @param fn returns a future of the result
   * @param arg0 argument 0 (var, value or Expr)
   * @param arg1 argument 1 (var, value or Expr)
   * @param arg2 argument 2 (var, value or Expr)
   * @param arg3 argument 3 (var, value or Expr)
   * @param arg4 argument 4 (var, value or Expr)
   * @param arg5 argument 5 (var, value or Expr)
   * @param arg6 argument 6 (var, value or Expr)
   * @param arg7 argument 7 (var, value or Expr)
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5, T6, T7, R> OutImpl eachAsync(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, CompletableFuture<R>> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return create().eachAsync(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7);
  }

  /**
   * Starts a chain with {@link Impl#select(String, Path)}.
   *
   * @param pstateVar the PState var
   * @param path the query path
   * @return the new chain
   */
  static OutImpl select(String pstateVar, Path path) {
    return create().select(pstateVar, path);
  }

  /**
   * Starts a chain with {@link Impl#depotPartitionAppend(String, Object)}.
   *
   * @param depotVar the depot var
   * @param data the record
   * @return the new chain
   */
  static Impl depotPartitionAppend(String depotVar, Object data) {
    return create().depotPartitionAppend(depotVar, data);
  }

  /**
   * Starts a chain with {@link Impl#depotPartitionAppend(String, Object, AckLevel)}.
   *
   * @param depotVar the depot var
   * @param data the record
   * @param ackLevel the ack level
   * @return the new chain
   */
  static Impl depotPartitionAppend(String depotVar, Object data, AckLevel ackLevel) {
    return create().depotPartitionAppend(depotVar, data, ackLevel);
  }

  /**
   * Starts a chain with {@link Impl#hashPartition}.
   *
   * @param key see the method description
   * @return the new chain
   */
  static Impl hashPartition(Object key) {
    return create().hashPartition(key);
  }

  /**
   * Starts a chain with {@link Impl#hashPartition}.
   *
   * @param pstateVar see the method description
   * @param key see the method description
   * @return the new chain
   */
  static Impl hashPartition(String pstateVar, Object key) {
    return create().hashPartition(pstateVar, key);
  }

  /**
   * Starts a chain with {@link Impl#allPartition}.
   *
   * @return the new chain
   */
  static Impl allPartition() {
    return create().allPartition();
  }

  /**
   * Starts a chain with {@link Impl#shufflePartition}.
   *
   * @return the new chain
   */
  static Impl shufflePartition() {
    return create().shufflePartition();
  }

  /**
   * Starts a chain with {@link Impl#directPartition}.
   *
   * @param taskId see the method description
   * @return the new chain
   */
  static Impl directPartition(Object taskId) {
    return create().directPartition(taskId);
  }

  /**
   * Starts a chain with {@link Impl#directPartition}.
   *
   * @param pstateVar see the method description
   * @param taskId see the method description
   * @return the new chain
   */
  static Impl directPartition(String pstateVar, Object taskId) {
    return create().directPartition(pstateVar, taskId);
  }

  /**
   * Starts a chain with {@link Impl#globalPartition}.
   *
   * @return the new chain
   */
  static Impl globalPartition() {
    return create().globalPartition();
  }

  /**
   * Starts a chain with {@link Impl#globalPartition}.
   *
   * @param pstateVar see the method description
   * @return the new chain
   */
  static Impl globalPartition(String pstateVar) {
    return create().globalPartition(pstateVar);
  }

  /**
   * Starts a chain with {@link Impl#originPartition}.
   *
   * @return the new chain
   */
  static Impl originPartition() {
    return create().originPartition();
  }

  /**
   * Starts a chain with {@link Impl#customPartition}.
   *
   * @param fn picks the target task
   * @return the new chain
   */
  static Impl customPartition(DeimosFunction1<Integer, Integer> fn) {
    return create().customPartition(fn);
  }

  /**
   * Starts a chain with {@link Impl#customPartition}.
   *
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @return the new chain
   */
  static <T0> Impl customPartition(DeimosFunction2<Integer, T0, Integer> fn, Object arg0) {
    return create().customPartition(fn, arg0);
  }

  /**
   * Starts a chain with {@link Impl#customPartition}.
   *
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1> Impl customPartition(
      DeimosFunction3<Integer, T0, T1, Integer> fn, Object arg0, Object arg1) {
    return create().customPartition(fn, arg0, arg1);
  }

  /**
   * Starts a chain with {@link Impl#customPartition}.
   *
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @param arg2 third argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1, T2> Impl customPartition(
      DeimosFunction4<Integer, T0, T1, T2, Integer> fn, Object arg0, Object arg1, Object arg2) {
    return create().customPartition(fn, arg0, arg1, arg2);
  }

  /**
   * Starts a chain with {@link Impl#ackReturn}.
   *
   * @param value see the method description
   * @return the new chain
   */
  static Impl ackReturn(Object value) {
    return create().ackReturn(value);
  }

  /**
   * Starts a chain with {@link Impl#invokeQuery}.
   *
   * @param queryName the query topology name or mirror var
   * @param args the query's arguments
   * @return the new chain
   */
  static OutImpl invokeQuery(String queryName, Object... args) {
    return create().invokeQuery(queryName, args);
  }

  /**
   * Like {@code customPartition} with 3 arguments, choosing among the partitions of {@code
   * pobjectVar} (a depot or PState) instead of all tasks.
   *
   * @param pobjectVar a depot or PState var
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @param arg2 third argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1, T2> Impl customPartition(
      String pobjectVar,
      DeimosFunction4<Integer, T0, T1, T2, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2) {
    return create().customPartition(pobjectVar, fn, arg0, arg1, arg2);
  }

  /**
   * Like {@code customPartition} with 4 arguments, choosing among the partitions of {@code
   * pobjectVar} (a depot or PState) instead of all tasks.
   *
   * @param pobjectVar a depot or PState var
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @param arg2 third argument of {@code fn}
   * @param arg3 fourth argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1, T2, T3> Impl customPartition(
      String pobjectVar,
      DeimosFunction5<Integer, T0, T1, T2, T3, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return create().customPartition(pobjectVar, fn, arg0, arg1, arg2, arg3);
  }

  /**
   * Like {@code customPartition} with 5 arguments, choosing among the partitions of {@code
   * pobjectVar} (a depot or PState) instead of all tasks.
   *
   * @param pobjectVar a depot or PState var
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @param arg2 third argument of {@code fn}
   * @param arg3 fourth argument of {@code fn}
   * @param arg4 fifth argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4> Impl customPartition(
      String pobjectVar,
      DeimosFunction6<Integer, T0, T1, T2, T3, T4, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return create().customPartition(pobjectVar, fn, arg0, arg1, arg2, arg3, arg4);
  }

  /**
   * Like {@code customPartition} with 6 arguments, choosing among the partitions of {@code
   * pobjectVar} (a depot or PState) instead of all tasks.
   *
   * @param pobjectVar a depot or PState var
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @param arg2 third argument of {@code fn}
   * @param arg3 fourth argument of {@code fn}
   * @param arg4 fifth argument of {@code fn}
   * @param arg5 sixth argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5> Impl customPartition(
      String pobjectVar,
      DeimosFunction7<Integer, T0, T1, T2, T3, T4, T5, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return create().customPartition(pobjectVar, fn, arg0, arg1, arg2, arg3, arg4, arg5);
  }

  /**
   * Like {@code customPartition} with 7 arguments, choosing among the partitions of {@code
   * pobjectVar} (a depot or PState) instead of all tasks.
   *
   * @param pobjectVar a depot or PState var
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @param arg2 third argument of {@code fn}
   * @param arg3 fourth argument of {@code fn}
   * @param arg4 fifth argument of {@code fn}
   * @param arg5 sixth argument of {@code fn}
   * @param arg6 seventh argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5, T6> Impl customPartition(
      String pobjectVar,
      DeimosFunction8<Integer, T0, T1, T2, T3, T4, T5, T6, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return create().customPartition(pobjectVar, fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  /**
   * Continues on the task {@code fn} picks from the number of tasks and 4 arguments. Locally
   * ({@code execute()}) a partitioner continues in place.
   *
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @param arg2 third argument of {@code fn}
   * @param arg3 fourth argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1, T2, T3> Impl customPartition(
      DeimosFunction5<Integer, T0, T1, T2, T3, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3) {
    return create().customPartition(fn, arg0, arg1, arg2, arg3);
  }

  /**
   * Continues on the task {@code fn} picks from the number of tasks and 5 arguments. Locally
   * ({@code execute()}) a partitioner continues in place.
   *
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @param arg2 third argument of {@code fn}
   * @param arg3 fourth argument of {@code fn}
   * @param arg4 fifth argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4> Impl customPartition(
      DeimosFunction6<Integer, T0, T1, T2, T3, T4, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return create().customPartition(fn, arg0, arg1, arg2, arg3, arg4);
  }

  /**
   * Continues on the task {@code fn} picks from the number of tasks and 6 arguments. Locally
   * ({@code execute()}) a partitioner continues in place.
   *
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @param arg2 third argument of {@code fn}
   * @param arg3 fourth argument of {@code fn}
   * @param arg4 fifth argument of {@code fn}
   * @param arg5 sixth argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5> Impl customPartition(
      DeimosFunction7<Integer, T0, T1, T2, T3, T4, T5, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return create().customPartition(fn, arg0, arg1, arg2, arg3, arg4, arg5);
  }

  /**
   * Continues on the task {@code fn} picks from the number of tasks and 7 arguments. Locally
   * ({@code execute()}) a partitioner continues in place.
   *
   * @param fn picks the target task
   * @param arg0 first argument of {@code fn}
   * @param arg1 second argument of {@code fn}
   * @param arg2 third argument of {@code fn}
   * @param arg3 fourth argument of {@code fn}
   * @param arg4 fifth argument of {@code fn}
   * @param arg5 sixth argument of {@code fn}
   * @param arg6 seventh argument of {@code fn}
   * @return the new chain
   */
  static <T0, T1, T2, T3, T4, T5, T6> Impl customPartition(
      DeimosFunction8<Integer, T0, T1, T2, T3, T4, T5, T6, Integer> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return create().customPartition(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6);
  }

  /**
   * Starts a chain with {@link Impl#localSelect(String, Path, SelectOptions)}.
   *
   * @param pstateVar a {@code $$} var bound to a PState
   * @param path the path to select
   * @param options select options
   * @return the new chain
   */
  static OutImpl localSelect(String pstateVar, Path path, SelectOptions options) {
    return create().localSelect(pstateVar, path, options);
  }

  /**
   * Starts a chain with {@link Impl#select(String, Path, SelectOptions)}.
   *
   * @param pstateVar the PState var
   * @param path the query path
   * @param options select options
   * @return the new chain
   */
  static OutImpl select(String pstateVar, Path path, SelectOptions options) {
    return create().select(pstateVar, path, options);
  }

  /**
   * Starts a chain with {@link Impl#pathPartition(String, Path)}.
   *
   * @param pstateVar the PState var
   * @param path a path starting with {@code key(...)}
   * @return the new chain
   */
  static Impl pathPartition(String pstateVar, Path path) {
    return create().pathPartition(pstateVar, path);
  }

  /**
   * Starts a chain with {@link Impl#freshBatchSource()}.
   *
   * @return the new chain
   */
  static Impl freshBatchSource() {
    return create().freshBatchSource();
  }
}

package dev.deimos;

import dev.deimos.impl.dataflow.CaseChain;
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
 * One case of {@link Block.Impl#cond(Case...)}: a condition and the dataflow code to run when it is
 * the first truthy one. The body is built with the same chain methods as a {@link Block}.
 */
public interface Case {

  /**
   * Starts a case of {@link Block.Impl#cond(Case...)} that is taken when {@code condition} is
   * truthy (neither null nor false). Append the case body to the returned value.
   *
   * @param condition a var, value or {@link Expr}; conditions are tested in case order, with the
   *     vars bound before the {@code cond}, until one is truthy
   * @return an empty case body
   */
  static Impl create(Object condition) {
    return CaseChain.create(condition);
  }

  /**
   * A Case body that more nodes can be appended to; it has the same chain methods as {@link
   * Block.Impl} (see there for each method) except {@code execute}. Instances are immutable.
   */
  interface Impl extends Case {
    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param fn see {@link Block.Impl}
     * @return the body with the node appended
     */
    <R> OutImpl each(DeimosFunction0<R> fn);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param fn see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @return the body with the node appended
     */
    <T0, R> OutImpl each(DeimosFunction1<T0, R> fn, Object arg0);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param fn see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @return the body with the node appended
     */
    <T0, T1, R> OutImpl each(DeimosFunction2<T0, T1, R> fn, Object arg0, Object arg1);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param fn see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @return the body with the node appended
     */
    <T0, T1, T2, R> OutImpl each(
        DeimosFunction3<T0, T1, T2, R> fn, Object arg0, Object arg1, Object arg2);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param op see {@link Block.Impl}
     * @return the body with the node appended
     */
    MultiOutImpl each(DeimosOperation0 op);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param op see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @return the body with the node appended
     */
    <T0> MultiOutImpl each(DeimosOperation1<T0> op, Object arg0);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param op see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @return the body with the node appended
     */
    <T0, T1> MultiOutImpl each(DeimosOperation2<T0, T1> op, Object arg0, Object arg1);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param op see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @return the body with the node appended
     */
    <T0, T1, T2> MultiOutImpl each(
        DeimosOperation3<T0, T1, T2> op, Object arg0, Object arg1, Object arg2);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param fn see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @param arg3 see {@link Block.Impl}
     * @return the body with the node appended
     */
    <T0, T1, T2, T3, R> OutImpl each(
        DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg0, Object arg1, Object arg2, Object arg3);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param fn see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @param arg3 see {@link Block.Impl}
     * @param arg4 see {@link Block.Impl}
     * @return the body with the node appended
     */
    <T0, T1, T2, T3, T4, R> OutImpl each(
        DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param fn see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @param arg3 see {@link Block.Impl}
     * @param arg4 see {@link Block.Impl}
     * @param arg5 see {@link Block.Impl}
     * @return the body with the node appended
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
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param fn see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @param arg3 see {@link Block.Impl}
     * @param arg4 see {@link Block.Impl}
     * @param arg5 see {@link Block.Impl}
     * @param arg6 see {@link Block.Impl}
     * @return the body with the node appended
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
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param fn see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @param arg3 see {@link Block.Impl}
     * @param arg4 see {@link Block.Impl}
     * @param arg5 see {@link Block.Impl}
     * @param arg6 see {@link Block.Impl}
     * @param arg7 see {@link Block.Impl}
     * @return the body with the node appended
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
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param op see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @param arg3 see {@link Block.Impl}
     * @return the body with the node appended
     */
    <T0, T1, T2, T3> MultiOutImpl each(
        DeimosOperation4<T0, T1, T2, T3> op, Object arg0, Object arg1, Object arg2, Object arg3);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param op see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @param arg3 see {@link Block.Impl}
     * @param arg4 see {@link Block.Impl}
     * @return the body with the node appended
     */
    <T0, T1, T2, T3, T4> MultiOutImpl each(
        DeimosOperation5<T0, T1, T2, T3, T4> op,
        Object arg0,
        Object arg1,
        Object arg2,
        Object arg3,
        Object arg4);

    /**
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param op see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @param arg3 see {@link Block.Impl}
     * @param arg4 see {@link Block.Impl}
     * @param arg5 see {@link Block.Impl}
     * @return the body with the node appended
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
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param op see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @param arg3 see {@link Block.Impl}
     * @param arg4 see {@link Block.Impl}
     * @param arg5 see {@link Block.Impl}
     * @param arg6 see {@link Block.Impl}
     * @return the body with the node appended
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
     * Appends the node {@link Block.Impl}{@code .each} appends.
     *
     * @param op see {@link Block.Impl}
     * @param arg0 see {@link Block.Impl}
     * @param arg1 see {@link Block.Impl}
     * @param arg2 see {@link Block.Impl}
     * @param arg3 see {@link Block.Impl}
     * @param arg4 see {@link Block.Impl}
     * @param arg5 see {@link Block.Impl}
     * @param arg6 see {@link Block.Impl}
     * @param arg7 see {@link Block.Impl}
     * @return the body with the node appended
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
     * Appends the node {@link Block.Impl}{@code .keepTrue} appends.
     *
     * @param cond see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl keepTrue(Object cond);

    /**
     * Appends the node {@link Block.Impl}{@code .ifTrue} appends.
     *
     * @param cond see {@link Block.Impl}
     * @param then see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl ifTrue(Object cond, Block then);

    /**
     * Appends the node {@link Block.Impl}{@code .ifTrue} appends.
     *
     * @param cond see {@link Block.Impl}
     * @param then see {@link Block.Impl}
     * @param otherwise see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl ifTrue(Object cond, Block then, Block otherwise);

    /**
     * Appends the node {@link Block.Impl}{@code .macro} appends.
     *
     * @param block see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl macro(Block block);

    /**
     * Appends the node {@link Block.Impl}{@code .localSelect} appends.
     *
     * @param pstateVar see {@link Block.Impl}
     * @param path see {@link Block.Impl}
     * @return the body with the node appended
     */
    OutImpl localSelect(String pstateVar, Path path);

    /**
     * Appends the node {@link Block.Impl}{@code .localTransform} appends.
     *
     * @param pstateVar see {@link Block.Impl}
     * @param path see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl localTransform(String pstateVar, Path path);

    /**
     * Appends the node {@link Block.Impl}{@code .anchor} appends.
     *
     * @param anchor see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl anchor(String anchor);

    /**
     * Appends the node {@link Block.Impl}{@code .hook} appends.
     *
     * @param anchor see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl hook(String anchor);

    /**
     * Appends the node {@link Block.Impl}{@code .unify} appends.
     *
     * @param anchors see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl unify(String... anchors);

    /**
     * Appends the node {@link Block.Impl}{@code .branch} appends.
     *
     * @param anchor see {@link Block.Impl}
     * @param block see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl branch(String anchor, Block block);

    /**
     * Appends the node {@link Block.Impl}{@code .cond} appends.
     *
     * @param cases see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl cond(Case... cases);

    /**
     * Appends the node {@link Block.Impl}{@code .atomicBlock} appends.
     *
     * @param block see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl atomicBlock(Block block);

    /**
     * Appends the node {@link Block.Impl}{@code .loop} appends.
     *
     * @param body see {@link Block.Impl}
     * @return the body with the node appended
     */
    OutImpl loop(Block body);

    /**
     * Appends the node {@link Block.Impl}{@code .loopWithVars} appends.
     *
     * @param vars see {@link Block.Impl}
     * @param body see {@link Block.Impl}
     * @return the body with the node appended
     */
    OutImpl loopWithVars(LoopVars vars, Block body);

    /**
     * Appends the node {@link Block.Impl}{@code .continueLoop} appends.
     *
     * @param args see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl continueLoop(Object... args);

    /**
     * Appends the node {@link Block.Impl}{@code .emitLoop} appends.
     *
     * @param args see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl emitLoop(Object... args);

    /**
     * Appends the node {@link Block.Impl}{@code .yieldIfOvertime} appends.
     *
     * @return the body with the node appended
     */
    Impl yieldIfOvertime();

    /**
     * Appends the node {@link Block.Impl}{@code .subSource} appends.
     *
     * @param arg see {@link Block.Impl}
     * @param cases see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl subSource(Object arg, SubSource... cases);

    /**
     * Appends the node {@link Block.Impl}{@code .localClear} appends.
     *
     * @param pstateVar see {@link Block.Impl}
     * @return the body with the node appended
     */
    Impl localClear(String pstateVar);
  }

  /** A body whose last node must bind its output with {@link #out(String...)}. */
  interface Out {
    /**
     * Binds the output of the last node to vars.
     *
     * @param vars var names, each starting with {@code *}
     * @return the body with the output bound
     */
    Impl out(String... vars);
  }

  /** A body whose last node may bind its output with {@code out}. */
  interface OutImpl extends Impl, Out {}

  /** A body whose last node is an operation. */
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
     * @return the body, still ending with the operation
     */
    MultiOutImpl outStream(String stream, String anchor, String... vars);
  }
}

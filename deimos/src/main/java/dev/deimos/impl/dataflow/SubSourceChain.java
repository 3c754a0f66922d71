package dev.deimos.impl.dataflow;

import dev.deimos.Block;
import dev.deimos.Case;
import dev.deimos.LoopVars;
import dev.deimos.Path;
import dev.deimos.SubSource;
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

/** The builder behind {@link SubSource}: the case head plus an ordinary chain for its body. */
public final class SubSourceChain implements SubSource.MultiOutImpl {
  private final Class<?> head;
  private final Chain chain;

  private SubSourceChain(Class<?> head, Chain chain) {
    this.head = head;
    this.chain = chain;
  }

  /**
   * Starts a body with no nodes.
   *
   * @param head the case head
   * @return the new body
   */
  public static SubSourceChain create(Class<?> head) {
    return new SubSourceChain(head, Chain.empty());
  }

  Class<?> head() {
    return head;
  }

  Chain chain() {
    return chain;
  }

  private SubSourceChain with(Object c) {
    return new SubSourceChain(head, (Chain) c);
  }

  @Override
  public <R> SubSource.OutImpl each(DeimosFunction0<R> fn) {
    return with(chain.each(fn));
  }

  @Override
  public <T0, R> SubSource.OutImpl each(DeimosFunction1<T0, R> fn, Object arg0) {
    return with(chain.each(fn, arg0));
  }

  @Override
  public <T0, T1, R> SubSource.OutImpl each(
      DeimosFunction2<T0, T1, R> fn, Object arg0, Object arg1) {
    return with(chain.each(fn, arg0, arg1));
  }

  @Override
  public <T0, T1, T2, R> SubSource.OutImpl each(
      DeimosFunction3<T0, T1, T2, R> fn, Object arg0, Object arg1, Object arg2) {
    return with(chain.each(fn, arg0, arg1, arg2));
  }

  @Override
  public SubSource.MultiOutImpl each(DeimosOperation0 op) {
    return with(chain.each(op));
  }

  @Override
  public <T0> SubSource.MultiOutImpl each(DeimosOperation1<T0> op, Object arg0) {
    return with(chain.each(op, arg0));
  }

  @Override
  public <T0, T1> SubSource.MultiOutImpl each(
      DeimosOperation2<T0, T1> op, Object arg0, Object arg1) {
    return with(chain.each(op, arg0, arg1));
  }

  @Override
  public <T0, T1, T2> SubSource.MultiOutImpl each(
      DeimosOperation3<T0, T1, T2> op, Object arg0, Object arg1, Object arg2) {
    return with(chain.each(op, arg0, arg1, arg2));
  }

  @Override
  public <T0, T1, T2, T3, R> SubSource.OutImpl each(
      DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg0, Object arg1, Object arg2, Object arg3) {
    return with(chain.each(fn, arg0, arg1, arg2, arg3));
  }

  @Override
  public <T0, T1, T2, T3, T4, R> SubSource.OutImpl each(
      DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return with(chain.each(fn, arg0, arg1, arg2, arg3, arg4));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, R> SubSource.OutImpl each(
      DeimosFunction6<T0, T1, T2, T3, T4, T5, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return with(chain.each(fn, arg0, arg1, arg2, arg3, arg4, arg5));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, R> SubSource.OutImpl each(
      DeimosFunction7<T0, T1, T2, T3, T4, T5, T6, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return with(chain.each(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, T7, R> SubSource.OutImpl each(
      DeimosFunction8<T0, T1, T2, T3, T4, T5, T6, T7, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return with(chain.each(fn, arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7));
  }

  @Override
  public <T0, T1, T2, T3> SubSource.MultiOutImpl each(
      DeimosOperation4<T0, T1, T2, T3> op, Object arg0, Object arg1, Object arg2, Object arg3) {
    return with(chain.each(op, arg0, arg1, arg2, arg3));
  }

  @Override
  public <T0, T1, T2, T3, T4> SubSource.MultiOutImpl each(
      DeimosOperation5<T0, T1, T2, T3, T4> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return with(chain.each(op, arg0, arg1, arg2, arg3, arg4));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5> SubSource.MultiOutImpl each(
      DeimosOperation6<T0, T1, T2, T3, T4, T5> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5) {
    return with(chain.each(op, arg0, arg1, arg2, arg3, arg4, arg5));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6> SubSource.MultiOutImpl each(
      DeimosOperation7<T0, T1, T2, T3, T4, T5, T6> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6) {
    return with(chain.each(op, arg0, arg1, arg2, arg3, arg4, arg5, arg6));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, T6, T7> SubSource.MultiOutImpl each(
      DeimosOperation8<T0, T1, T2, T3, T4, T5, T6, T7> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4,
      Object arg5,
      Object arg6,
      Object arg7) {
    return with(chain.each(op, arg0, arg1, arg2, arg3, arg4, arg5, arg6, arg7));
  }

  @Override
  public SubSource.Impl keepTrue(Object cond) {
    return with(chain.keepTrue(cond));
  }

  @Override
  public SubSource.Impl ifTrue(Object cond, Block then) {
    return with(chain.ifTrue(cond, then));
  }

  @Override
  public SubSource.Impl ifTrue(Object cond, Block then, Block otherwise) {
    return with(chain.ifTrue(cond, then, otherwise));
  }

  @Override
  public SubSource.Impl macro(Block block) {
    return with(chain.macro(block));
  }

  @Override
  public SubSource.OutImpl localSelect(String pstateVar, Path path) {
    return with(chain.localSelect(pstateVar, path));
  }

  @Override
  public SubSource.Impl localTransform(String pstateVar, Path path) {
    return with(chain.localTransform(pstateVar, path));
  }

  @Override
  public SubSource.Impl anchor(String anchor) {
    return with(chain.anchor(anchor));
  }

  @Override
  public SubSource.Impl hook(String anchor) {
    return with(chain.hook(anchor));
  }

  @Override
  public SubSource.Impl unify(String... anchors) {
    return with(chain.unify(anchors));
  }

  @Override
  public SubSource.Impl branch(String anchor, Block block) {
    return with(chain.branch(anchor, block));
  }

  @Override
  public SubSource.Impl cond(Case... cases) {
    return with(chain.cond(cases));
  }

  @Override
  public SubSource.Impl atomicBlock(Block block) {
    return with(chain.atomicBlock(block));
  }

  @Override
  public SubSource.OutImpl loop(Block body) {
    return with(chain.loop(body));
  }

  @Override
  public SubSource.OutImpl loopWithVars(LoopVars vars, Block body) {
    return with(chain.loopWithVars(vars, body));
  }

  @Override
  public SubSource.Impl continueLoop(Object... args) {
    return with(chain.continueLoop(args));
  }

  @Override
  public SubSource.Impl emitLoop(Object... args) {
    return with(chain.emitLoop(args));
  }

  @Override
  public SubSource.Impl yieldIfOvertime() {
    return with(chain.yieldIfOvertime());
  }

  @Override
  public SubSource.Impl subSource(Object arg, SubSource... cases) {
    return with(chain.subSource(arg, cases));
  }

  @Override
  public SubSource.Impl localClear(String pstateVar) {
    return with(chain.localClear(pstateVar));
  }

  @Override
  public SubSource.MultiOutImpl outStream(String stream, String anchor, String... vars) {
    return with(chain.outStream(stream, anchor, vars));
  }

  @Override
  public SubSource.Impl out(String... vars) {
    return with(chain.out(vars));
  }
}

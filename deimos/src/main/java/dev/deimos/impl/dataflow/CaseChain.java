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

/** The builder behind {@link Case}: the case head plus an ordinary chain for its body. */
public final class CaseChain implements Case.MultiOutImpl {
  private final Object head;
  private final Chain chain;

  private CaseChain(Object head, Chain chain) {
    this.head = head;
    this.chain = chain;
  }

  /**
   * Starts a body with no nodes.
   *
   * @param head the case head
   * @return the new body
   */
  public static CaseChain create(Object head) {
    return new CaseChain(head, Chain.empty());
  }

  Object head() {
    return head;
  }

  Chain chain() {
    return chain;
  }

  private CaseChain with(Object c) {
    return new CaseChain(head, (Chain) c);
  }

  @Override
  public <R> Case.OutImpl each(DeimosFunction0<R> fn) {
    return with(chain.each(fn));
  }

  @Override
  public <T0, R> Case.OutImpl each(DeimosFunction1<T0, R> fn, Object arg0) {
    return with(chain.each(fn, arg0));
  }

  @Override
  public <T0, T1, R> Case.OutImpl each(DeimosFunction2<T0, T1, R> fn, Object arg0, Object arg1) {
    return with(chain.each(fn, arg0, arg1));
  }

  @Override
  public <T0, T1, T2, R> Case.OutImpl each(
      DeimosFunction3<T0, T1, T2, R> fn, Object arg0, Object arg1, Object arg2) {
    return with(chain.each(fn, arg0, arg1, arg2));
  }

  @Override
  public Case.MultiOutImpl each(DeimosOperation0 op) {
    return with(chain.each(op));
  }

  @Override
  public <T0> Case.MultiOutImpl each(DeimosOperation1<T0> op, Object arg0) {
    return with(chain.each(op, arg0));
  }

  @Override
  public <T0, T1> Case.MultiOutImpl each(DeimosOperation2<T0, T1> op, Object arg0, Object arg1) {
    return with(chain.each(op, arg0, arg1));
  }

  @Override
  public <T0, T1, T2> Case.MultiOutImpl each(
      DeimosOperation3<T0, T1, T2> op, Object arg0, Object arg1, Object arg2) {
    return with(chain.each(op, arg0, arg1, arg2));
  }

  @Override
  public <T0, T1, T2, T3, R> Case.OutImpl each(
      DeimosFunction4<T0, T1, T2, T3, R> fn, Object arg0, Object arg1, Object arg2, Object arg3) {
    return with(chain.each(fn, arg0, arg1, arg2, arg3));
  }

  @Override
  public <T0, T1, T2, T3, T4, R> Case.OutImpl each(
      DeimosFunction5<T0, T1, T2, T3, T4, R> fn,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return with(chain.each(fn, arg0, arg1, arg2, arg3, arg4));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5, R> Case.OutImpl each(
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
  public <T0, T1, T2, T3, T4, T5, T6, R> Case.OutImpl each(
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
  public <T0, T1, T2, T3, T4, T5, T6, T7, R> Case.OutImpl each(
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
  public <T0, T1, T2, T3> Case.MultiOutImpl each(
      DeimosOperation4<T0, T1, T2, T3> op, Object arg0, Object arg1, Object arg2, Object arg3) {
    return with(chain.each(op, arg0, arg1, arg2, arg3));
  }

  @Override
  public <T0, T1, T2, T3, T4> Case.MultiOutImpl each(
      DeimosOperation5<T0, T1, T2, T3, T4> op,
      Object arg0,
      Object arg1,
      Object arg2,
      Object arg3,
      Object arg4) {
    return with(chain.each(op, arg0, arg1, arg2, arg3, arg4));
  }

  @Override
  public <T0, T1, T2, T3, T4, T5> Case.MultiOutImpl each(
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
  public <T0, T1, T2, T3, T4, T5, T6> Case.MultiOutImpl each(
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
  public <T0, T1, T2, T3, T4, T5, T6, T7> Case.MultiOutImpl each(
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
  public Case.Impl keepTrue(Object cond) {
    return with(chain.keepTrue(cond));
  }

  @Override
  public Case.Impl ifTrue(Object cond, Block then) {
    return with(chain.ifTrue(cond, then));
  }

  @Override
  public Case.Impl ifTrue(Object cond, Block then, Block otherwise) {
    return with(chain.ifTrue(cond, then, otherwise));
  }

  @Override
  public Case.Impl macro(Block block) {
    return with(chain.macro(block));
  }

  @Override
  public Case.OutImpl localSelect(String pstateVar, Path path) {
    return with(chain.localSelect(pstateVar, path));
  }

  @Override
  public Case.Impl localTransform(String pstateVar, Path path) {
    return with(chain.localTransform(pstateVar, path));
  }

  @Override
  public Case.Impl anchor(String anchor) {
    return with(chain.anchor(anchor));
  }

  @Override
  public Case.Impl hook(String anchor) {
    return with(chain.hook(anchor));
  }

  @Override
  public Case.Impl unify(String... anchors) {
    return with(chain.unify(anchors));
  }

  @Override
  public Case.Impl branch(String anchor, Block block) {
    return with(chain.branch(anchor, block));
  }

  @Override
  public Case.Impl cond(Case... cases) {
    return with(chain.cond(cases));
  }

  @Override
  public Case.Impl atomicBlock(Block block) {
    return with(chain.atomicBlock(block));
  }

  @Override
  public Case.OutImpl loop(Block body) {
    return with(chain.loop(body));
  }

  @Override
  public Case.OutImpl loopWithVars(LoopVars vars, Block body) {
    return with(chain.loopWithVars(vars, body));
  }

  @Override
  public Case.Impl continueLoop(Object... args) {
    return with(chain.continueLoop(args));
  }

  @Override
  public Case.Impl emitLoop(Object... args) {
    return with(chain.emitLoop(args));
  }

  @Override
  public Case.Impl yieldIfOvertime() {
    return with(chain.yieldIfOvertime());
  }

  @Override
  public Case.Impl subSource(Object arg, SubSource... cases) {
    return with(chain.subSource(arg, cases));
  }

  @Override
  public Case.Impl localClear(String pstateVar) {
    return with(chain.localClear(pstateVar));
  }

  @Override
  public Case.MultiOutImpl outStream(String stream, String anchor, String... vars) {
    return with(chain.outStream(stream, anchor, vars));
  }

  @Override
  public Case.Impl out(String... vars) {
    return with(chain.out(vars));
  }
}

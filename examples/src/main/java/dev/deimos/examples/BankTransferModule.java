package dev.deimos.examples;

import dev.deimos.Block;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.Expr;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.helpers.TopologyUtils;
import dev.deimos.module.MicrobatchTopology;
import dev.deimos.ops.Ops;
import java.io.Serializable;
import java.util.Map;

/**
 * Bank accounts: deposits, transfers between users that are refused when the sender's balance would
 * go negative, balances and per-user transfer histories, kept by one microbatch topology.
 *
 * <ul>
 *   <li>{@code *deposits} ({@link Deposit}, partitioned by user) adds to {@code $$funds}.
 *   <li>{@code *transfers} ({@link Transfer}, partitioned by sender) runs on the sender's task: the
 *       balance check and the debit happen there for one transfer at a time, in append order, so
 *       two transfers from one account can never spend the same money. A successful transfer then
 *       moves to the recipient's task and credits it.
 *   <li>{@code $$outgoingTransfers} holds every transfer a user sent, refused ones included, by
 *       transfer id, with its {@code success}; {@code $$incomingTransfers} holds the successful
 *       ones a user received. Clients learn the outcome of a transfer there.
 * </ul>
 *
 * <p>Each microbatch commits as one transaction across all tasks: if anything fails, every debit,
 * credit and history entry of the microbatch is rolled back and the microbatch runs again, so a
 * transfer is applied exactly once and readers never see a debit without its credit. A deposit and
 * a transfer that land in the same microbatch are applied in no particular order.
 */
public class BankTransferModule implements DeimosModule {
  /**
   * Money paid into an account.
   *
   * @param userId the account
   * @param amount the amount in cents, positive
   */
  public record Deposit(String userId, long amount) implements Serializable {}

  /**
   * A transfer request.
   *
   * @param transferId an id chosen by the client, unique per sender
   * @param fromUserId the account paying
   * @param toUserId the account receiving
   * @param amount the amount in cents, positive
   */
  public record Transfer(String transferId, String fromUserId, String toUserId, long amount)
      implements Serializable {}

  @Override
  public void define(Setup setup, Topologies topologies) {
    setup.declareDepot("*deposits", Depot.hashBy((Deposit d) -> d.userId()));
    setup.declareDepot("*transfers", Depot.hashBy((Transfer t) -> t.fromUserId()));

    MicrobatchTopology bank = topologies.microbatch("banking");
    bank.pstate("$$funds", PState.mapSchema(String.class, Long.class));
    bank.pstate(
        "$$outgoingTransfers",
        PState.mapSchema(
            String.class,
            PState.mapSchema(
                    String.class,
                    PState.fixedKeysSchema(
                        "toUserId", String.class, "amount", Long.class, "success", Boolean.class))
                .subindexed()));
    bank.pstate(
        "$$incomingTransfers",
        PState.mapSchema(
            String.class,
            PState.mapSchema(
                    String.class,
                    PState.fixedKeysSchema("fromUserId", String.class, "amount", Long.class))
                .subindexed()));

    bank.source("*deposits")
        .out("*microbatch")
        .explodeMicrobatch("*microbatch")
        .out("*deposit")
        .macro(TopologyUtils.extractJavaFields("*deposit", "*userId", "*amount"))
        .keepTrue(new Expr(Ops.GREATER_THAN, "*amount", 0L))
        .localTransform(
            "$$funds", Path.key("*userId").nullToVal(0L).term(Ops.PLUS_LONG, "*amount"));

    bank.source("*transfers")
        .out("*microbatch")
        .explodeMicrobatch("*microbatch")
        .out("*transfer")
        .macro(
            TopologyUtils.extractJavaFields(
                "*transfer", "*transferId", "*fromUserId", "*toUserId", "*amount"))
        .localSelect("$$funds", Path.key("*fromUserId").nullToVal(0L))
        .out("*funds")
        .each(BankTransferModule::allowed, "*fromUserId", "*toUserId", "*amount", "*funds")
        .out("*success")
        .ifTrue(
            "*success",
            Block.localTransform(
                "$$funds", Path.key("*fromUserId").term(Ops.MINUS_LONG, "*amount")))
        .each(
            (String to, Long amount, Boolean success) ->
                Map.of("toUserId", to, "amount", amount, "success", success),
            "*toUserId",
            "*amount",
            "*success")
        .out("*outRecord")
        .localTransform(
            "$$outgoingTransfers", Path.key("*fromUserId", "*transferId").termVal("*outRecord"))
        .keepTrue("*success")
        .hashPartition("*toUserId")
        .localTransform(
            "$$funds", Path.key("*toUserId").nullToVal(0L).term(Ops.PLUS_LONG, "*amount"))
        .each(
            (String from, Long amount) -> Map.of("fromUserId", from, "amount", amount),
            "*fromUserId",
            "*amount")
        .out("*inRecord")
        .localTransform(
            "$$incomingTransfers", Path.key("*toUserId", "*transferId").termVal("*inRecord"));
  }

  /** A transfer goes through when it moves a positive amount to someone else and is covered. */
  static boolean allowed(String from, String to, Long amount, Long funds) {
    return amount > 0 && !from.equals(to) && funds >= amount;
  }
}

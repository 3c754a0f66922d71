package dev.deimos.examples;

import dev.deimos.Block;
import dev.deimos.DeimosModule;
import dev.deimos.Depot;
import dev.deimos.Expr;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.helpers.ModuleUniqueIdPState;
import dev.deimos.helpers.TopologyUtils;
import dev.deimos.module.StreamTopology;
import dev.deimos.ops.Ops;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * User accounts: registering a username with an email gives the new user a 64-bit id that is unique
 * across the module, a taken username is refused, and profiles can be edited afterwards.
 *
 * <ul>
 *   <li>{@code *registrations} takes {@link Register} records and is partitioned by username, so
 *       every registration for one username runs on one task, one at a time: the first claims the
 *       name in {@code $$usernameToId}, later ones see it taken. The append returns the new id as
 *       the {@code "registration"} ack value, or {@code null} when the name was taken.
 *   <li>{@code *profileEdits} takes {@link EditProfile} records partitioned by user id; an edit of
 *       an unknown user or of a field other than {@code email} or {@code displayName} is ignored
 *       and acks {@code false}.
 *   <li>{@code $$profiles} maps user id to a profile map ({@code username}, {@code email}, {@code
 *       displayName}); the query {@code "profileByUsername"} looks a profile up by username.
 * </ul>
 */
public class UserRegistrationModule implements DeimosModule {
  /** Fields a profile edit may change. */
  static final Set<String> EDITABLE = Set.of("email", "displayName");

  /**
   * A registration request.
   *
   * @param username the requested username
   * @param email the user's email
   */
  public record Register(String username, String email) implements Serializable {}

  /**
   * A change of one profile field.
   *
   * @param userId the id returned by the registration
   * @param field {@code "email"} or {@code "displayName"}
   * @param value the new value
   */
  public record EditProfile(long userId, String field, String value) implements Serializable {}

  @Override
  public void define(Setup setup, Topologies topologies) {
    setup.declareDepot("*registrations", Depot.hashBy((Register r) -> r.username()));
    setup.declareDepot("*profileEdits", Depot.hashBy((EditProfile e) -> e.userId()));

    StreamTopology users = topologies.stream("registration");
    ModuleUniqueIdPState userIds = new ModuleUniqueIdPState("$$userIdGen");
    userIds.declarePState(users);
    users.pstate("$$usernameToId", PState.mapSchema(String.class, Long.class));
    users.pstate(
        "$$profiles",
        PState.mapSchema(
            Long.class,
            PState.fixedKeysSchema(
                "username", String.class, "email", String.class, "displayName", String.class)));

    users
        .source("*registrations")
        .out("*reg")
        .macro(TopologyUtils.extractJavaFields("*reg", "*username", "*email"))
        .localSelect("$$usernameToId", Path.key("*username"))
        .out("*existingId")
        // a taken name stops here: nothing is written and the ack value stays null
        .keepTrue(new Expr(Ops.IS_NULL, "*existingId"))
        .macro(userIds.genId("*userId"))
        .localTransform("$$usernameToId", Path.key("*username").termVal("*userId"))
        .ackReturn("*userId")
        .each(UserRegistrationModule::newProfile, "*username", "*email")
        .out("*profile")
        .hashPartition("*userId")
        .localTransform("$$profiles", Path.key("*userId").termVal("*profile"));

    users
        .source("*profileEdits")
        .out("*edit")
        .macro(TopologyUtils.extractJavaFields("*edit", "*userId", "*field", "*value"))
        .localSelect("$$profiles", Path.key("*userId").view(Ops.IS_NOT_NULL))
        .out("*known")
        .each(
            (Boolean known, String field) -> known && EDITABLE.contains(field), "*known", "*field")
        .out("*applies")
        .ifTrue(
            "*applies",
            Block.localTransform("$$profiles", Path.key("*userId", "*field").termVal("*value")))
        .ackReturn("*applies");

    // username -> profile, or null when nobody registered the name
    topologies
        .query("profileByUsername", "*username")
        .out("*profile")
        .hashPartition("*username")
        .localSelect("$$usernameToId", Path.key("*username"))
        .out("*userId")
        // -1 is never an id (ids are non-negative), so an unknown name reads no profile
        .each((Long id) -> id == null ? -1L : id, "*userId")
        .out("*lookupId")
        .select("$$profiles", Path.key("*lookupId"))
        .out("*profile")
        .originPartition();
  }

  private static Map<String, Object> newProfile(String username, String email) {
    Map<String, Object> profile = new HashMap<>();
    profile.put("username", username);
    profile.put("email", email);
    return profile;
  }
}

package dev.deimos.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.QueryTopologyClient;
import dev.deimos.examples.UserRegistrationModule.EditProfile;
import dev.deimos.examples.UserRegistrationModule.Register;
import dev.deimos.test.InProcessCluster;
import dev.deimos.test.LaunchConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UserRegistrationModuleTest {
  private static final String NAME = UserRegistrationModule.class.getName();

  private static Long register(Depot registrations, String username, String email) {
    return (Long) registrations.append(new Register(username, email)).get("registration");
  }

  @Test
  void register_newAndTakenNames_returnsIdOnlyForFirstClaim() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new UserRegistrationModule(), new LaunchConfig(4, 2));
      Depot registrations = cluster.clusterDepot(NAME, "*registrations");
      Long alice = register(registrations, "alice", "alice@example.com");
      Long bob = register(registrations, "bob", "bob@example.com");
      assertThat(alice).isNotNull();
      assertThat(bob).isNotNull().isNotEqualTo(alice);
      assertThat(register(registrations, "alice", "impostor@example.com")).isNull();

      PState profiles = cluster.clusterPState(NAME, "$$profiles");
      Map<String, Object> profile = profiles.selectOne(Path.key(alice));
      assertThat(profile).isEqualTo(Map.of("username", "alice", "email", "alice@example.com"));
      PState names = cluster.clusterPState(NAME, "$$usernameToId");
      assertThat((Long) names.selectOne(Path.key("alice"))).isEqualTo(alice);
    }
  }

  @Test
  void register_sameNamesFromManyClientsAtOnce_eachNameClaimedExactlyOnce() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new UserRegistrationModule(), new LaunchConfig(8, 2));
      Depot registrations = cluster.clusterDepot(NAME, "*registrations");
      // 5 competing clients each try to claim the same 30 names
      List<String> owners = new ArrayList<>();
      List<CompletableFuture<Map<String, Object>>> acks = new ArrayList<>();
      for (int client = 0; client < 5; client++) {
        for (int n = 0; n < 30; n++) {
          owners.add("user" + n + "/client" + client);
          acks.add(registrations.appendAsync(new Register("user" + n, "c" + client + "@x.org")));
        }
      }
      Map<String, Long> winners = new HashMap<>();
      for (int i = 0; i < acks.size(); i++) {
        Long id = (Long) acks.get(i).get(30, TimeUnit.SECONDS).get("registration");
        if (id != null) {
          String username = owners.get(i).split("/")[0];
          assertThat(winners.put(username, id)).as("second winner for " + username).isNull();
        }
      }
      assertThat(winners).hasSize(30);
      assertThat(new HashSet<>(winners.values())).hasSize(30);
      PState names = cluster.clusterPState(NAME, "$$usernameToId");
      PState profiles = cluster.clusterPState(NAME, "$$profiles");
      for (Map.Entry<String, Long> w : winners.entrySet()) {
        assertThat((Long) names.selectOne(Path.key(w.getKey()))).isEqualTo(w.getValue());
        assertThat((String) profiles.selectOne(Path.key(w.getValue(), "username")))
            .isEqualTo(w.getKey());
      }
    }
  }

  @Test
  void editProfile_knownUserAndEditableField_appliedOtherwiseRejected() {
    try (InProcessCluster cluster = InProcessCluster.create()) {
      cluster.launchModule(new UserRegistrationModule(), new LaunchConfig(4, 2));
      Depot registrations = cluster.clusterDepot(NAME, "*registrations");
      Depot edits = cluster.clusterDepot(NAME, "*profileEdits");
      long alice = register(registrations, "alice", "alice@example.com");

      assertThat(edits.append(new EditProfile(alice, "displayName", "Alice A.")))
          .containsEntry("registration", true);
      assertThat(edits.append(new EditProfile(alice, "email", "a@example.org")))
          .containsEntry("registration", true);
      // the username is not editable, and an unknown id has no profile to edit
      assertThat(edits.append(new EditProfile(alice, "username", "mallory")))
          .containsEntry("registration", false);
      assertThat(edits.append(new EditProfile(alice + 1, "email", "x@example.org")))
          .containsEntry("registration", false);

      QueryTopologyClient<Map<String, Object>> byName =
          cluster.clusterQuery(NAME, "profileByUsername");
      assertThat(byName.invoke("alice"))
          .isEqualTo(
              Map.of("username", "alice", "email", "a@example.org", "displayName", "Alice A."));
      assertThat(byName.invoke("nobody")).isNull();
      PState profiles = cluster.clusterPState(NAME, "$$profiles");
      assertThat((Object) profiles.selectOne(Path.key(alice + 1))).isNull();
    }
  }
}

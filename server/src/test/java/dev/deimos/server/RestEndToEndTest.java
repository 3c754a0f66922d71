package dev.deimos.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deimos.server.testmodules.RestModule;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API of a server in a child process, with a token, against {@link RestModule}. */
class RestEndToEndTest {
  static final String TOKEN = "rest-token";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String M = URLEncoder.encode(RestModule.NAME, StandardCharsets.UTF_8);

  @TempDir static java.nio.file.Path tmp;
  static ServerProcess server;
  static int restPort;
  static HttpClient http;

  /** A status and a parsed body. */
  record Answer(int status, String body) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }

    String error() throws Exception {
      return json().get("error").asText();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    server = ServerProcess.start(tmp.resolve("data"), 0, "--token", TOKEN, "--rest-port", "0");
    restPort = Integer.parseInt(Files.readString(server.dataDir.resolve("rest.port")).trim());
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    java.nio.file.Path jar = BadInputTest.testModulesJar(tmp.resolve("testmodules.jar"));
    Object[] r =
        ServerEndToEndTest.cli(
            "deploy",
            "--port",
            Integer.toString(server.port),
            "--token",
            TOKEN,
            "--action",
            "launch",
            "--jar",
            jar.toString(),
            "--module",
            RestModule.class.getName(),
            "--tasks",
            "4",
            "--threads",
            "2");
    assertThat(r[0]).as("%s", r[1]).isEqualTo(0);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  static Answer post(String path, String body) throws Exception {
    return send(path, body, "Bearer " + TOKEN);
  }

  static Answer send(String path, String body, String auth) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  static Answer append(String depot, String body) throws Exception {
    return post("/rest/" + M + "/depot/" + depot + "/append", body);
  }

  static Answer selectOne(String pstate, String path) throws Exception {
    return post("/rest/" + M + "/pstate/" + pstate + "/selectOne", path);
  }

  static Answer select(String pstate, String path) throws Exception {
    return post("/rest/" + M + "/pstate/" + pstate + "/select", path);
  }

  static Answer invoke(String query, String args) throws Exception {
    return post("/rest/" + M + "/query/" + query + "/invoke", args);
  }

  @Test
  void appendSelectInvoke() throws Exception {
    Answer a = append("*values", "{\"data\": [\"k1\", {\"a\": 1, \"b\": [2.5, \"x\"]}]}");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.json().get("store").asText())
        .isEqualTo("Map{String=Integer,String=List[Double,String]}");
    Answer s = selectOne("$$values", "[\"k1\", \"b\"]");
    assertThat(s.status()).as(s.body()).isEqualTo(200);
    assertThat(s.body()).isEqualTo("[2.5,\"x\"]");
    Answer all = select("$$values", "[\"k1\", \"b\", [\"all\"]]");
    assertThat(all.body()).isEqualTo("[2.5,\"x\"]");
    Answer q = invoke("add", "[2, 3]");
    assertThat(q.status()).as(q.body()).isEqualTo(200);
    assertThat(q.body()).isEqualTo("5");
  }

  @Test
  void tokenGuardsEverything() throws Exception {
    Answer a = send("/rest/" + M + "/query/add/invoke", "[1,2]", null);
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.body()).doesNotContain("add").doesNotContain("Module");
    Answer b = send("/rest/nosuch/query/add/invoke", "[1,2]", "Bearer wrong");
    assertThat(b.status()).isEqualTo(401);
    assertThat(b.body()).isEqualTo(a.body());
  }
}

package dev.deimos.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.QueryTopologyClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP server's own behaviour in this JVM: route hooks, 503 during updates, no token. */
class RestServerTest {
  RestServer server;
  final HttpClient http = HttpClient.newHttpClient();
  final AtomicBoolean updating = new AtomicBoolean();

  final RestBackend backend =
      new RestBackend() {
        @Override
        public boolean hasModule(String module) {
          return module.equals("m");
        }

        @Override
        public boolean isUpdating(String module) {
          return updating.get();
        }

        @Override
        public ClassLoader classLoader(String module) {
          return getClass().getClassLoader();
        }

        @Override
        public Depot depot(String module, String depot) {
          throw new IllegalArgumentException("module m has no depot " + depot);
        }

        @Override
        public PState pstate(String module, String pstate) {
          throw new IllegalArgumentException("module m has no PState " + pstate);
        }

        @Override
        public QueryTopologyClient<Object> query(String module, String query) {
          throw new IllegalArgumentException("module m has no query topology " + query);
        }
      };

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  HttpResponse<String> req(String method, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void routesBeforeAndAfterStartAndUpdatingModules() throws Exception {
    server = new RestServer("127.0.0.1", 0, null, RestServer.DEFAULT_MAX_BODY_BYTES);
    server.addRoutes(new RestApi(backend, null)::register);
    server.addRoutes(app -> app.get("/before", ctx -> ctx.result("early")));
    assertThat(server.port()).isEqualTo(-1);
    server.start();
    server.addRoutes(app -> app.get("/after", ctx -> ctx.result("late")));
    assertThat(req("GET", "/before", "").body()).isEqualTo("early");
    assertThat(req("GET", "/after", "").body()).isEqualTo("late");
    // no token configured: open
    HttpResponse<String> d = req("POST", "/rest/m/depot/*d/append", "{\"data\": 1}");
    assertThat(d.statusCode()).isEqualTo(404);
    assertThat(d.body()).contains("has no depot *d");
    updating.set(true);
    HttpResponse<String> u = req("POST", "/rest/m/depot/*d/append", "{\"data\": 1}");
    assertThat(u.statusCode()).isEqualTo(503);
    assertThat(u.body()).contains("module m is being updated");
    assertThat(req("POST", "/rest/m/query/q/invoke", "[]").statusCode()).isEqualTo(503);
    updating.set(false);
    HttpResponse<String> wrongMethod = req("GET", "/rest/m/query/q/invoke", "");
    assertThat(wrongMethod.statusCode()).isIn(404, 405);
    assertThat(wrongMethod.body()).startsWith("{\"error\":");
  }

  @Test
  void tokenRefusesWithoutSayingMore() throws Exception {
    server = new RestServer("127.0.0.1", 0, "t0k", RestServer.DEFAULT_MAX_BODY_BYTES).start();
    server.addRoutes(app -> app.get("/x", ctx -> ctx.result("secret")));
    HttpResponse<String> r = req("GET", "/x", "");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).doesNotContain("secret");
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/x"))
                .header("Authorization", "Bearer t0k")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ok.body()).isEqualTo("secret");
  }

  @Test
  void busyPortIsAClearError() throws Exception {
    server = new RestServer("127.0.0.1", 0, null, RestServer.DEFAULT_MAX_BODY_BYTES).start();
    RestServer second =
        new RestServer("127.0.0.1", server.port(), null, RestServer.DEFAULT_MAX_BODY_BYTES);
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot listen for HTTP on 127.0.0.1:" + server.port());
    } finally {
      second.close();
    }
  }
}

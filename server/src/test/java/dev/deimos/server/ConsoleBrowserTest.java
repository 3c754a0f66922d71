package dev.deimos.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deimos.DeimosClusterManager;
import dev.deimos.Depot;
import dev.deimos.PState;
import dev.deimos.Path;
import dev.deimos.examples.BankTransferModule.Deposit;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/install-browser.sh), against a server in a child process running the example modules.
 * Screenshots of each page go to target/console-*.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  static final String WC = "dev.deimos.examples.WordCountModule";
  static final String BANK = "dev.deimos.examples.BankTransferModule";
  static final java.nio.file.Path SHOTS = java.nio.file.Path.of("target");

  static java.nio.file.Path data;
  static ServerProcess server;
  static String base;
  static WebDriver driver;
  static DeimosClusterManager client;
  static final AtomicBoolean appending = new AtomicBoolean(true);
  static final AtomicLong appended = new AtomicLong();
  static Thread appender;

  /** A failing test leaves a screenshot of what the browser showed. */
  @RegisterExtension
  static final TestWatcher FAILURE_SHOTS =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          try {
            if (driver != null) {
              shot("failed-" + context.getRequiredTestMethod().getName());
            }
          } catch (Exception e) {
            cause.addSuppressed(e);
          }
        }
      };

  @BeforeAll
  static void start() throws Exception {
    java.nio.file.Path chromedriver = java.nio.file.Path.of("/usr/bin/chromedriver");
    if (!Files.isExecutable(chromedriver)) {
      throw new IllegalStateException(
          "the console's browser test needs Debian's chromium and chromium-driver:"
              + " run scripts/install-browser.sh (CI's .ci/run does)");
    }
    data = Files.createTempDirectory("deimos-console-test");
    System.setProperty("deimos.console.sample.millis", "1000");
    server = ServerProcess.start(data, 0, "--examples", ServerEndToEndTest.examplesJar());
    java.nio.file.Path portFile = data.resolve("console.port");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    // the examples deploy after the port opens: wait for the console and all five modules
    while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no console.port: " + log());
      }
      Thread.sleep(50);
    }
    base = "http://127.0.0.1:" + Files.readString(portFile).trim() + "/console/";
    client = DeimosClusterManager.open(ServerEndToEndTest.client(server.port, null, 20_000));
    while (client.getDeployedModuleNames().size() < 5 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Depot sentences = client.clusterDepot(WC, "*sentences");
    Depot deposits = client.clusterDepot(BANK, "*deposits");
    // live traffic, bounded: at most two minutes, stopped by the tests
    appender =
        new Thread(
            () -> {
              long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
              int i = 0;
              while (appending.get() && System.nanoTime() < end) {
                sentences.append("hello deimos console " + (i % 7));
                deposits.append(new Deposit("user" + (i % 5), 10));
                appended.incrementAndGet();
                i++;
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "console-test-appender");
    appender.start();

    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,2600");
    ChromeDriverService svc =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build();
    driver = new ChromeDriver(svc, o);
  }

  @AfterAll
  static void stop() throws Exception {
    appending.set(false);
    if (appender != null) {
      appender.join(10_000);
    }
    if (driver != null) {
      driver.quit();
    }
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static String log() {
    try {
      return Files.readString(data.resolve("console.log"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  /** Waits, retrying reads that hit a part of the page its refresh just replaced. */
  static org.openqa.selenium.support.ui.FluentWait<WebDriver> waiting(int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
  }

  /** The text of an element, read again if the page's refresh replaced it meanwhile. */
  static String text(By by) {
    for (int i = 0; ; i++) {
      try {
        return driver.findElement(by).getText();
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (i == 10) {
          throw e;
        }
      }
    }
  }

  static void shot(String name) throws Exception {
    java.nio.file.Path f = SHOTS.resolve("console-" + name + ".png");
    Files.createDirectories(SHOTS);
    Files.write(f, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  static long number(WebElement e) {
    String t = e.getText().replace(",", "").trim();
    return t.matches("-?[0-9]+") ? Long.parseLong(t) : -1;
  }

  @Test
  @Order(1)
  void clusterPage_showsTheExampleModulesWithLiveNumbers() throws Exception {
    driver.get(base);
    waiting(20)
        .until(
            d ->
                d.findElements(By.cssSelector("#cluster-modules tbody tr[data-module]")).size()
                    == 5);
    assertThat(text(By.cssSelector("#cluster-modules tr[data-module='" + WC + "']")))
        .contains("running");
    long first =
        Long.parseLong(
            text(By.cssSelector("#cluster-modules tr[data-module='" + WC + "'] td.appends"))
                .replace(",", ""));
    // the page refreshes itself: the append count grows without a reload
    waiting(20)
        .until(
            d ->
                number(
                        d.findElement(
                            By.cssSelector(
                                "#cluster-modules tr[data-module='" + WC + "'] td.appends")))
                    > first);
    assertThat(text(By.id("module-count"))).isEqualTo("5");
    assertThat(text(By.id("data-dir-size"))).containsPattern("[0-9]");
    shot("cluster");
  }

  @Test
  @Order(2)
  void modulePage_showsTopologiesDepotsChartsAndGraph() throws Exception {
    driver.get(base + "#/module/" + WC);
    waiting(20)
        .until(
            d ->
                number(
                        d.findElement(
                            By.cssSelector(
                                "#topologies tr[data-topology='wordCount'] td.processed")))
                    > 0);
    assertThat(text(By.cssSelector("#depots tr[data-depot='*sentences']"))).contains("4");
    assertThat(text(By.cssSelector("#pstates tr[data-pstate='$$wordCounts']")))
        .contains("mapSchema(String, Long)");
    // charts: a point per second arrives
    waiting(20)
        .until(
            d -> {
              List<WebElement> c =
                  d.findElements(By.cssSelector("[data-chart='chart-rate-wordCount'] svg"));
              return !c.isEmpty() && Integer.parseInt(c.get(0).getAttribute("data-points")) >= 2;
            });
    // the graph: the compiler's nodes with live counts, the hop between segments
    waiting(20).until(d -> !d.findElements(By.cssSelector("#graph-svg g.node")).isEmpty());
    // read in one script: the graph is redrawn with new counts on every refresh
    @SuppressWarnings("unchecked")
    List<String> nodes =
        (List<String>)
            ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript(
                    "return Array.from(document.querySelectorAll('#graph-svg g.node'))"
                        + ".map(n => n.getAttribute('data-label') + '\\t'"
                        + " + n.getAttribute('data-count'))");
    List<String> labels = nodes.stream().map(n -> n.split("\t")[0]).toList();
    String source =
        nodes.stream().filter(n -> n.startsWith("source(*sentences)\t")).findFirst().orElseThrow();
    assertThat(Long.parseLong(source.split("\t")[1])).isPositive();
    assertThat(labels).anyMatch(l -> l.startsWith("hashPartition"));
    assertThat(labels).anyMatch(l -> l.startsWith("localTransform($$wordCounts"));
    assertThat(driver.findElements(By.cssSelector("#graph-svg path.edge-hop"))).isNotEmpty();
    shot("module-wordcount");
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("document.getElementById('graph-box').scrollIntoView()");
    shot("graph-wordcount");
  }

  @Test
  @Order(3)
  void microbatchModulePage_showsProgressAndBatchPhases() throws Exception {
    driver.get(base + "#/module/" + BANK);
    waiting(20)
        .until(
            d ->
                number(
                        d.findElement(
                            By.cssSelector("#topologies tr[data-topology='banking'] td.processed")))
                    > 0);
    assertThat(text(By.cssSelector("#topologies tr[data-topology='banking']")))
        .contains("records")
        .contains("behind");
    waiting(20).until(d -> !d.findElements(By.cssSelector("#graph-svg g.node")).isEmpty());
    shot("module-bank");
  }

  @Test
  @Order(4)
  void pstateBrowser_pagesKeysAndRunsAPath() throws Exception {
    appending.set(false);
    appender.join(10_000);
    PState counts = client.clusterPState(WC, "$$wordCounts");
    Long hello = (Long) counts.selectOne(Path.key("hello"));
    assertThat(hello).isPositive();
    driver.get(base + "#/module/" + WC);
    waiting(20).until(d -> !d.findElements(By.cssSelector("#pstate-select option")).isEmpty());
    new Select(driver.findElement(By.id("pstate-select"))).selectByValue("$$wordCounts");
    // keys of one partition, then a key opened
    waiting(20).until(d -> !d.findElements(By.cssSelector("#keys a.keylink")).isEmpty());
    driver.findElements(By.cssSelector("#keys a.keylink")).get(0).click();
    waiting(20).until(d -> !d.findElements(By.id("value-plain")).isEmpty());
    assertThat(text(By.id("value-plain"))).containsPattern("[0-9]+");

    driver.findElement(By.id("path-input")).sendKeys("[\"hello\"]");
    driver.findElement(By.id("run-path")).click();
    waiting(20)
        .until(d -> d.findElement(By.id("path-result")).getText().contains(Long.toString(hello)));
    assertThat(text(By.id("path-result")).replaceAll("\\s", "")).isEqualTo("[" + hello + "]");

    // a navigator in REST JSON form, and a bad one named in the error
    WebElement in = driver.findElement(By.id("path-input"));
    in.clear();
    in.sendKeys("[\"hello\", [\"view\", \"#__fOps.INC_LONG\"]]");
    driver.findElement(By.id("run-path")).click();
    waiting(20)
        .until(
            d ->
                d.findElement(By.id("path-result"))
                    .getText()
                    .replaceAll("\\s", "")
                    .equals("[" + (hello + 1) + "]"));
    in.clear();
    in.sendKeys("[[\"noSuchNavigator\"]]");
    driver.findElement(By.id("run-path")).click();
    waiting(20)
        .until(
            d ->
                d.findElement(By.id("path-result"))
                    .getText()
                    .contains("no navigator noSuchNavigator"));
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("document.getElementById('browser').scrollIntoView()");
    shot("pstate-browser");
  }

  @Test
  @Order(5)
  void optionEdit_takesEffectOnTheRunningModule() throws Exception {
    driver.get(base + "#/module/" + WC);
    waiting(20).until(d -> !d.findElements(By.cssSelector("#options-table")).isEmpty());
    driver.findElement(By.id("option-key")).sendKeys("topology.stream.timeout.seconds");
    driver.findElement(By.id("option-value")).sendKeys("42");
    driver.findElement(By.id("option-set")).click();
    waiting(60).until(d -> d.findElement(By.id("option-result")).getText().contains("set to 42"));
    // the running module was re-defined with it (the engine's view shows the define() options)
    waiting(20)
        .until(
            d ->
                !d.findElements(
                        By.cssSelector(
                            "#options-table tr[data-option='topology.stream.timeout.seconds']"))
                    .isEmpty());
    assertThat(
            text(
                By.cssSelector(
                    "#options-table tr[data-option='topology.stream.timeout.seconds'] td.value")))
        .contains("42");
    waiting(20).until(d -> d.findElement(By.id("oplog")).getText().contains("setOption"));
    assertThat(text(By.id("oplog"))).contains("topology.stream.timeout.seconds=42");
    // the CLI sees the stored option too
    Object[] r =
        ServerEndToEndTest.cli(
            "moduleStatus", "--port", Integer.toString(server.port), "--module", WC);
    assertThat((String) r[1]).contains("topology.stream.timeout.seconds");
    // a value the module rejects changes nothing and says why
    WebElement v = driver.findElement(By.id("option-value"));
    v.clear();
    v.sendKeys("-1");
    driver.findElement(By.id("option-set")).click();
    waiting(60)
        .until(d -> d.findElement(By.id("option-result")).getAttribute("class").equals("error"));
    assertThat(text(By.id("option-result"))).contains("positive");
    ((org.openqa.selenium.JavascriptExecutor) driver)
        .executeScript("document.getElementById('options-table').scrollIntoView()");
    shot("options");
  }
}

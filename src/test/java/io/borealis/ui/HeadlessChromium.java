package io.borealis.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless and offline. Absent browser: the test
 * is skipped with a message, except under CI=true, where that is a failure (.ci/run installs it).
 */
public final class HeadlessChromium implements AutoCloseable {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;

  private HeadlessChromium(ChromeDriver driver) {
    this.driver = driver;
  }

  public static HeadlessChromium start(Path profile) {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      String message = "Browser tests need Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
          + "): apt-get install -y chromium chromium-driver";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message + " (CI=true, so this is a failure, not a skip)");
      }
      Assumptions.abort(message);
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1280,900",
        "--user-data-dir=" + profile);
    return new HeadlessChromium(new ChromeDriver(service, options));
  }

  public void open(String url) {
    driver.get(url);
  }

  public Object script(String javascript) {
    return ((JavascriptExecutor) driver).executeScript(javascript);
  }

  /** Polls a JavaScript expression until it is true (errors count as false); rendering-based waits are much slower here. */
  public void awaitTrue(String expression, Duration timeout) {
    long start = System.nanoTime();
    new WebDriverWait(driver, timeout, Duration.ofMillis(50))
        // An element the expression reads may not be on the page yet: that is "not yet", not a failure.
        .ignoring(org.openqa.selenium.JavascriptException.class)
        .withMessage(() -> "waiting for: " + expression + "\npage text:\n" + script("return document.body.innerText"))
        .until(d -> Boolean.TRUE.equals(script("return Boolean(" + expression + ")")));
    long waitedMs = (System.nanoTime() - start) / 1_000_000;
    if (waitedMs > 5_000) {
      System.err.println("Slow browser wait (" + waitedMs + " ms) on " + script("return location.pathname") + ": " + expression);
    }
  }

  /** The browser window's outer size; 390 wide is a phone held upright. */
  public void windowSize(int width, int height) {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
  }

  @Override
  public void close() {
    driver.quit();
  }
}

package io.borealis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorCommandTest {

  @Test
  void theExecutorsClassPathLeavesOutOnlyTheSchedulersLibraries() {
    List<String> kept = List.of("/b/target/classes", "/b/lib/vertx-core-5.1.6.jar", "/b/lib/netty-codec-http-4.2.17.Final.jar",
        "/b/lib/jackson-core-2.21.5.jar", "/b/lib/curator-framework-5.9.0.jar", "/b/lib/zookeeper-3.9.4.jar",
        "/b/lib/slf4j-api-2.0.7.jar", "/b/lib/guava-33.5.0-jre.jar", "/b/lib/vertx-core-logging-5.1.6.jar");
    List<String> dropped = List.of("/b/lib/jackson-databind-2.21.5.jar", "/b/lib/vertx-web-5.1.6.jar", "/b/lib/vertx-web-openapi-router-5.1.6.jar",
        "/b/lib/micrometer-core-1.16.6.jar", "/b/lib/vertx-micrometer-metrics-5.1.6.jar",
        "/b/lib/prometheus-metrics-core-1.4.3.jar", "/b/lib/picocli-4.7.7.jar", "/b/lib/jline-terminal-3.30.6.jar",
        "/b/lib/HdrHistogram-2.2.2.jar", "/b/lib/snakeyaml-2.4.jar");
    String all = String.join(File.pathSeparator, dropped.subList(0, 4)) + File.pathSeparator + String.join(File.pathSeparator, kept)
        + File.pathSeparator + String.join(File.pathSeparator, dropped.subList(4, dropped.size()));

    assertThat(ExecutorCommand.classPathOf(all)).isEqualTo(String.join(File.pathSeparator, kept));
  }
}

package io.borealis.bench;

import io.borealis.config.aurora.AuroraConfig;
import io.borealis.config.aurora.AuroraConfigLoader;
import io.borealis.config.aurora.AuroraJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark (d) of bench/README.md: evaluating {@code .aurora} files. Warm: load, evaluate and
 * convert every job of a file, repeated in one JVM after a warm-up. Cold: the whole
 * {@code borealis job inspect} command as a new JVM, as a user runs it.
 *
 * <p>Usage: {@code AuroraBenchmark [examples-dir=../shared/aurora-examples] [warm-rounds=200] [cold-runs=5]}.
 */
public final class AuroraBenchmark {
  private AuroraBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path examples = Path.of(args.length > 0 ? args[0] : "../shared/aurora-examples");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int coldRuns = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<Path> files = new ArrayList<>(List.of(Path.of("examples/hello_world.aurora")));
    if (Files.isDirectory(examples)) {
      try (Stream<Path> listed = Files.list(examples)) {
        listed.filter(p -> p.toString().endsWith(".aurora")).sorted().forEach(files::add);
      }
    }
    Map<String, String> env = Map.of("USER", "bench", "HOME", System.getProperty("java.io.tmpdir"));
    Map<String, String> binds = Map.of("docker_tag", "latest", "image", "bench", "tag", "latest", "cluster", "devcluster");
    System.out.printf("%-55s %6s %9s %9s %9s%n", "file (warm: load + evaluate + convert)", "jobs", "p50 ms", "mean ms", "max ms");
    double worstMedian = 0;
    for (Path file : files) {
      for (int i = 0; i < rounds / 4; i++) {
        evaluateAll(file, binds, env);
      }
      long[] nanos = new long[rounds];
      int jobs = 0;
      for (int i = 0; i < rounds; i++) {
        long started = System.nanoTime();
        jobs = evaluateAll(file, binds, env);
        nanos[i] = System.nanoTime() - started;
      }
      Arrays.sort(nanos);
      double median = nanos[rounds / 2] / 1e6;
      worstMedian = Math.max(worstMedian, median);
      System.out.printf("%-55s %6d %9.2f %9.2f %9.2f%n", file.getFileName(), jobs, median,
          Arrays.stream(nanos).average().orElse(0) / 1e6, nanos[rounds - 1] / 1e6);
    }
    System.out.printf("worst warm median: %.2f ms (target < 50 ms)%n", worstMedian);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long[] cold = new long[coldRuns];
    for (int i = 0; i < coldRuns; i++) {
      long started = System.nanoTime();
      Process inspect = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.borealis.app.BorealisMain",
          "job", "inspect", "devcluster/www-data/prod/hello", "examples/hello_world.aurora").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (inspect.waitFor() != 0) {
        throw new IllegalStateException("job inspect failed with " + inspect.exitValue());
      }
      cold[i] = System.nanoTime() - started;
    }
    Arrays.sort(cold);
    System.out.printf("cold 'borealis job inspect' (new JVM, whole command): median %d ms, min %d, max %d (target < 1000 ms)%n",
        cold[coldRuns / 2] / 1_000_000, cold[0] / 1_000_000, cold[coldRuns - 1] / 1_000_000);
  }

  private static int evaluateAll(Path file, Map<String, String> binds, Map<String, String> env) {
    AuroraConfig config = AuroraConfigLoader.load(file, binds, env);
    for (AuroraJob job : config.jobs()) {
      job.evaluate().convert();
    }
    return config.jobs().size();
  }
}

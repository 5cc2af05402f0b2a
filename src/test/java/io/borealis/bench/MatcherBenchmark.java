package io.borealis.bench;

import io.borealis.model.Constraint;
import io.borealis.placement.HostOffer;
import io.borealis.placement.MatchResult;
import io.borealis.placement.OfferMatcher;
import io.borealis.placement.PlacementRequest;
import io.borealis.placement.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark (b) of bench/README.md: one placement pass of pending tasks over 1,000 offered hosts
 * (8 cpus, 32 GiB, 101 ports, attributes host and rack) with constraints. Placements per second =
 * tasks per pass × passes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatcherBenchmark {
  /** Pending tasks in one pass. */
  @Param({"1000", "5000"})
  public int tasks;

  /** Distinct jobs they belong to (each job has its own demand and constraints). */
  @Param({"1", "50"})
  public int jobs;

  private List<HostOffer> offers;
  private List<PlacementRequest> pending;

  @Setup
  public void build() {
    offers = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      offers.add(new HostOffer(List.of("offer-" + i), "agent-" + i, "host-" + i, 8, 32768, 65536,
          List.of(new PortRange(31000, 31100)), Map.of("host", "host-" + i, "rack", "r" + (i % 20))));
    }
    pending = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      int job = t % jobs;
      List<Constraint> constraints = Constraint.parse(Map.of("rack", "!r" + (job % 20), "host", "limit:" + (1 + job % 4)));
      pending.add(new PlacementRequest("task-" + t, "c/r/e/job" + job, 0.25 + 0.25 * (job % 3), 128 + 64 * (job % 5), 128,
          job % 2 == 0 ? Set.of("http") : Set.of(), constraints));
    }
  }

  @Benchmark
  public MatchResult onePass() {
    return OfferMatcher.match(pending, offers);
  }
}

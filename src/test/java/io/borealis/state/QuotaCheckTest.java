package io.borealis.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.model.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuotaCheckTest {
  private static final long MB = Resources.MB;

  /** Quota cpu 4, ram 4096 MiB, disk 8192 MiB; consumed and asked in cpu/ram MiB/disk MiB. */
  @ParameterizedTest(name = "consumed {0}/{1}/{2} + asked {3}/{4}/{5} -> fits {6}")
  @CsvSource({
      "0,   0,    0,    4,   4096, 8192, true",
      "3.9, 0,    0,    0.1, 0,    0,    true",
      "0.1, 0,    0,    0.2, 0,    0,    true",
      "3,   0,    0,    1.5, 0,    0,    false",
      "0,   4000, 0,    0,   97,   0,    false",
      "0,   0,    8192, 0,   0,    1,    false",
  })
  void fitsOnlyWhenEveryResourceFits(double cpu, long ram, long disk, double askCpu, long askRam, long askDisk, boolean fits) {
    Resources quota = new Resources(4, 4096 * MB, 8192 * MB, 0);
    String refusal = QuotaCheck.refusal("www-data", quota, new Resources(cpu, ram * MB, disk * MB, 0),
        new Resources(askCpu, askRam * MB, askDisk * MB, 0));
    assertThat(refusal == null).isEqualTo(fits);
  }

  @org.junit.jupiter.api.Test
  void theRefusalSaysWhatIsAskedAndWhatIsLeft() {
    String refusal = QuotaCheck.refusal("www-data", new Resources(4, 4096 * MB, 8192 * MB, 0),
        new Resources(3, 1024 * MB, 0, 0), QuotaCheck.times(new Resources(0.5, 512 * MB, 1024 * MB, 0), 3));
    assertThat(refusal).isEqualTo("Insufficient resource quota for role www-data: production jobs would need cpu 1.50, ram 1536 MiB, "
        + "disk 3072 MiB more, but only cpu 1, ram 3072 MiB, disk 8192 MiB is left of its quota of cpu 4, ram 4096 MiB, disk 8192 MiB"
        + " (an administrator sets it with: borealis admin set-quota CLUSTER www-data CPU RAM DISK)");
  }
}

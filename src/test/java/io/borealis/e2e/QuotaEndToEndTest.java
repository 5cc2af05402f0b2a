package io.borealis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.testing.TestCluster;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production quotas through the CLI and API: none by default, set by an admin, enforced on create, add and update. */
class QuotaEndToEndTest {
  private static final String KEY = "devcluster/www-data/prod/web";

  @TempDir
  Path dir;

  private TestCluster cluster;

  @BeforeEach
  void start() throws Exception {
    cluster = TestCluster.start(dir);
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private static String job(String name, boolean production, double cpu) {
    return """
        {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "%s", "instances": 3, "service": true,
         "production": %s,
         "task": {"processes": [{"name": "p", "cmdline": "exec sleep 600"}], "resources": {"cpu": %s, "ram": 33554432, "disk": 33554432}}}
        """.formatted(name, production, cpu);
  }

  @Test
  void productionJobsFitTheirRolesQuotaAndEverythingElseIsUnaffected() throws Exception {
    Path web = Files.writeString(dir.resolve("web.json"), job("web", true, 1));
    var refused = cluster.cli("job", "create", KEY, web.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("Insufficient resource quota for role www-data: production jobs would need cpu 3, ram 96 MiB, "
        + "disk 96 MiB more, but only cpu 0, ram 0 MiB, disk 0 MiB is left");

    var set = cluster.cli("admin", "set-quota", "devcluster", "www-data", "4", "1GB", "1GB");
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).contains("Quota of role www-data set to cpu 4.0, ram 1.0 GB, disk 1.0 GB");

    assertThat(cluster.cli("job", "create", KEY, web.toString()).exitCode()).isZero();
    var quota = cluster.cli("quota", "get", "devcluster/www-data");
    assertThat(quota.out()).contains("Allocated:\n  CPU: 4.0\n  RAM: 1.0 GB").contains("Production resources consumed:\n  CPU: 3.0\n  RAM: 96 MB");

    var add = cluster.cli("job", "add", KEY + "/0", "2");
    assertThat(add.exitCode()).isEqualTo(1);
    assertThat(add.err()).contains("would need cpu 2, ram 64 MiB, disk 64 MiB more, but only cpu 1, ram 928 MiB");

    HttpResponse<String> bigger = cluster.send("POST", "/api/v1/updates", job("web", true, 2));
    assertThat(bigger.statusCode()).isEqualTo(400);
    assertThat(bigger.body()).contains("would need cpu 6").contains("only cpu 4");

    assertThat(cluster.send("POST", "/api/v1/jobs", job("batch", false, 3)).statusCode())
        .as("non-production jobs do not count against quota").isEqualTo(201);
    HttpResponse<String> negative = cluster.send("PUT", "/api/v1/quotas/www-data", "{\"cpu\": -1, \"ram\": 0, \"disk\": 0}");
    assertThat(negative.statusCode()).isEqualTo(400);
    assertThat(negative.body()).contains("$.cpu");
  }
}

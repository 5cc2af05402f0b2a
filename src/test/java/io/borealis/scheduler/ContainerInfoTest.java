package io.borealis.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.borealis.mesos.wire.MesosJson;
import io.borealis.model.ContainerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job's container as the Mesos ContainerInfo its executor is launched in, in Mesos' JSON. */
class ContainerInfoTest {
  @Test
  void aDockerContainerUsesTheDockerContainerizer() {
    String json = MesosJson.encodeToString(MesosAdapter.containerOf(new ContainerConfig(ContainerConfig.Kind.DOCKER, "nginx:1.25",
        List.of())));
    assertThat(json).isEqualTo("{\"type\":\"DOCKER\",\"docker\":{\"image\":\"nginx:1.25\"}}");
  }

  @Test
  void aMesosContainerNamesItsDockerImageAndVolumes() {
    String json = MesosJson.encodeToString(MesosAdapter.containerOf(new ContainerConfig(ContainerConfig.Kind.MESOS, "nginx:1.25",
        List.of(new ContainerConfig.Volume("/data", "/srv/data", false)))));
    assertThat(json).isEqualTo("{\"type\":\"MESOS\",\"mesos\":{\"image\":{\"type\":\"DOCKER\",\"docker\":{\"name\":\"nginx:1.25\"}}},"
        + "\"volumes\":[{\"container_path\":\"/data\",\"host_path\":\"/srv/data\",\"mode\":\"RW\"}]}");
  }

  @Test
  void noContainerMeansNone() {
    assertThat(MesosAdapter.containerOf(null)).isNull();
  }
}

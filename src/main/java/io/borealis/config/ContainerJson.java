package io.borealis.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.model.ContainerConfig;
import io.borealis.model.Problem;
import java.util.List;
import java.util.Set;

/**
 * A job's {@code container}: {@code {"docker": {"image": "nginx:1.25"}}} or {@code {"mesos": {"image":
 * "nginx:1.25"}}} (a Docker image for the unified containerizer), with optional {@code volumes} of
 * {@code {"container_path", "host_path", "mode": "RO"|"RW"}}.
 */
final class ContainerJson {
  private ContainerJson() {}

  /** Null when the job has no container (or it is malformed, with problems recorded). */
  static ContainerConfig read(JsonFieldReader container) {
    if (container == null) {
      return null;
    }
    container.rejectUnknown(Set.of("docker", "mesos", "volumes"));
    JsonFieldReader docker = container.object("docker");
    JsonFieldReader mesos = container.object("mesos");
    if ((docker == null) == (mesos == null)) {
      container.problems().add(new Problem(container.path("docker"), "give exactly one of docker or mesos"));
      return null;
    }
    JsonFieldReader kind = docker != null ? docker : mesos;
    kind.rejectUnknown(Set.of("image"));
    String image = kind.requiredString("image");
    List<ContainerConfig.Volume> volumes = container.list("volumes", (node, path) -> {
      JsonFieldReader volume = JsonFieldReader.of(node, path, container.problems());
      volume.rejectUnknown(Set.of("container_path", "host_path", "mode"));
      String mode = volume.string("mode", "RO");
      if (!mode.equals("RO") && !mode.equals("RW")) {
        container.problems().add(new Problem(path + ".mode", "expected RO or RW, found '" + mode + "'"));
      }
      return new ContainerConfig.Volume(volume.requiredString("container_path"), volume.requiredString("host_path"), !mode.equals("RW"));
    });
    if (image == null || image.isBlank()) {
      return null;
    }
    return new ContainerConfig(docker != null ? ContainerConfig.Kind.DOCKER : ContainerConfig.Kind.MESOS, image, volumes);
  }

  static ObjectNode write(ContainerConfig container) {
    ObjectNode node = JobJson.object();
    node.putObject(container.kind() == ContainerConfig.Kind.DOCKER ? "docker" : "mesos").put("image", container.image());
    if (!container.volumes().isEmpty()) {
      ArrayNode volumes = node.putArray("volumes");
      container.volumes().forEach(v -> volumes.addObject().put("container_path", v.containerPath()).put("host_path", v.hostPath())
          .put("mode", v.readOnly() ? "RO" : "RW"));
    }
    return node;
  }
}

package io.borealis.model;

import java.util.List;

/**
 * Aurora's {@code container} of a job: run the task's executor in a Docker container (Docker
 * containerizer) or in a Mesos container from an image (unified containerizer), with volumes.
 */
public record ContainerConfig(Kind kind, String image, List<Volume> volumes) {
  public enum Kind { DOCKER, MESOS }

  public record Volume(String containerPath, String hostPath, boolean readOnly) {}

  public ContainerConfig {
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException(kind + " container needs an image");
    }
  }
}

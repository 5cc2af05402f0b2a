package io.borealis.mesos.wire;

import java.util.List;

/**
 * Mesos' {@code ContainerInfo}, as far as Aurora uses it: a Docker container (the Docker
 * containerizer) or a Mesos container with an image (the unified containerizer), and volumes.
 */
public record ContainerInfo(Type type, DockerInfo docker, MesosInfo mesos, List<Volume> volumes) {
  public enum Type { DOCKER, MESOS }

  public record DockerInfo(String image) {}

  public record MesosInfo(Image image) {}

  /** An image for the unified containerizer; Aurora's Mesos containers name Docker images. */
  public record Image(ImageType type, DockerImage docker) {
    public enum ImageType { DOCKER, APPC }
  }

  public record DockerImage(String name) {}

  public record Volume(String containerPath, String hostPath, Mode mode) {
    public enum Mode { RW, RO }
  }

  public static ContainerInfo docker(String image, List<Volume> volumes) {
    return new ContainerInfo(Type.DOCKER, new DockerInfo(image), null, volumes);
  }

  public static ContainerInfo mesosWithDockerImage(String image, List<Volume> volumes) {
    return new ContainerInfo(Type.MESOS, null, new MesosInfo(new Image(Image.ImageType.DOCKER, new DockerImage(image))), volumes);
  }

  /** For messages: {@code DOCKER container with image nginx:1.25}. */
  public String describe() {
    String image = docker != null ? docker.image() : mesos != null && mesos.image() != null && mesos.image().docker() != null
        ? mesos.image().docker().name() : null;
    return type + " container" + (image == null ? "" : " with image " + image);
  }
}

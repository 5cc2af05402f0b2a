package io.borealis.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.borealis.config.JobJson;
import io.borealis.mesos.wire.AgentId;
import io.borealis.mesos.wire.Attribute;
import io.borealis.mesos.wire.CommandInfo;
import io.borealis.mesos.wire.ContainerInfo;
import io.borealis.mesos.wire.ExecutorId;
import io.borealis.mesos.wire.ExecutorInfo;
import io.borealis.mesos.wire.FrameworkId;
import io.borealis.mesos.wire.Offer;
import io.borealis.mesos.wire.Resource;
import io.borealis.mesos.wire.TaskId;
import io.borealis.mesos.wire.TaskInfo;
import io.borealis.mesos.wire.TaskStatus;
import io.borealis.model.ContainerConfig;
import io.borealis.model.Resources;
import io.borealis.model.ScheduledTask;
import io.borealis.model.TaskState;
import io.borealis.placement.HostOffer;
import io.borealis.placement.PortRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where Mesos messages become Borealis values and back: offers into
 * {@link HostOffer}s, assigned tasks into {@code TaskInfo}s for the Borealis executor, and Mesos task
 * states into Aurora's.
 */
final class MesosAdapter {
  /** Aurora names its executor ids {@code thermos-<task id>}. */
  static final String EXECUTOR_PREFIX = "thermos-";

  private final SchedulerSettings settings;

  MesosAdapter(SchedulerSettings settings) {
    this.settings = settings;
  }

  static HostOffer toHostOffer(Offer offer) {
    double cpus = 0;
    double mem = 0;
    double disk = 0;
    List<PortRange> ports = new ArrayList<>();
    for (Resource resource : offer.resources() == null ? List.<Resource>of() : offer.resources()) {
      if (resource.name() == null) {
        continue;
      }
      switch (resource.name()) {
        case "cpus" -> cpus += resource.scalarValue();
        case "mem" -> mem += resource.scalarValue();
        case "disk" -> disk += resource.scalarValue();
        case "ports" -> resource.rangeList().forEach(r -> ports.add(new PortRange((int) r.begin(), (int) r.end())));
        default -> { }
      }
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    if (offer.attributes() != null) {
      for (Attribute attribute : offer.attributes()) {
        attributes.put(attribute.name(), attribute.valueAsString());
      }
    }
    attributes.putIfAbsent("host", offer.hostname());
    return new HostOffer(List.of(offer.id().value()), offer.agentId().value(), offer.hostname(), cpus, mem, disk, ports, attributes);
  }

  /** Aurora's mapping of Mesos task states (TASK_KILLING is left out: Borealis does not ask for it). */
  static TaskState toTaskState(TaskStatus.State state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case TASK_STAGING, TASK_STARTING -> TaskState.STARTING;
      case TASK_RUNNING -> TaskState.RUNNING;
      case TASK_FINISHED -> TaskState.FINISHED;
      case TASK_FAILED -> TaskState.FAILED;
      case TASK_KILLED -> TaskState.KILLED;
      case TASK_LOST, TASK_ERROR, TASK_DROPPED, TASK_GONE, TASK_GONE_BY_OPERATOR -> TaskState.LOST;
      case TASK_UNREACHABLE, TASK_UNKNOWN -> TaskState.PARTITIONED;
      case TASK_KILLING -> null;
    };
  }

  /**
   * A task's sandbox as Mesos agents name it for {@code /files/read}: the virtual path of its executor's
   * latest run (one executor per task here), which a real agent and the dev cluster both serve.
   */
  static String sandboxPath(FrameworkId framework, String taskId) {
    return "/frameworks/" + framework.value() + "/executors/" + EXECUTOR_PREFIX + taskId + "/runs/latest";
  }

  /**
   * The TaskInfo launching {@code task} (already ASSIGNED) with the Borealis executor. The job's role
   * is the executor's {@code CommandInfo.user}, as the contract says: a Mesos agent that may
   * switch users starts the executor as that user; one that does not (the dev cluster) leaves it to
   * the executor, which, running as root, runs the task's processes as that user.
   */
  TaskInfo toTaskInfo(ScheduledTask task, String role) {
    Resources resources = task.config().task().resources();
    List<Resource> taskResources = new ArrayList<>();
    taskResources.add(Resource.scalar("cpus", resources.cpu()).withAllocationRole(role));
    taskResources.add(Resource.scalar("mem", resources.ramMb()).withAllocationRole(role));
    taskResources.add(Resource.scalar("disk", resources.diskMb()).withAllocationRole(role));
    if (!task.ports().isEmpty()) {
      List<Resource.Range> ranges = task.ports().values().stream().sorted().map(p -> new Resource.Range(p, p)).toList();
      taskResources.add(Resource.ranges("ports", ranges).withAllocationRole(role));
    }
    ExecutorInfo executor = new ExecutorInfo(ExecutorInfo.ExecutorType.CUSTOM,
        ExecutorId.of(EXECUTOR_PREFIX + task.taskId()), null, CommandInfo.shell(settings.executorCommand()).withUser(task.jobKey().role()),
        List.of(Resource.scalar("cpus", settings.executorCpus()).withAllocationRole(role),
            Resource.scalar("mem", settings.executorMemMb()).withAllocationRole(role)),
        "AuroraExecutor", null, containerOf(task.config().container()));
    String name = task.jobKey().path() + "/" + task.instance();
    return new TaskInfo(name, TaskId.of(task.taskId()), AgentId.of(task.agentId()), taskResources, executor, null, null,
        payload(task, settings.zkEnsemble()));
  }

  /** Aurora runs its executor (and so the task's processes) inside the job's container, when it has one. */
  static ContainerInfo containerOf(ContainerConfig container) {
    if (container == null) {
      return null;
    }
    List<ContainerInfo.Volume> volumes = container.volumes().stream().map(v -> new ContainerInfo.Volume(v.containerPath(),
        v.hostPath(), v.readOnly() ? ContainerInfo.Volume.Mode.RO : ContainerInfo.Volume.Mode.RW)).toList();
    return container.kind() == ContainerConfig.Kind.DOCKER ? ContainerInfo.docker(container.image(), volumes)
        : ContainerInfo.mesosWithDockerImage(container.image(), volumes);
  }

  /**
   * What the executor needs to run the task: Aurora's job JSON for this instance (as Aurora's
   * {@code MesosTaskInstance}), plus the instance id, the ports the scheduler assigned and, for a
   * job that announces, the ZooKeeper ensemble to announce it in.
   */
  static byte[] payload(ScheduledTask task, String zkEnsemble) {
    ObjectNode job = JobJson.write(task.config());
    job.remove("update_config");
    job.put("instance", task.instance());
    ObjectNode ports = job.putObject("ports");
    task.ports().forEach(ports::put);
    if (zkEnsemble != null && task.config().announce() != null) {
      job.put("zk_ensemble", zkEnsemble);
    }
    return job.toString().getBytes(StandardCharsets.UTF_8);
  }
}

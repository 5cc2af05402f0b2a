package io.borealis.config.aurora.schema;

import static io.borealis.config.aurora.schema.Schema.BOOLEAN;
import static io.borealis.config.aurora.schema.Schema.FLOAT;
import static io.borealis.config.aurora.schema.Schema.INTEGER;
import static io.borealis.config.aurora.schema.Schema.MB;
import static io.borealis.config.aurora.schema.Schema.STRING;
import static io.borealis.config.aurora.schema.Schema.defaulted;
import static io.borealis.config.aurora.schema.Schema.list;
import static io.borealis.config.aurora.schema.Schema.map;
import static io.borealis.config.aurora.schema.Schema.optional;
import static io.borealis.config.aurora.schema.Schema.required;
import static io.borealis.config.aurora.schema.Schema.struct;

import io.borealis.config.aurora.pystachio.ScalarType;
import io.borealis.config.aurora.pystachio.StructType;
import java.util.List;

/** Thermos's schema (apache/thermos/config/schema_base.py): processes, tasks and their resources. */
public final class ThermosSchema {
  private ThermosSchema() {}

  public static final StructType THERMOS_CONTEXT = struct("ThermosContext",
      optional("ports", map(STRING, INTEGER)),
      optional("task_id", STRING),
      optional("user", STRING));

  public static final StructType RESOURCES = struct("Resources",
      required("cpu", FLOAT),
      required("ram", INTEGER),
      required("disk", INTEGER),
      defaulted("gpu", INTEGER, 0L));

  public static final StructType CONSTRAINT = struct("Constraint", optional("order", list(STRING)));

  public static final StructType ROTATE_POLICY = struct("RotatePolicy",
      defaulted("log_size", INTEGER, 100 * MB),
      defaulted("backups", INTEGER, 5L));

  public static final ScalarType LOGGER_DESTINATION = ScalarType.enumeration(null, List.of("file", "console", "both", "none"));
  public static final ScalarType LOGGER_MODE = ScalarType.enumeration(null, List.of("standard", "rotate"));

  public static final StructType LOGGER = struct("Logger",
      defaulted("destination", LOGGER_DESTINATION, "file"),
      defaulted("mode", LOGGER_MODE, "standard"),
      optional("rotate", ROTATE_POLICY));

  public static final StructType PROCESS = struct("Process",
      required("cmdline", STRING),
      required("name", STRING),
      optional("resources", RESOURCES),
      defaulted("max_failures", INTEGER, 1L),
      defaulted("daemon", BOOLEAN, false),
      defaulted("ephemeral", BOOLEAN, false),
      defaulted("min_duration", INTEGER, 5L),
      defaulted("final", BOOLEAN, false),
      optional("logger", LOGGER));

  public static final StructType TASK = struct("Task",
      defaulted("name", STRING, "{{processes[0].name}}"),
      optional("processes", list(PROCESS)),
      defaulted("constraints", list(CONSTRAINT), List.of()),
      optional("resources", RESOURCES),
      defaulted("max_failures", INTEGER, 1L),
      defaulted("max_concurrency", INTEGER, 0L),
      defaulted("finalization_wait", INTEGER, 30L),
      optional("user", STRING));
}

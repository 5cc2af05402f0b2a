package io.borealis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import rules of ../shared/ARCHITECTURE.md §3, enforced. */
class ArchitectureTest {
  private static final String[] PURE = {"io.borealis.model..", "io.borealis.state..", "io.borealis.placement..",
      "io.borealis.events..", "io.borealis.mesos.wire..", "io.borealis.updates..", "io.borealis.health.."};
  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.borealis");
  }

  @Test
  void purePackagesUseNoFrameworksNoIoAndNoClock() {
    noClasses().that().resideInAnyPackage(PURE)
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.netty..", "io.reactivex..", "java.net..",
            "java.nio.file..", "java.util.concurrent..")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .check(classes);
  }

  @Test
  void pureCoreImportsOnlyPureBorealisPackages() {
    classes().that().resideInAnyPackage("io.borealis.model..", "io.borealis.state..", "io.borealis.placement..", "io.borealis.events..",
            "io.borealis.updates..")
        .should().onlyDependOnClassesThat().resideOutsideOfPackage("io.borealis..").orShould().onlyDependOnClassesThat()
        .resideInAnyPackage("io.borealis.model..", "io.borealis.state..", "io.borealis.placement..", "io.borealis.events..",
            "io.borealis.updates..", "java..")
        .check(classes);
    noClasses().that().resideInAnyPackage("io.borealis.model..")
        .should().dependOnClassesThat().resideInAnyPackage("io.borealis.state..", "io.borealis.placement..", "io.borealis.events..")
        .check(classes);
  }

  @Test
  void mesosWireImportsNothingOfBorealis() {
    noClasses().that().resideInAPackage("io.borealis.mesos.wire..")
        .should().dependOnClassesThat().resideInAPackage("io.borealis..").andShould().resideOutsideOfPackage("io.borealis.mesos.wire..")
        .check(classes);
    noClasses().that().resideInAPackage("io.borealis.mesos.wire..")
        .should().dependOnClassesThat().resideInAnyPackage("io.borealis.model..", "io.borealis.state..", "io.borealis.scheduler..",
            "io.borealis.api..", "io.borealis.config..", "io.borealis.placement..", "io.borealis.events..", "io.borealis.mesos.client..")
        .check(classes);
  }

  @Test
  void devClusterAndExecutorSpeakOnlyMesos() {
    for (String pkg : new String[] {"io.borealis.devcluster..", "io.borealis.executor.."}) {
      noClasses().that().resideInAPackage(pkg)
          .should().dependOnClassesThat().resideInAnyPackage("io.borealis.model..", "io.borealis.state..", "io.borealis.placement..",
              "io.borealis.events..", "io.borealis.scheduler..", "io.borealis.api..", "io.borealis.config..", "io.borealis.cli..",
              "io.borealis.mesos.client..", "io.borealis.app..")
          .check(classes);
    }
  }

  /**
   * Executors start without jackson-databind on their class path (it is a fifth of the classes an
   * executor JVM would load), so neither the executor nor the wire model it shares may use it.
   */
  @Test
  void executorAndWireModelUseJacksonsStreamingApiOnly() {
    noClasses().that().resideInAnyPackage("io.borealis.executor..", "io.borealis.mesos.wire..")
        .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind..")
        .check(classes);
  }

  @Test
  void mesosTypesStayInMesosPackagesAndTheSchedulerAdapter() {
    noClasses().that().resideInAnyPackage("io.borealis.model..", "io.borealis.state..", "io.borealis.placement..",
            "io.borealis.events..", "io.borealis.api..", "io.borealis.cli..", "io.borealis.config..")
        .should().dependOnClassesThat().resideInAnyPackage("io.borealis.mesos..")
        .check(classes);
  }

  @Test
  void apiAndCliNeverImportVerticles() {
    noClasses().that().resideInAnyPackage("io.borealis.api..", "io.borealis.cli..")
        .should().dependOnClassesThat().haveSimpleNameEndingWith("Verticle").andShould().resideOutsideOfPackage("io.borealis.api..")
        .check(classes);
    noClasses().that().resideInAnyPackage("io.borealis.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("io.borealis.scheduler..", "io.borealis.api..", "io.vertx..")
        .check(classes);
  }

  @Test
  void nothingImportsApp() {
    noClasses().that().resideOutsideOfPackage("io.borealis.app..")
        .should().dependOnClassesThat().resideInAPackage("io.borealis.app..")
        .check(classes);
  }
}

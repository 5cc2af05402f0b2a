package io.borealis.cli;

import io.borealis.config.JobJson;
import io.borealis.config.aurora.JobConversion;
import io.borealis.config.aurora.JobEvaluation;
import io.borealis.config.aurora.JobView;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code borealis job inspect KEY FILE}: the fully resolved job, as it would be created. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show a job of a file fully resolved (templates, bindings, defaults), without a scheduler.",
    footer = {"", "Example:", "  borealis job inspect devcluster/www-data/prod/hello hello.aurora \\", "      --bind greeting=hi"},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:The job was shown (even if it could not be created; the output says why).",
        "1:The file does not load or does not define the job.", ExitCodes.USAGE})
final class JobInspectCommand implements Callable<Integer> {
  @ParentCommand
  JobCommand job;

  @Parameters(index = "0", paramLabel = "CLUSTER/ROLE/ENV/NAME", description = "Key of the job to show.")
  String key;

  @Parameters(index = "1", paramLabel = "FILE", description = "A .aurora config or a JSON job file.")
  Path file;

  @Mixin
  BindOptions bind;

  @Option(names = "--json", description = "Print JSON for machines instead of text.")
  boolean json;

  @Override
  public Integer call() {
    JobSpec spec = JobSpec.parse(key);
    var out = job.spec.commandLine().getOut();
    if (JobFiles.isJson(file, bind.readJson)) {
      out.println(JobFiles.toJson(JobJson.write(JobFiles.pickJson(file, spec.key(), bind.parsed()))));
    } else {
      JobEvaluation evaluation = JobFiles.evaluate(file, spec.key(), bind.parsed(), job.root.environment());
      JobConversion conversion = evaluation.convert();
      if (json) {
        Map<String, Object> document = new LinkedHashMap<>(JobView.of(evaluation));
        Map<String, Object> borealis = new LinkedHashMap<>();
        borealis.put("creatable", conversion.creatable());
        borealis.put("problems", conversion.problems());
        borealis.put("unsupported", conversion.unsupported());
        borealis.put("warnings", conversion.warnings());
        document.put("borealis", borealis);
        out.println(JobFiles.toJson(document));
      } else {
        out.print(InspectText.of(JobView.of(evaluation), conversion));
      }
    }
    out.flush();
    return 0;
  }
}

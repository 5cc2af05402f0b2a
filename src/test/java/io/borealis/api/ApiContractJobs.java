package io.borealis.api;

/** Job documents the API's contract tests send. */
final class ApiContractJobs {
  static final String JOB = """
      {"cluster": "devcluster", "role": "www-data", "environment": "prod", "name": "web", "instances": 1, "service": true,
       "task": {"processes": [{"name": "main", "cmdline": "exec sleep 600"}],
                "resources": {"cpu": 0.1, "ram": 16777216, "disk": 16777216}}}
      """;

  private ApiContractJobs() {}
}

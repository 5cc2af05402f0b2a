package io.borealis.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema validator's vocabulary, translated for the person who wrote the request. */
class ContractViolationTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Instance type number is invalid. Expected string          | must be a string, not a number",
      "Instance type string is invalid. Expected integer         | must be an integer, not a string",
      "Instance does not have required property \"cmdline\"      | is required",
      "Property \"instancez\" does not match additional properties schema | unknown field",
      "1 is less than 1048576                                    | must be at least 1048576, not 1",
      "5000 is greater than 4000                                 | must be at most 4000, not 5000",
      "Instance does not match any of [\"pause\",\"resume\"]     | must be one of [\"pause\",\"resume\"]",
      "String is too long                                        | String is too long"})
  void wordsTheValidatorsErrors(String error, String words) {
    assertThat(ContractViolation.words(error.strip())).isEqualTo(words.strip());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''                       | $",
      "#                        | $",
      "/instances               | $.instances",
      "#/task/processes/0/name  | $.task.processes[0].name",
      "/constraints/a~1b        | $.constraints.a/b"})
  void pointersBecomeJsonPaths(String pointer, String path) {
    assertThat(ContractViolation.jsonPath(pointer.strip())).isEqualTo(path.strip());
  }
}

package io.borealis.api;

import io.borealis.model.Problem;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request the OpenAPI document does not allow, in the API's own terms: one message and the
 * problems, each at the parameter's name or the body's JSON path ({@code $.task.processes[0]}),
 * worded for the person who wrote the request rather than in the schema validator's vocabulary.
 */
record ContractViolation(String message, List<Problem> problems) {
  private static final Pattern PARAMETER = Pattern.compile("value of (?:query|path|header|cookie) parameter (\\S+) is invalid");
  private static final Pattern WRONG_TYPE = Pattern.compile("Instance type (\\w+) is invalid\\. Expected (\\w+)");
  private static final Pattern REQUIRED = Pattern.compile("Instance does not have required property \"(.+)\"");
  private static final Pattern UNKNOWN = Pattern.compile("Property \"(.+)\" does not match additional properties schema");
  private static final Pattern BELOW = Pattern.compile("(\\S+) is less than (\\S+)");
  private static final Pattern ABOVE = Pattern.compile("(\\S+) is greater than (\\S+)");
  private static final Pattern NOT_ONE_OF = Pattern.compile("Instance does not match any of (.+)");
  /** Errors that only say that something inside failed; the inner errors say what. */
  private static final List<String> WRAPPERS = List.of("does not match schema", "A subschema had errors", "Items did not match schema");

  static ContractViolation of(ValidatorException invalid, Operation operation, String contentType) {
    Matcher parameter = PARAMETER.matcher(invalid.getMessage());
    String where = parameter.find() ? parameter.group(1) : "$";
    List<Problem> problems = new ArrayList<>();
    if (invalid instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      problems = problems(schema.getOutputUnit(), where);
    }
    String message = invalid.getMessage();
    if (message.contains("format of the request body is not supported")) {
      String accepted = operation == null || operation.getRequestBody() == null ? "none"
          : String.join(" or ", operation.getRequestBody().getContent().keySet());
      message = "a body of Content-Type " + (contentType == null ? "(none)" : "'" + contentType + "'") + " is not accepted here; send " + accepted;
    } else if (message.contains("request body can't be decoded")) {
      message = "the request body is not valid JSON";
    } else if (problems.size() == 1) {
      message = (where.equals("$") ? "the request body does not match the API: " : "parameter ") + problems.get(0).path() + " "
          + problems.get(0).message();
    } else if (!problems.isEmpty()) {
      message = (where.equals("$") ? "the request body does not match the API: " : "parameter " + where + " is not valid: ")
          + problems.size() + " problems";
    }
    if (problems.isEmpty()) {
      problems = List.of(new Problem(where, message));
    }
    return new ContractViolation(message, problems);
  }

  /** The innermost errors, each once; "unknown field" only where the field has no error of its own. */
  static List<Problem> problems(OutputUnit root, String where) {
    List<OutputUnit> leaves = new ArrayList<>();
    leaves(root, leaves);
    Map<String, Problem> byKey = new LinkedHashMap<>();
    List<Problem> unknown = new ArrayList<>();
    for (OutputUnit leaf : leaves) {
      String error = leaf.getError();
      if (error == null || WRAPPERS.stream().anyMatch(error::endsWith)) {
        continue;
      }
      String path = where.equals("$") ? jsonPath(leaf.getInstanceLocation()) : where;
      Matcher required = REQUIRED.matcher(error);
      if (required.matches()) {
        path = path + "." + required.group(1);
      }
      Problem problem = new Problem(path, words(error));
      if (UNKNOWN.matcher(error).matches()) {
        unknown.add(problem);
      } else {
        byKey.putIfAbsent(path + "\n" + problem.message(), problem);
      }
    }
    for (Problem field : unknown) {
      boolean hasOwnError = byKey.values().stream().anyMatch(p -> p.path().equals(field.path()) || p.path().startsWith(field.path() + ".")
          || p.path().startsWith(field.path() + "["));
      if (!hasOwnError) {
        byKey.putIfAbsent(field.path() + "\n" + field.message(), field);
      }
    }
    return List.copyOf(byKey.values());
  }

  private static void leaves(OutputUnit unit, List<OutputUnit> into) {
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(error -> leaves(error, into));
    } else {
      into.add(unit);
    }
  }

  /** The validator's sentence in the API's words. */
  static String words(String error) {
    Matcher m;
    if ((m = WRONG_TYPE.matcher(error)).matches()) {
      return "must be " + article(m.group(2)) + ", not " + article(m.group(1));
    }
    if (REQUIRED.matcher(error).matches()) {
      return "is required";
    }
    if (UNKNOWN.matcher(error).matches()) {
      return "unknown field";
    }
    if ((m = BELOW.matcher(error)).matches()) {
      return "must be at least " + m.group(2) + ", not " + m.group(1);
    }
    if ((m = ABOVE.matcher(error)).matches()) {
      return "must be at most " + m.group(2) + ", not " + m.group(1);
    }
    if ((m = NOT_ONE_OF.matcher(error)).matches()) {
      return "must be one of " + m.group(1);
    }
    return error;
  }

  private static String article(String type) {
    return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }

  /** {@code /task/processes/0/name} as {@code $.task.processes[0].name}. */
  static String jsonPath(String pointer) {
    StringBuilder path = new StringBuilder("$");
    String tokens = pointer == null ? "" : pointer.replaceFirst("^#", "").replaceFirst("^/", "");
    if (tokens.isEmpty()) {
      return path.toString();
    }
    for (String token : tokens.split("/")) {
      String name = token.replace("~1", "/").replace("~0", "~");
      path.append(!name.isEmpty() && name.chars().allMatch(Character::isDigit) ? "[" + name + "]" : "." + name);
    }
    return path.toString();
  }
}

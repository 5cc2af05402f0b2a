package io.borealis.model;

/** One thing wrong with an input: where ({@code $.task.resources.cpu}) and what. */
public record Problem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}

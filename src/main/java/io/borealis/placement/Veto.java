package io.borealis.placement;

/**
 * Why a host cannot take a task, in Aurora's words ({@code "Insufficient: cpus"}). The score orders
 * vetoes by how far off the host is, so the most useful reason can be shown first.
 */
public record Veto(String reason, int score) {
  public static Veto insufficient(String resource, double requested, double available) {
    int score = available <= 0 ? 1000 : (int) Math.min(1000, Math.ceil(100 * (requested - available) / requested));
    return new Veto("Insufficient: " + resource, score);
  }
}

package io.borealis.executor;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code order} constraints of a task as "who must have exited 0 before whom". For
 * {@code [{"order": ["fetch", "unpack", "run"]}]}: unpack waits for fetch, run waits for fetch and
 * unpack; a process named in no order list starts at once. Pure and immutable.
 */
final class ProcessOrder {
  private final List<String> names;
  private final Map<String, Set<String>> predecessors;

  /**
   * @throws IllegalArgumentException if an order list names an unknown process or the lists form a
   *     cycle (then some process could never start)
   */
  ProcessOrder(List<String> names, List<List<String>> orders) {
    this.names = List.copyOf(names);
    Map<String, Set<String>> before = new LinkedHashMap<>();
    names.forEach(name -> before.put(name, new LinkedHashSet<>()));
    for (int list = 0; list < orders.size(); list++) {
      List<String> order = orders.get(list);
      for (int i = 0; i < order.size(); i++) {
        String name = order.get(i);
        if (!before.containsKey(name)) {
          throw new IllegalArgumentException("constraint " + list + " orders unknown process '" + name
              + "' (processes: " + names + ")");
        }
        before.get(name).addAll(order.subList(0, i));
      }
    }
    before.replaceAll((name, set) -> Set.copyOf(set));
    this.predecessors = before;
    rejectCycles();
  }

  Set<String> predecessors(String name) {
    return predecessors.getOrDefault(name, Set.of());
  }

  private void rejectCycles() {
    Set<String> done = new HashSet<>();
    for (String name : names) {
      visit(name, new LinkedHashSet<>(), done);
    }
  }

  private void visit(String name, LinkedHashSet<String> path, Set<String> done) {
    if (done.contains(name)) {
      return;
    }
    if (!path.add(name)) {
      throw new IllegalArgumentException("order constraints form a cycle through " + path + " -> " + name);
    }
    for (String before : predecessors(name)) {
      visit(before, path, done);
    }
    path.remove(name);
    done.add(name);
  }
}

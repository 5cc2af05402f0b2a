package io.borealis.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The most recent events, kept so a client that reconnects with {@code Last-Event-ID} misses nothing,
 * and the answer to "can this client resume without a gap?". Pure: no I/O, no clock.
 *
 * <p>It holds every event with an id in {@code (floor, latest]}. The floor starts just below the first
 * event it sees (everything after that was delivered to it in order) and rises as old events are
 * evicted. Example with capacity 3 after events 7, 8, 9, 10: it holds 8, 9, 10 and floor is 7, so a
 * client that last saw 7 gets 8, 9, 10; one that saw 6 missed 7 and must re-read state; one that saw
 * 11 is ahead of anything this scheduler has sent (a restart lost the events, or another cluster).
 *
 * @param <T> what is kept per event (the event and its encoded frame)
 */
final class ReplayBuffer<T> {
  /** What a client resuming after an id gets. */
  sealed interface Resume<T> {}

  /** Every kept item after the client's id, oldest first (possibly none); {@code latest} is the newest id known. */
  record Replay<T>(List<T> items, long latest) implements Resume<T> {}

  /** The client missed events that are no longer kept: it must re-read state, then continue from {@code latest}. */
  record TooOld<T>(long oldestKept, long latest) implements Resume<T> {}

  /** The client's id is beyond the newest known one: it must re-read state, then continue from {@code latest}. */
  record Ahead<T>(long latest) implements Resume<T> {}

  /** Nothing has been seen yet, so nothing can be promised: ask the state owner for its latest id. */
  record Unknown<T>() implements Resume<T> {}

  private final int capacity;
  private final ToLongFunction<T> idOf;
  private final ArrayDeque<T> items = new ArrayDeque<>();
  private boolean known;
  private long floor;
  private long latest;

  ReplayBuffer(int capacity, ToLongFunction<T> idOf) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.capacity = capacity;
    this.idOf = idOf;
  }

  /**
   * Keeps {@code item}, evicting the oldest when full. Ids must increase: one that does not (a bug in
   * the publisher) is refused rather than allowed to break the no-gap promise; returns whether it was kept.
   */
  boolean append(T item) {
    long id = idOf.applyAsLong(item);
    if (known && id <= latest) {
      return false;
    }
    if (!known) {
      known = true;
      floor = id - 1;
    }
    items.addLast(item);
    latest = id;
    if (items.size() > capacity) {
      floor = idOf.applyAsLong(items.removeFirst());
    }
    return true;
  }

  /** Whether any event has been seen, so {@link #latest()} means something. */
  boolean known() {
    return known;
  }

  /** The newest id seen; meaningful only when {@link #known()}. */
  long latest() {
    return latest;
  }

  int size() {
    return items.size();
  }

  /** What a client that last saw {@code lastSeen} gets, judged from this buffer alone. */
  Resume<T> resumeAfter(long lastSeen) {
    if (!known) {
      return new Unknown<>();
    }
    if (lastSeen > latest) {
      return new Ahead<>(latest);
    }
    if (lastSeen < floor) {
      return new TooOld<>(floor + 1, latest);
    }
    return new Replay<>(after(lastSeen), latest);
  }

  /**
   * As {@link #resumeAfter(long)}, with the state owner's latest id for when this buffer has seen
   * nothing yet (just after a start). The state owner answers only once every event up to that id was
   * published, so if this buffer is still empty, a client exactly at that id is up to date; one behind
   * it missed events published before this buffer existed.
   */
  Resume<T> resumeAfter(long lastSeen, long stateLatest) {
    if (known) {
      return resumeAfter(lastSeen);
    }
    if (lastSeen > stateLatest) {
      return new Ahead<>(stateLatest);
    }
    if (lastSeen < stateLatest) {
      return new TooOld<>(stateLatest + 1, stateLatest);
    }
    return new Replay<>(List.of(), stateLatest);
  }

  private List<T> after(long lastSeen) {
    // Walk back from the newest: a reconnecting client is usually only a few events behind.
    List<T> newestFirst = new ArrayList<>();
    Iterator<T> it = items.descendingIterator();
    while (it.hasNext()) {
      T item = it.next();
      if (idOf.applyAsLong(item) <= lastSeen) {
        break;
      }
      newestFirst.add(item);
    }
    List<T> result = new ArrayList<>(newestFirst.size());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      result.add(newestFirst.get(i));
    }
    return result;
  }
}

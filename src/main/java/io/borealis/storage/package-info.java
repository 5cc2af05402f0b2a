/**
 * Durable scheduler state: an append-only journal of {@link io.borealis.storage.Mutation}s with
 * periodic snapshots, group commit on a writer thread, checksummed records and an OS file lock.
 *
 * <p>Why a home-grown journal rather than H2 MVStore, RocksDB or SQLite: all four were measured on
 * this machine (../shared/deps.md, section 5). An fsync costs 1-3 ms here and dominates every engine,
 * so group commit is what matters; with it the plain journal was the fastest to write (35-39k
 * records/s in batches of 100, against 26k for MVStore) and to reload (100k records in 0.16-0.44 s),
 * adds no jar, and its whole format fits on a page: {@link io.borealis.storage.RecordFormat}. The
 * scheduler already keeps all state in memory, so it needs a log and a way to reload it, not a
 * queryable store. What the journal costs us is compaction, which snapshots cover: when a segment
 * has grown past a threshold the writer starts a new one and a second thread writes the state as of
 * that point; older files are deleted only once the snapshot is durable.
 *
 * <p>Behind {@link io.borealis.storage.StateLog} a replicated log can later replace the local journal
 * without changing the verticles. No Vert.x here: threads are plain, and callers adapt the stages.
 */
package io.borealis.storage;

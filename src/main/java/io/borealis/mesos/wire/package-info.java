/**
 * The Mesos v1 HTTP API on the wire: scheduler and executor Calls and Events as records, their JSON
 * form exactly as Mesos writes it (proto field names in snake_case, enums as names, bytes as Base64),
 * and RecordIO framing for the streaming responses.
 *
 * <p>Vocabulary follows Mesos' {@code mesos.proto}, {@code scheduler.proto} and {@code executor.proto};
 * a record here is named after its proto message ({@code TaskInfo}, {@code Offer}). Fields we do not
 * use yet are simply absent: decoding ignores unknown fields, as Mesos itself does. This package is
 * pure (no I/O, no Vert.x) and imports nothing else of Borealis, so the executor and the dev cluster
 * can share it with the scheduler.
 */
package io.borealis.mesos.wire;

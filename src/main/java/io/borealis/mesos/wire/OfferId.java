package io.borealis.mesos.wire;

/** Mesos `OfferID`: written as `{"value": "..."}`. */
public record OfferId(String value) {
  public static OfferId of(String value) {
    return new OfferId(value);
  }
}

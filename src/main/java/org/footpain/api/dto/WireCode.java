package org.footpain.api.dto;

/** A closed vocabulary value with its lower-case kebab-case code, as it appears on the wire. */
public interface WireCode {
    String code();
}

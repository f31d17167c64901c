package org.footpain.knowledge;

import java.util.List;

/** A test the service may suggest (MRI, EMG/NCS, ABI…), with its order codes. */
public record DiagnosticTest(String id, String name, List<Coding> codes) {
    public DiagnosticTest {
        codes = List.copyOf(codes);
    }
}

package org.footpain.bench;

import org.footpain.engine.Assessment;
import org.footpain.engine.Assessor;
import org.footpain.engine.Presentation;
import org.footpain.knowledge.KnowledgeBaseLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The pure engine alone: {@code new Assessor(kb).assess(presentation)} on the real knowledge base, loaded and indexed
 * once, for a sparse, a typical and a rich patient (the bodies the HTTP benchmark sends). Run with {@code -prof gc}
 * for the allocation per assessment ({@code gc.alloc.rate.norm}, bytes/op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms256m", "-Xmx256m"})
public class EngineBenchmark {

    @Param({"sparse", "typical", "rich"})
    public String patient;

    private Assessor assessor;
    private Presentation presentation;

    @Setup
    public void setUp() {
        assessor = new Assessor(KnowledgeBaseLoader.loadDefault().knowledgeBase());
        presentation = Bodies.presentation(patient);
    }

    @Benchmark
    public Assessment assess() {
        return assessor.assess(presentation);
    }
}

package org.footpain.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.footpain.api.dto.AssessmentRequest;
import org.footpain.api.dto.AssessmentResponse;
import org.footpain.bench.Bodies;
import org.footpain.engine.Assessment;
import org.footpain.engine.Assessor;
import org.footpain.engine.Presentation;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.KnowledgeBaseLoader;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
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

import jakarta.validation.Validation;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON API's own steps around the engine, each alone: reading and validating the body strictly, mapping it to the
 * engine's presentation, building the answer, and writing it with Jackson. Together with {@code EngineBenchmark} they
 * are the work a {@code POST /v1/assessments} does beyond the echo's, outside the HTTP stack.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms256m", "-Xmx256m", "-Dorg.jboss.logging.provider=jdk"})
public class AnswerPathBenchmark {

    @Param({"sparse", "typical", "rich"})
    public String patient;

    private byte[] body;
    private StrictJsonReader<AssessmentRequest> reader;
    private AssessmentRequest request;
    private Assessment assessment;
    private AssessmentResponses responses;
    private AssessmentResponse response;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Setup
    public void setUp() {
        KnowledgeBase kb = KnowledgeBaseLoader.loadDefault().knowledgeBase();
        reader = new StrictJsonReader<>(AssessmentRequest.class, Validation.byProvider(HibernateValidator.class)
                .configure().messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()
                .getValidator());
        // the service logs at INFO (quarkus.log.level); left at ALL, as it is in this JVM, Hibernate Validator
        // formats a trace message for every constraint it checks (a third of the reading's time)
        Logger.getLogger("").setLevel(Level.INFO);
        body = Bodies.bytes(patient);
        request = reader.read(body);
        assessment = new Assessor(kb).assess(FindingsMapper.toPresentation(request));
        responses = new AssessmentResponses(kb);
        response = responses.of(assessment, request, 5);
    }

    @Benchmark
    public AssessmentRequest readAndValidate() {
        return reader.read(body);
    }

    @Benchmark
    public Presentation map() {
        return FindingsMapper.toPresentation(request);
    }

    @Benchmark
    public AssessmentResponse buildAnswer() {
        return responses.of(assessment, request, 5);
    }

    @Benchmark
    public byte[] writeAnswer() throws Exception {
        return json.writeValueAsBytes(response);
    }
}

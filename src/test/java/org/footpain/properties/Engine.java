package org.footpain.properties;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.footpain.api.FindingsMapper;
import org.footpain.api.StrictJsonReader;
import org.footpain.api.dto.AssessmentRequest;
import org.footpain.api.problem.InvalidRequestException;
import org.footpain.api.problem.Violation;
import org.footpain.engine.Assessment;
import org.footpain.engine.Assessor;
import org.footpain.engine.Finding;
import org.footpain.engine.Presentation;
import org.footpain.engine.scoring.ScoredCondition;
import org.footpain.knowledge.KnowledgeBase;
import org.footpain.knowledge.KnowledgeBaseLoader;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.ArrayList;
import java.util.List;

/**
 * The service's pure path without Quarkus: the request bytes through the same strict reader the body reader
 * uses (with a Hibernate Validator of its own), {@link FindingsMapper} to the engine's presentation, and the
 * {@link Assessor} over the knowledge base the service ships.
 */
public final class Engine {

    public static final KnowledgeBase KB = KnowledgeBaseLoader.loadDefault().knowledgeBase();
    private static final Assessor ASSESSOR = new Assessor(KB);
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final StrictJsonReader<AssessmentRequest> READER =
            new StrictJsonReader<>(AssessmentRequest.class, VALIDATOR);

    private Engine() {
    }

    /** The request as the service reads it; throws {@link InvalidRequestException} as the service would. */
    public static AssessmentRequest read(JsonNode body) {
        return READER.read(Requests.bytes(body));
    }

    public static Presentation presentation(JsonNode body) {
        return FindingsMapper.toPresentation(read(body));
    }

    public static Assessment assess(JsonNode body) {
        return ASSESSOR.assess(presentation(body));
    }

    public static Assessment assess(Presentation presentation) {
        return ASSESSOR.assess(presentation);
    }

    /** The violations the reader reports for a body, empty when it reads it. */
    public static List<Violation> violations(JsonNode body) {
        try {
            read(body);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.violations();
        }
    }

    public static ScoredCondition condition(Assessment assessment, String id) {
        return assessment.differential().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The findings of {@code more} that {@code fewer} does not have (as a multiset difference). */
    public static List<Finding> difference(Presentation more, Presentation fewer) {
        List<Finding> extra = new ArrayList<>(more.findings());
        for (Finding f : fewer.findings()) {
            extra.remove(f);
        }
        return extra;
    }
}

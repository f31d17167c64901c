package org.footpain.api.dto;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A risk factor the patient has. */
@Schema(description = "A risk factor the patient has.")
public enum RiskFactor implements WireCode {
    DIABETES("diabetes"),
    CANCER_HISTORY("cancer-history"),
    IMMUNOSUPPRESSION("immunosuppression"),
    INTRAVENOUS_DRUG_USE("intravenous-drug-use"),
    OSTEOPOROSIS("osteoporosis"),
    LONG_TERM_CORTICOSTEROIDS("long-term-corticosteroids"),
    SMOKING("smoking"),
    HYPERTENSION("hypertension"),
    HYPERLIPIDEMIA("hyperlipidemia"),
    CHRONIC_KIDNEY_DISEASE("chronic-kidney-disease"),
    HEAVY_ALCOHOL_USE("heavy-alcohol-use"),
    RECENT_SPINAL_PROCEDURE("recent-spinal-procedure"),
    RECENT_BACTEREMIA_OR_INFECTION("recent-bacteremia-or-infection"),
    PROLONGED_SQUATTING_OR_LEG_CROSSING("prolonged-squatting-or-leg-crossing"),
    RECENT_WEIGHT_LOSS_DIET_OR_BARIATRIC_SURGERY("recent-weight-loss-diet-or-bariatric-surgery"),
    RUNNING_OR_PROLONGED_STANDING("running-or-prolonged-standing"),
    OBESITY("obesity");

    private final String code;

    RiskFactor(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }
}

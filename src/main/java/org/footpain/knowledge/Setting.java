package org.footpain.knowledge;

/** Where the patient is seen; each setting has its own case mix, so its own priors. */
public enum Setting {
    PRIMARY_CARE("primary-care"),
    SPINE_CLINIC("spine-clinic"),
    FOOT_AND_ANKLE_CLINIC("foot-and-ankle-clinic"),
    EMERGENCY_DEPARTMENT("emergency-department");

    /** The contract's default when a request names no setting. */
    public static final Setting DEFAULT = PRIMARY_CARE;

    private final String code;

    Setting(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Setting fromCode(String code) {
        for (Setting setting : values()) {
            if (setting.code.equals(code)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("unknown setting: " + code);
    }
}

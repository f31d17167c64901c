package org.footpain.knowledge;

/**
 * Where one number comes from. {@code basis} says how honest the number is: printed in the source,
 * derived from the source's figures (an LR computed from sensitivity and specificity), or an expert
 * estimate anchored on the source.
 */
public record Citation(String sourceId, Basis basis, String note) {

    public enum Basis {
        PUBLISHED("published"),
        DERIVED("derived"),
        EXPERT_ESTIMATE("expert-estimate");

        private final String code;

        Basis(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}

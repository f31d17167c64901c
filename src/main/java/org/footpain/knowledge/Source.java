package org.footpain.knowledge;

/**
 * One entry of the bibliography. Every number in the knowledge base points at a source by id;
 * {@code shortCitation} is what a response shows ("Suri 2011, Spine").
 */
public record Source(String id, String shortCitation, String citation, Kind kind, String url) {

    public enum Kind {
        STUDY("study"),
        SYSTEMATIC_REVIEW("systematic-review"),
        GUIDELINE("guideline"),
        EXPERT_ESTIMATE("expert-estimate");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}

package org.footpain.engine;

import org.footpain.knowledge.FindingPath;
import org.footpain.knowledge.Setting;
import org.footpain.knowledge.Side;

import java.util.ArrayList;
import java.util.List;

/**
 * Test patients written the way a clinician dictates them: {@code aged(47).pain("calf").left(ACHILLES_REFLEX,
 * "absent")}. Only what is said is supplied; whatever is not mentioned was not examined, exactly as
 * {@code FindingsMapper} leaves out a field that is missing from a request.
 */
public final class Patients {

    private Patients() {
    }

    /** A patient of this age in primary care, with nothing else known. */
    public static Patient aged(int years) {
        return new Patient(Setting.PRIMARY_CARE, List.of(Finding.count(FindingPath.AGE, Side.UNSIDED, years)));
    }

    /** A patient being described; {@link #build()} may be called again after adding or removing findings. */
    public static final class Patient {

        private Setting setting;
        private final List<Finding> findings;

        private Patient(Setting setting, List<Finding> findings) {
            this.setting = setting;
            this.findings = new ArrayList<>(findings);
        }

        public Patient seenIn(Setting where) {
            this.setting = where;
            return this;
        }

        public Patient sex(String sex) {
            return with(Finding.code(FindingPath.SEX, Side.UNSIDED, sex));
        }

        public Patient riskFactors(String... riskFactors) {
            return items(FindingPath.RISK_FACTORS, riskFactors);
        }

        /** {@code left}, {@code right} or {@code bilateral}. */
        public Patient symptomSide(String side) {
            return with(Finding.code(FindingPath.SYMPTOM_SIDE, Side.UNSIDED, side));
        }

        public Patient durationWeeks(double weeks) {
            return with(Finding.measure(FindingPath.DURATION_WEEKS, Side.UNSIDED, weeks));
        }

        /** {@code sudden} or {@code gradual}. */
        public Patient onset(String onset) {
            return with(Finding.code(FindingPath.ONSET, Side.UNSIDED, onset));
        }

        public Patient pain(String... locations) {
            return items(FindingPath.PAIN_LOCATIONS, locations);
        }

        public Patient symptoms(String... symptoms) {
            return items(FindingPath.SYMPTOMS, symptoms);
        }

        public Patient aggravatedBy(String... aggravators) {
            return items(FindingPath.AGGRAVATED_BY, aggravators);
        }

        public Patient relievedBy(String... relievers) {
            return items(FindingPath.RELIEVED_BY, relievers);
        }

        /** Every red flag not listed was asked about and is absent. */
        public Patient redFlagsScreened() {
            return with(Finding.flag(FindingPath.RED_FLAGS_SCREENED, true));
        }

        public Patient redFlags(String... redFlags) {
            return items(FindingPath.RED_FLAGS, redFlags);
        }

        /** A coded examination finding on the left leg ({@code achilles "absent"}). */
        public Patient left(FindingPath path, String value) {
            return with(Finding.code(path, Side.LEFT, value));
        }

        public Patient right(FindingPath path, String value) {
            return with(Finding.code(path, Side.RIGHT, value));
        }

        /** The same coded finding on both legs. */
        public Patient bothLegs(FindingPath path, String value) {
            return left(path, value).right(path, value);
        }

        /** A graded finding on the left leg: an MRC grade, a count of positive provocation tests. */
        public Patient left(FindingPath path, int grade) {
            return with(Finding.count(path, Side.LEFT, grade));
        }

        public Patient right(FindingPath path, int grade) {
            return with(Finding.count(path, Side.RIGHT, grade));
        }

        public Patient bothLegs(FindingPath path, int grade) {
            return left(path, grade).right(path, grade);
        }

        /** A measured finding on the left leg: the ankle-brachial index. */
        public Patient left(FindingPath path, double measure) {
            return with(Finding.measure(path, Side.LEFT, measure));
        }

        public Patient right(FindingPath path, double measure) {
            return with(Finding.measure(path, Side.RIGHT, measure));
        }

        /** Sensory loss in a dermatome ({@code l5}, {@code saddle}…) on a side. */
        public Patient dermatomalLoss(String dermatome, Side side) {
            return with(Finding.code(FindingPath.DERMATOMAL_LOSS, side, dermatome));
        }

        /** Sensory loss in a nerve territory ({@code common-fibular}…) on a side. */
        public Patient nerveTerritoryLoss(String nerve, Side side) {
            return with(Finding.code(FindingPath.NERVE_TERRITORY_LOSS, side, nerve));
        }

        /** A true/false examination finding: stocking distribution, midline tenderness, wide-based gait. */
        public Patient flag(FindingPath path, boolean value) {
            return with(Finding.flag(path, value));
        }

        /** {@code positive} or {@code negative}. */
        public Patient romberg(String result) {
            return with(Finding.code(FindingPath.ROMBERG, Side.UNSIDED, result));
        }

        public Patient temperature(double celsius) {
            return with(Finding.measure(FindingPath.TEMPERATURE, Side.UNSIDED, celsius));
        }

        /**
         * Adds a finding. A finding with one value (a scalar, or one leg of a bilateral finding) replaces what
         * was recorded before, as a re-examination would; a set item or a list item is added beside the others.
         */
        public Patient with(Finding finding) {
            FindingPath.Shape shape = finding.path().shape();
            if (shape == FindingPath.Shape.SCALAR || shape == FindingPath.Shape.BILATERAL) {
                findings.removeIf(f -> f.path() == finding.path() && f.side() == finding.side());
            }
            findings.add(finding);
            return this;
        }

        /** Leaves a finding out again, on every leg and every item: as if it had never been examined. */
        public Patient without(FindingPath path) {
            findings.removeIf(f -> f.path() == path);
            return this;
        }

        /** Leaves one listed item out of a set ({@code history.symptoms}…). */
        public Patient without(FindingPath path, String item) {
            findings.removeIf(f -> f.path() == path && f.value().equals(new FindingValue.Code(item)));
            return this;
        }

        /** An independent copy, to add a finding to one and compare the two. */
        public Patient copy() {
            return new Patient(setting, findings);
        }

        public Presentation build() {
            return new Presentation(setting, findings);
        }

        private Patient items(FindingPath path, String... items) {
            for (String item : items) {
                with(Finding.item(path, item));
            }
            return this;
        }
    }
}

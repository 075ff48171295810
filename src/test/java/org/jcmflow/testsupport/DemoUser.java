package org.jcmflow.testsupport;

import java.util.List;

/** The demo users of keycloak-realm/jcm-realm.json and what they stand for in the tests. */
public final class DemoUser {

    /** Proponent of Nihon EcoTech. */
    public static final String PROPONENT = "tanaka";
    /** Proponent of another organisation, Sakura Engineering. */
    public static final String OTHER_PROPONENT = "suzuki";
    public static final String PROGRAM_MANAGER = "sato";
    public static final String OTHER_PROGRAM_MANAGER = "takahashi";
    /** Committee member from a university: may evaluate any proponent's case. */
    public static final String COMMITTEE_MEMBER = "kobayashi";
    /** Committee member from Sakura Engineering: may not evaluate Sakura's cases. */
    public static final String COMMITTEE_MEMBER_OF_SAKURA = "ito";
    public static final String SECOND_COMMITTEE_MEMBER = "yamamoto";
    public static final String THIRD_COMMITTEE_MEMBER = "inoue";
    /** The committee members of organisations that propose no cases: together they reach the quorum of 3. */
    public static final List<String> INDEPENDENT_COMMITTEE =
            List.of(COMMITTEE_MEMBER, SECOND_COMMITTEE_MEMBER, THIRD_COMMITTEE_MEMBER);
    public static final String VERIFIER = "watanabe";
    public static final String JOINT_COMMITTEE = "nakamura";
    public static final String ADMIN = "admin";

    private DemoUser() {
    }
}

package org.jcmflow.casefile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The programme's calls for proposals (公募), as the case file needs them when a proposal comes in: the calls
 * package keeps them, so that the case file need not know how a call is run.
 *
 * <p>A proposal names its call and is accepted only while the call is open. A proposal without a call is one of a
 * fiscal year for which the programme has recorded no call: the cases filed before the programme kept its calls
 * here. Once a fiscal year has a call, every proposal of that year comes in through one.
 */
public interface ProposalCalls {

    /** A call open for proposals, as the new-proposal page offers it. */
    record OpenCall(UUID id, String title, int fiscalYear) {
    }

    /**
     * Checks that a proposal of the given fiscal year may come in under the call at the given moment: a call that
     * does not exist is an invalid {@code callId}, another fiscal year's call an invalid {@code fiscalYear}, and a
     * call not open at that moment a conflict.
     */
    void admit(UUID callId, int fiscalYear, Instant at);

    /** Whether the programme has recorded a call for the fiscal year: then its proposals need one. */
    boolean anyFor(int fiscalYear);

    /** The calls open at the given moment, the latest fiscal year first. */
    List<OpenCall> openAt(Instant at);
}

package org.jcmflow.problem;

/** What kind of refusal a {@link Problem} is; the web layer alone turns each into an HTTP status. */
public enum ProblemKind {
    /** The input breaks a rule; each bad field is named ({@link InvalidInput}). */
    INVALID,
    /** The input is refused for its size alone, such as an upload over the limit. */
    TOO_LARGE,
    /** No such thing, or none that the caller may see: the two answer alike, so that ids cannot be probed. */
    NOT_FOUND,
    /** The caller may see it but not do this. */
    FORBIDDEN,
    /** The thing is not in a state that allows this, such as a task completed meanwhile. */
    CONFLICT
}

package org.jcmflow.tasks;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An absence as it is recorded.
 *
 * @param person  who is away; absent means the one recording it (a programme manager records anyone's)
 * @param standIn who takes their work meanwhile: someone of the same role
 */
public record NewAbsence(@Size(max = 100) String person, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                         @NotBlank @Size(max = 100) String standIn) {
}

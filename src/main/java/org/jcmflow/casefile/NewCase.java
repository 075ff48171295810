package org.jcmflow.casefile;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What a proponent submits to start a case: a study that reduces emissions and costs something, proposed under a
 * call for proposals ({@code callId}; see {@link ProposalCalls} for a proposal without one).
 */
public record NewCase(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as VN") String partnerCountry,
        @NotBlank @Size(max = 500) String technology,
        @NotNull @Positive @DecimalMax("10000000") @Digits(integer = 8, fraction = 1) BigDecimal estimatedReductionTco2PerYear,
        @NotNull @Positive @DecimalMax("100000") @Digits(integer = 6, fraction = 1) BigDecimal budgetMillionJpy,
        @NotNull Integer fiscalYear,
        UUID callId) {

    /** A proposal of a fiscal year for which no call is recorded. */
    public NewCase(String title, String partnerCountry, String technology, BigDecimal estimatedReductionTco2PerYear,
                   BigDecimal budgetMillionJpy, Integer fiscalYear) {
        this(title, partnerCountry, technology, estimatedReductionTco2PerYear, budgetMillionJpy, fiscalYear, null);
    }
}

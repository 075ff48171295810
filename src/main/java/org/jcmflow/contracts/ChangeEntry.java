package org.jcmflow.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A change to a contract's period, its amount or both (変更契約), with the day it was agreed and why. */
record ChangeEntry(LocalDate changedOn, LocalDate endsOn, BigDecimal amountMillionJpy, String reason) {
}

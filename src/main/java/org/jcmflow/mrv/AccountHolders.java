package org.jcmflow.mrv;

import org.jcmflow.casefile.PartnerCountries;
import org.jcmflow.identity.Organizations;
import org.jcmflow.web.PageMessages;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who holds a registry account, as the reader reads it: the two governments by name in the reader's language (the
 * partner government from its country's name in the register of partner countries), a participant by its
 * organisation's name. The records keep the holder as the MoC statement named it; the name is made when it is read.
 */
@Component
class AccountHolders {

    private final PageMessages messages;
    private final PartnerCountries countries;
    private final Organizations organizations;

    AccountHolders(PageMessages messages, PartnerCountries countries, Organizations organizations) {
        this.messages = messages;
        this.countries = countries;
        this.organizations = organizations;
    }

    /** The holder of an account of a case in the partner country, in the language of the current request. */
    String name(String accountKind, String holder, String partnerCountry) {
        return switch (JcmProcedure.Account.valueOf(accountKind)) {
            case JAPANESE_GOVERNMENT -> messages.get("mrv.holder.japaneseGovernment");
            case PARTNER_GOVERNMENT -> messages.get("mrv.holder.partnerGovernment",
                    countries.names(LocaleContextHolder.getLocale()).getOrDefault(partnerCountry, partnerCountry));
            case JAPANESE_PARTICIPANT, PARTNER_PARTICIPANT -> organizations.name(holder);
        };
    }
}

-- A methodology, PDD or report that holds confidential information comes in two versions: the public one, with
-- those parts masked, which everyone who sees the case reads (and public inputs are asked on), and the confidential
-- one, which only the case's organisation, the third-party entity, the Joint Committee and the programme office
-- read. The confidential version's row names its public version; a public version has at most one.
alter table case_document add column public_version uuid references case_document (id);

create unique index case_document_one_confidential_version on case_document (public_version)
    where public_version is not null;

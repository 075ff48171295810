-- Reports and other files uploaded on a case. The bytes live in the database with the case, so a backup
-- of PostgreSQL is a backup of everything; the name given by the uploader is only ever shown, never a path.
create table case_document (
    id           uuid primary key,
    case_id      uuid not null references project_case (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint not null,
    sha256       char(64) not null,
    content      bytea not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz not null
);

create index case_document_case on case_document (case_id, uploaded_at);

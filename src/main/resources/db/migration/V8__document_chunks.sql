-- A document's bytes in chunks of 256 KB instead of one value: a download reads a chunk at a time and sends it on,
-- an upload writes them as it reads the file, and neither holds the whole file in memory (the driver reads a
-- bytea value whole, and fifty downloads of a 20 MB report held it fifty times). The document's row is written
-- after its chunks, once its size and digest are known: the reference is checked at commit.
create table case_document_chunk (
    document_id uuid    not null references case_document (id) deferrable initially deferred,
    position    integer not null,
    content     bytea   not null,
    primary key (document_id, position)
);

insert into case_document_chunk (document_id, position, content)
select d.id, part.position, substring(d.content from part.position * 262144 + 1 for 262144)
from case_document d
cross join lateral generate_series(0, greatest(length(d.content) - 1, 0) / 262144) as part(position);

alter table case_document drop column content;

-- Marks a demonstration data set as loaded, so that loading it again adds nothing. The insert of the row is the
-- first write of the load and commits with it: a second loader waits for the first and then finds the row.
create table demo_data_load (
    data_set  varchar(100) primary key,
    loaded_at timestamptz not null,
    cases     integer not null
);

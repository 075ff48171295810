-- The reductions forecast for a demonstration when it was selected: per year at the demonstration's end, and
-- cumulative over the five years after it, as the proponent's dissemination plan promised. The follow-up's
-- yearly reports are set against them; a forecast is never counted as a reduction achieved.
create table reduction_forecast (
    case_id                     uuid primary key references project_case (id),
    at_end_tco2_per_year        numeric(14, 1) not null check (at_end_tco2_per_year >= 0),
    five_years_after_tco2       numeric(14, 1) not null check (five_years_after_tco2 >= 0),
    forecast_on                 date not null,
    basis                       varchar(1000) not null,
    recorded_by                 varchar(100) not null,
    recorded_at                 timestamptz not null
);

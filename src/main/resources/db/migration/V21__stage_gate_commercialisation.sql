-- The stage gate is the commercialisation evaluation (事業化評価): members score the prospects of commercialisation
-- too. Evaluations submitted before the criterion existed have no score for it.
alter table stage_gate_evaluation add column score_commercialisation smallint
    check (score_commercialisation between 1 and 5);

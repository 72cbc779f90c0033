-- Sources: the documents facts come from. Every fact in the seed points at one.
create table sources (
    id           bigint generated always as identity primary key,
    code         text not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title_zh     text not null,
    title_en     text not null,
    publisher_zh text,
    publisher_en text,
    published_on date
);

-- Parks: the "one zone, many parks" (一区多园) tree. Enum values are stored as the strings the API speaks,
-- so SQL, JSON and the OpenAPI document read the same.
create table parks (
    id                  bigint generated always as identity primary key,
    code                text not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(code) between 2 and 64),
    kind                text not null check (kind in ('zone', 'park', 'incubator', 'makerSpace', 'industrialPark', 'researchBase')),
    parent_id           bigint references parks (id) on delete restrict,
    name_zh             text not null,
    name_en             text not null,
    description_zh      text not null default '',
    description_en      text not null default '',
    accreditation_level text check (accreditation_level in ('national', 'provincial', 'municipal')),
    land_area           numeric(18, 4) check (land_area >= 0),
    land_area_unit      text check (land_area_unit in ('mu', 'hectare', 'squareMetre')),
    status              text check (status in ('planned', 'underConstruction', 'operating')),
    development_phase   text check (development_phase in ('nearTerm', 'midTerm', 'longTerm')),
    source_id           bigint references sources (id) on delete restrict,
    version             integer not null default 1,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    -- the zone is the one root; everything else hangs below it
    check ((kind = 'zone') = (parent_id is null)),
    check ((land_area is null) = (land_area_unit is null))
);

create index parks_parent_idx on parks (parent_id);
create unique index parks_single_zone on parks ((true)) where kind = 'zone';

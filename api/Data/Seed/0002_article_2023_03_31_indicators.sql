-- Every figure of the article published 2023-03-31 (../shared/seed/ZONE-FACTS.md), as of that day, with the article
-- as its source. Figures belong to the zone unless the article ties them to a park. No figure is invented:
-- where the article gives a breakdown, only the members it names are stored.

insert into indicators (code, name_zh, name_en, description_zh, description_en, category, unit, value_kind, aggregation,
                        breakdown, total_equals_breakdown, planned_completion)
select v.code, v.name_zh, v.name_en, v.description_zh, v.description_en, v.category, v.unit, v.value_kind, v.aggregation,
       case when v.by_level then '{"code": "accreditationLevel", "zh": "认定级别", "en": "Accreditation level",
             "members": [{"code": "national", "zh": "国家级", "en": "National"},
                         {"code": "provincial", "zh": "省级", "en": "Provincial"},
                         {"code": "municipal", "zh": "市级", "en": "Municipal"}]}'::jsonb end,
       v.by_level, v.planned_completion
from (values
    ('national-rnd-institutions', '国家级研发机构', 'National R&D institutions',
     '高新区累计拥有的国家级研发机构数量。', 'National-level R&D institutions in the zone, cumulative.',
     'innovationResources', 'count', 'count', 'sum', false, null::date),
    ('national-rnd-branch-centres', '国家级研发机构分中心', 'Branch centres of national R&D institutions',
     '国家级研发机构在高新区设立的分中心数量。', 'Branch centres of national R&D institutions in the zone.',
     'innovationResources', 'count', 'count', 'sum', false, null),
    ('national-testing-institutions', '国家级资质产品检验检测机构', 'Nationally qualified product inspection and testing institutions',
     '具有国家级相关资质的产品检验检测机构数量。', 'Product inspection and testing institutions holding national qualifications.',
     'innovationResources', 'count', 'count', 'sum', false, null),
    ('provincial-laboratories', '广东省实验室', 'Guangdong provincial laboratories',
     '广东省实验室数量。', 'Guangdong provincial laboratories in the zone.',
     'innovationResources', 'count', 'count', 'sum', false, null),
    ('provincial-key-laboratories', '省级重点实验室', 'Provincial key laboratories',
     '省级重点实验室数量。', 'Provincial key laboratories in the zone.',
     'innovationResources', 'count', 'count', 'sum', false, null),
    ('provincial-new-rnd-institutions', '省级新型研发机构', 'Provincial new-type R&D institutions',
     '省级新型研发机构数量。', 'Provincial new-type R&D institutions in the zone.',
     'innovationResources', 'count', 'count', 'sum', false, null),
    ('enterprise-rnd-institutions', '企业研发机构', 'Enterprise R&D institutions',
     '企业研发机构数量，按认定级别分。', 'Enterprise R&D institutions, by accreditation level.',
     'innovationResources', 'count', 'count', 'sum', true, null),
    ('incubators', '科技企业孵化器', 'S&T enterprise incubators',
     '科技企业孵化器数量，按认定级别分。', 'Science and technology enterprise incubators, by accreditation level.',
     'innovationResources', 'count', 'count', 'sum', true, null),
    ('maker-spaces', '众创空间', 'Maker spaces',
     '众创空间数量，按认定级别分。', 'Maker spaces, by accreditation level.',
     'innovationResources', 'count', 'count', 'sum', true, null),
    ('incubating-enterprises', '在孵企业', 'Enterprises in incubation',
     '入园孵化的企业数量。', 'Enterprises being incubated.',
     'innovationResources', 'count', 'count', 'sum', false, null),
    ('land-acquisition-launched', '已启动土地征收面积', 'Land acquisition launched',
     '已全面启动征收的土地面积。', 'Land whose acquisition has been fully launched.',
     'land', 'mu', 'amount', 'sum', false, null),
    ('key-senior-high-schools', '重点高中', 'Key senior high schools',
     '重点高中学校数量。', 'Key senior high schools.',
     'publicServices', 'count', 'count', 'sum', false, null),
    ('primary-and-junior-schools', '初中、小学学校', 'Junior high and primary schools',
     '初中和小学学校数量。', 'Junior high schools and primary schools.',
     'publicServices', 'count', 'count', 'sum', false, null),
    ('international-schools', '国际学校', 'International schools',
     '国际学校数量。', 'International schools.',
     'publicServices', 'count', 'count', 'sum', false, null),
    ('secondary-schools-under-construction', '在建中学', 'Secondary schools under construction',
     '正在建设的中学数量。', 'Secondary schools under construction.',
     'publicServices', 'count', 'count', 'sum', false, null),
    ('hospitals-grade-2a', '二级甲等医院', 'Grade II-A hospitals',
     '二级甲等医院数量。', 'Hospitals of grade II-A.',
     'publicServices', 'count', 'count', 'sum', false, null),
    ('road-network-phase-2-progress', '路网二期工程进度', 'Road network phase II progress',
     '实验室片区路网二期已完成的总工程量比例；计划 2023 年 10 月完工。', 'Share of the total works of phase II of the road network in the laboratory area that is done; completion planned for October 2023.',
     'infrastructure', 'percent', 'progress', 'latest', false, date '2023-10-31')
) as v (code, name_zh, name_en, description_zh, description_en, category, unit, value_kind, aggregation, by_level, planned_completion);

insert into observations (indicator_id, park_id, period, period_start, period_end, value, breakdown, as_of, source_id, note, recorded_at, recorded_by)
select i.id, p.id, '2023-03-31', date '2023-03-31', date '2023-03-31', v.value, v.breakdown::jsonb, date '2023-03-31', s.id, null, now(), 'seed'
from (values
    ('national-rnd-institutions', 'zhanjiang-hitech-zone', 6, '{}'),
    ('national-rnd-branch-centres', 'zhanjiang-hitech-zone', 2, '{}'),
    ('national-testing-institutions', 'zhanjiang-hitech-zone', 2, '{}'),
    ('provincial-laboratories', 'zhanjiang-hitech-zone', 1, '{}'),
    ('provincial-key-laboratories', 'zhanjiang-hitech-zone', 4, '{}'),
    ('provincial-new-rnd-institutions', 'zhanjiang-hitech-zone', 2, '{}'),
    ('enterprise-rnd-institutions', 'zhanjiang-hitech-zone', 78, '{"provincial": 29, "municipal": 49}'),
    ('incubators', 'zhanjiang-hitech-zone', 5, '{"national": 1, "municipal": 4}'),
    ('maker-spaces', 'zhanjiang-hitech-zone', 4, '{"national": 1, "provincial": 1, "municipal": 2}'),
    ('incubating-enterprises', 'haidong-incubator', 18, '{}'),
    ('land-acquisition-launched', 'haidong', 5000, '{}'),
    ('key-senior-high-schools', 'zhanjiang-hitech-zone', 6, '{}'),
    ('primary-and-junior-schools', 'zhanjiang-hitech-zone', 14, '{}'),
    ('international-schools', 'zhanjiang-hitech-zone', 1, '{}'),
    ('secondary-schools-under-construction', 'zhanjiang-hitech-zone', 2, '{}'),
    ('hospitals-grade-2a', 'zhanjiang-hitech-zone', 1, '{}'),
    ('road-network-phase-2-progress', 'zhanjiang-hitech-zone', 78, '{}')
) as v (indicator_code, park_code, value, breakdown)
join indicators i on i.code = v.indicator_code
join parks p on p.code = v.park_code
join sources s on s.code = 'article-2023-03-31';

insert into observation_revisions (indicator_id, park_id, period, period_start, period_end, action, version, value, breakdown, as_of, source_id, note, recorded_at, recorded_by)
select indicator_id, park_id, period, period_start, period_end, 'created', version, value, breakdown, as_of, source_id, note, recorded_at, recorded_by
from observations;

-- The enterprises the article of 2023-03-31 names (../shared/seed/ZONE-FACTS.md), with what it says of them and
-- nothing more: no credit codes, registration dates, industries or figures, which it does not give.
-- 中国软件 and 鸿博微电子 are among the 18 enterprises incubating in the Haidong incubator; 中海油 and 聚鑫新能源 are
-- named as leading enterprises (the article does not say in which park); 珠海华发集团 builds an innovation industry
-- new town in Haidong Park (a developer building there, not said to be an enterprise of the park).
insert into enterprises (code, name_zh, name_en, park_id, qualifications, content, recorded_at, recorded_by)
select v.code, v.name_zh, v.name_en, p.id, v.qualifications,
       jsonb_strip_nulls(jsonb_build_object(
           'names', jsonb_build_object('zh', v.name_zh, 'en', v.name_en),
           'industries', '[]'::jsonb,
           'qualifications', case when v.incubating
                                  then jsonb_build_array(jsonb_build_object('kind', 'incubatingEnterprise', 'sourceCode', 'article-2023-03-31'))
                                  else '[]'::jsonb end,
           'figures', '[]'::jsonb,
           'parks', case when v.park is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object('parkCode', v.park)) end,
           'sourceCode', 'article-2023-03-31',
           'illustrative', false)),
       now(), 'seed'
from (values
    ('china-software', '中国软件', 'China Software', 'haidong-incubator', true, '{incubatingEnterprise}'::text[]),
    ('hongbo-microelectronics', '鸿博微电子', 'Hongbo Microelectronics', 'haidong-incubator', true, '{incubatingEnterprise}'::text[]),
    ('cnooc', '中海油', 'CNOOC', null, false, '{}'::text[]),
    ('juxin-new-energy', '聚鑫新能源', 'Juxin New Energy', null, false, '{}'::text[]),
    ('huafa-group', '珠海华发集团', 'Huafa Group (Zhuhai)', null, false, '{}'::text[])
) as v (code, name_zh, name_en, park, incubating, qualifications)
left join parks p on p.code = v.park;

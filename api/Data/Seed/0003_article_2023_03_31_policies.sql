-- The policy documents the article of 2023-03-31 names, with what it says of them and nothing more. None had been
-- issued by then, so none has an issue or effective date; the article names no individual "N" measure (an
-- illustrative set lives in samples/, never here).

insert into organisations (code, name_zh, name_en) values
    ('municipal-st-bureau', '湛江市科学技术局', 'Zhanjiang Municipal Science and Technology Bureau'),
    ('zone-management-committee', '湛江国家高新区管委会', 'Management Committee of the Zhanjiang National High-tech Zone'),
    ('zone-development-bureau', '高新区发展建设局', 'Development and Construction Bureau of the High-tech Zone'),
    ('potou-district', '坡头区', 'Potou District');

insert into policies (code, title_zh, title_en, summary_zh, summary_en, body_zh, body_en, issuer_id, role, categories)
select v.code, v.title_zh, v.title_en, v.summary_zh, v.summary_en, v.body_zh, v.body_en, o.id, v.role, v.categories::text[]
from (values
    ('high-quality-development-opinions',
     '关于促进高新技术产业开发区高质量发展的意见',
     'Opinions on Promoting the High-quality Development of High-tech Industrial Development Zones',
     '“1+N”高质量发展政策体系中的“1”：由市科技局牵头拟定，在高新区高质量发展方面给予极大的政策支持。截至 2023 年 3 月 31 日仍在拟定中。',
     'The "1" of the "1+N" high-quality development policy system: drafted under the lead of the municipal science and technology bureau, giving strong policy support to the zone''s high-quality development. Still being drafted as of 31 March 2023.',
     '高新区实施“一区多园”管理模式，由市委、市政府牵头，建立市级联席会议，统筹推进高新区建设发展。市科技局牵头拟定《关于促进高新技术产业开发区高质量发展的意见》，在高新区高质量发展方面给予极大的政策支持。高新区管委会制定扶持力度大、含金量高的政策措施，构建具有湛江高新区特色的“1+N”高质量发展政策体系。',
     'The zone is run as "one zone, many parks", with a municipal joint conference led by the municipal Party committee and government. The municipal science and technology bureau is drafting the Opinions on Promoting the High-quality Development of High-tech Industrial Development Zones, giving strong policy support to the zone''s high-quality development. The zone''s management committee issues support measures of high value, building the zone''s own "1+N" high-quality development policy system.',
     'municipal-st-bureau', 'core', '{}'),
    ('potou-hundred-thousand-ten-thousand-implementation-plan',
     '坡头区贯彻落实“百县千镇万村高质量发展工程”实施方案',
     'Potou District Implementation Plan for the "Hundred Counties, Thousand Towns, Ten Thousand Villages" High-quality Development Project',
     '坡头区起草的区级文件，落实广东省“百县千镇万村高质量发展工程”（百千万工程）。截至 2023 年 3 月 31 日为草案。',
     'A district document drafted by Potou District to carry out Guangdong''s "Hundred Counties, Thousand Towns, Ten Thousand Villages" high-quality development project. A draft as of 31 March 2023.',
     '日前，坡头区起草《坡头区贯彻落实“百县千镇万村高质量发展工程”实施方案》和《坡头区深化实施“百县千镇万村高质量发展工程”综合评价体系》。',
     'Potou District has drafted the Implementation Plan for the "Hundred Counties, Thousand Towns, Ten Thousand Villages" High-quality Development Project and the Comprehensive Evaluation System for deepening it.',
     'potou-district', 'related', '{regionalDevelopment}'),
    ('potou-hundred-thousand-ten-thousand-evaluation-system',
     '坡头区深化实施“百县千镇万村高质量发展工程”综合评价体系',
     'Potou District Comprehensive Evaluation System for Deepening the "Hundred Counties, Thousand Towns, Ten Thousand Villages" High-quality Development Project',
     '坡头区起草的区级文件，为深化实施“百千万工程”建立综合评价体系。截至 2023 年 3 月 31 日为草案。',
     'A district document drafted by Potou District: the comprehensive evaluation system for deepening the "Hundred-Thousand-Ten Thousand" project. A draft as of 31 March 2023.',
     '日前，坡头区起草《坡头区贯彻落实“百县千镇万村高质量发展工程”实施方案》和《坡头区深化实施“百县千镇万村高质量发展工程”综合评价体系》。',
     'Potou District has drafted the Implementation Plan for the "Hundred Counties, Thousand Towns, Ten Thousand Villages" High-quality Development Project and the Comprehensive Evaluation System for deepening it.',
     'potou-district', 'related', '{regionalDevelopment}')
) as v (code, title_zh, title_en, summary_zh, summary_en, body_zh, body_en, issuer_code, role, categories)
join organisations o on o.code = v.issuer_code;

-- Planning documents: the article says the bureau has collected the first three as preliminary material and will
-- commission a third party for the last two. It names no author, so they have no issuer.
insert into policies (code, title_zh, title_en, summary_zh, summary_en, body_zh, body_en, issuer_id, role, categories)
values
    ('haidong-park-planning-study', '海东园区规划研究', 'Haidong Park planning study',
     '高新区发展建设局已收集的前期资料之一。', 'Preliminary material already collected by the zone''s Development and Construction Bureau.',
     '目前，已经收集了海东园区规划研究、产业发展规划、首期控制性详细规划方案等前期资料，将聘请第三方编制湛江国家高新区产业规划、基础设施规划等。',
     'The bureau has collected preliminary material: the Haidong Park planning study, the industry development plan and the first-phase regulatory detailed plan; it will commission a third party to prepare the zone''s industry plan and infrastructure plan.',
     null, 'related', '{planning}'),
    ('haidong-industry-development-plan', '产业发展规划（前期资料）', 'Industry development plan (preliminary material)',
     '高新区发展建设局已收集的前期资料之一。', 'Preliminary material already collected by the zone''s Development and Construction Bureau.',
     '目前，已经收集了海东园区规划研究、产业发展规划、首期控制性详细规划方案等前期资料，将聘请第三方编制湛江国家高新区产业规划、基础设施规划等。',
     'The bureau has collected preliminary material: the Haidong Park planning study, the industry development plan and the first-phase regulatory detailed plan; it will commission a third party to prepare the zone''s industry plan and infrastructure plan.',
     null, 'related', '{planning}'),
    ('haidong-first-phase-regulatory-plan', '首期控制性详细规划方案', 'First-phase regulatory detailed plan',
     '高新区发展建设局已收集的前期资料之一。', 'Preliminary material already collected by the zone''s Development and Construction Bureau.',
     '目前，已经收集了海东园区规划研究、产业发展规划、首期控制性详细规划方案等前期资料，将聘请第三方编制湛江国家高新区产业规划、基础设施规划等。',
     'The bureau has collected preliminary material: the Haidong Park planning study, the industry development plan and the first-phase regulatory detailed plan; it will commission a third party to prepare the zone''s industry plan and infrastructure plan.',
     null, 'related', '{planning}'),
    ('zone-industry-plan', '湛江国家高新区产业规划', 'Industry plan of the Zhanjiang National High-tech Zone',
     '将聘请第三方编制；截至 2023 年 3 月 31 日尚未编制。', 'To be prepared by a third party the bureau will commission; not yet prepared as of 31 March 2023.',
     '将聘请第三方编制湛江国家高新区产业规划、基础设施规划等。',
     'The bureau will commission a third party to prepare the zone''s industry plan and infrastructure plan.',
     null, 'related', '{planning}'),
    ('zone-infrastructure-plan', '湛江国家高新区基础设施规划', 'Infrastructure plan of the Zhanjiang National High-tech Zone',
     '将聘请第三方编制；截至 2023 年 3 月 31 日尚未编制。', 'To be prepared by a third party the bureau will commission; not yet prepared as of 31 March 2023.',
     '将聘请第三方编制湛江国家高新区产业规划、基础设施规划等。',
     'The bureau will commission a third party to prepare the zone''s industry plan and infrastructure plan.',
     null, 'related', '{planning,infrastructure}');

insert into policy_parks (policy_id, park_id)
select pol.id, park.id from policies pol join parks park on park.code = 'haidong'
where pol.code in ('haidong-park-planning-study', 'haidong-industry-development-plan', 'haidong-first-phase-regulatory-plan');

-- Version 1 of each: the content as seeded.
insert into policy_versions (policy_id, version, content, recorded_at, recorded_by)
select p.id, 1, jsonb_build_object(
           'documentNumber', p.document_number, 'title', jsonb_build_object('zh', p.title_zh, 'en', p.title_en),
           'summary', jsonb_build_object('zh', p.summary_zh, 'en', p.summary_en),
           'body', jsonb_build_object('zh', p.body_zh, 'en', p.body_en),
           'issuerCode', o.code, 'role', p.role, 'categories', to_jsonb(p.categories), 'industries', to_jsonb(p.industries),
           'parkCodes', coalesce((select jsonb_agg(k.code order by k.code) from policy_parks pp join parks k on k.id = pp.park_id where pp.policy_id = p.id), '[]'::jsonb),
           'draftedOn', p.drafted_on, 'issuedOn', p.issued_on, 'effectiveFrom', p.effective_from, 'expiresOn', p.expires_on),
       now(), 'seed'
from policies p left join organisations o on o.id = p.issuer_id;

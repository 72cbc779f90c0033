-- The zone's real starting data: every place named by the article published 2023-03-31
-- (../shared/seed/ZONE-FACTS.md). Nothing here is invented: a fact the article does not state stays null.

insert into sources (code, title_zh, title_en, publisher_zh, publisher_en, published_on) values (
    'article-2023-03-31',
    '聚焦“百千万工程”|高新区发展建设局:追“高”逐“新”,推动高新区高质量发展',
    'Focus on the "Hundred-Thousand-Ten Thousand Project" | Development and Construction Bureau of the High-tech Zone: pursuing "high" and "new" for the zone''s high-quality development',
    '高新院 (achie.org)',
    'achie.org',
    date '2023-03-31');

insert into parks (code, kind, parent_id, name_zh, name_en, description_zh, description_en, status, source_id)
select 'zhanjiang-hitech-zone', 'zone', null,
       '湛江国家高新区', 'Zhanjiang National High-tech Zone',
       '位于湛江市坡头区。实施“一区多园”管理模式，由市委、市政府牵头建立市级联席会议统筹推进建设发展；区委区政府提出“五园共建”，按近期、中期和远期开发时序推进。以海洋装备制造、海洋生物医药和海洋电子信息为核心构建“3+N”产业体系。',
       'In Potou District, Zhanjiang. Managed as "one zone, many parks", with a municipal joint conference led by the municipal Party committee and government; the district asks for "five parks built together", developed in near-, mid- and long-term phases. Its "3+N" industrial system centres on marine equipment manufacturing, marine biomedicine and marine electronic information.',
       'operating', s.id
from sources s where s.code = 'article-2023-03-31';

insert into parks (code, kind, parent_id, name_zh, name_en, description_zh, description_en, status, source_id)
select v.code, v.kind, p.id, v.name_zh, v.name_en, v.description_zh, v.description_en, v.status, s.id
from (values
    ('haidong', 'park',
     '海东园区', 'Haidong Park',
     '全面启动 5000 亩土地征收，各项基础设施项目加快推进。将成为湛江经济转型发展的带动区、高新技术产业的孵化区、招商选资的承载区；采取城区模式而非园区模式进行规划建设。珠海华发集团在园区建设创新产业新城。',
     'Land acquisition of 5,000 mu fully launched and infrastructure works accelerating. To be the driver of Zhanjiang''s economic transformation, the incubation area for high-tech industry and the area that hosts investment; planned as a city district rather than an industrial estate. Huafa Group (Zhuhai) is building an innovation industry new town here.',
     'underConstruction'),
    ('haichuang-centre', 'park',
     '海创中心园区', 'Haichuang Centre Park',
     '深圳鹏城实验室湛江办事处入驻，建设“湛江海洋科技研究与产业化基地”。',
     'Hosts the Zhanjiang office of Peng Cheng Laboratory (Shenzhen), which is building the Zhanjiang Marine S&T Research and Industrialisation Base.',
     'operating'),
    ('yuexi-data-valley', 'industrialPark',
     '粤西数谷大数据产业园', 'West Guangdong Data Valley Big-data Industrial Park',
     '高新区下一步发展的龙头基地之一。',
     'One of the leading bases for the zone''s next phase.',
     null),
    ('zhanjiang-bay-lab-longwangwan', 'researchBase',
     '湛江湾实验室龙王湾研发基地', 'Zhanjiang Bay Laboratory, Longwang Bay R&D Base',
     '高新区下一步发展的龙头基地之一。湛江湾实验室计划于 2023 年 6 月搬迁入驻海东。',
     'One of the leading bases for the zone''s next phase. The Zhanjiang Bay Laboratory plans to move into Haidong in June 2023.',
     null)
) as v (code, kind, name_zh, name_en, description_zh, description_en, status)
cross join sources s
join parks p on p.code = 'zhanjiang-hitech-zone'
where s.code = 'article-2023-03-31';

insert into parks (code, kind, parent_id, name_zh, name_en, description_zh, description_en, status, source_id)
select v.code, v.kind, p.id, v.name_zh, v.name_en, v.description_zh, v.description_en, v.status, s.id
from (values
    ('haidong-incubator', 'incubator', 'haidong',
     '湛江高新产业园（孵化器众创空间）', 'Zhanjiang High-tech Industrial Park (incubator and maker space)',
     '位于海东园区，吸引中国软件、鸿博微电子等 18 家企业入园孵化。',
     'Inside Haidong Park; 18 enterprises in incubation, among them China Software and Hongbo Microelectronics.',
     'operating'),
    ('gdmu-haidong-campus', 'researchBase', 'haidong',
     '广东医科大学海东校区', 'Guangdong Medical University, Haidong Campus',
     '高新区依托的两大科研机构之一，计划 2023 年 9 月建成招生。',
     'One of the two research institutions the zone builds on; planned to open for students in September 2023.',
     'underConstruction'),
    ('zhanjiang-marine-st-base', 'researchBase', 'haichuang-centre',
     '湛江海洋科技研究与产业化基地', 'Zhanjiang Marine S&T Research and Industrialisation Base',
     '由入驻海创中心园区的深圳鹏城实验室湛江办事处建设。',
     'Being built by the Zhanjiang office of Peng Cheng Laboratory in Haichuang Centre Park.',
     'underConstruction')
) as v (code, kind, parent_code, name_zh, name_en, description_zh, description_en, status)
cross join sources s
join parks p on p.code = v.parent_code
where s.code = 'article-2023-03-31';

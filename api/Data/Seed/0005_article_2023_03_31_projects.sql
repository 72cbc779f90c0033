-- The zone's works as the article of 2023-03-31 states them (../shared/seed/ZONE-FACTS.md), and nothing more: each
-- status is what the article says on that day, each date at the precision it gives (a month: "2023-06", never an
-- invented day), the laboratory's move-in and what it is scheduled back from (按湛江湾实验室6月份搬迁入驻的时间倒排),
-- and the special-purpose bonds being sought. Where the article gives no date, there is none: such works take their
-- due date from what depends on them.
--
-- The departments the one-to-one approval service works with, as the article names them (坡头区发改、自然资源、
-- 住建、生态环境、交通、科技产业园等部门): service cases name them as the department responsible for a step.
insert into organisations (code, name_zh, name_en) values
    ('potou-development-reform', '坡头区发改部门', 'Potou District development and reform department'),
    ('potou-natural-resources', '坡头区自然资源部门', 'Potou District natural resources department'),
    ('potou-housing-construction', '坡头区住建部门', 'Potou District housing and construction department'),
    ('potou-ecology-environment', '坡头区生态环境部门', 'Potou District ecology and environment department'),
    ('potou-transport', '坡头区交通部门', 'Potou District transport department'),
    ('potou-st-industrial-park', '坡头区科技产业园', 'Potou District S&T industrial park');

insert into projects (code, name_zh, name_en, kind, park_id, content, recorded_at, recorded_by)
select v.code, v.content -> 'names' ->> 'zh', v.content -> 'names' ->> 'en', v.content ->> 'kind', p.id,
       v.content || '{"sourceCode": "article-2023-03-31", "illustrative": false}'::jsonb, now(), 'seed'
from (values
    ('lab-area-road-network', $${
        "names": {"zh": "实验室片区路网", "en": "Laboratory area road network"},
        "descriptions": {"zh": "湛江湾实验室片区的路网工程，分两期；按实验室 6 月份搬迁入驻的时间倒排推进。", "en": "The road network of the Zhanjiang Bay Laboratory's area, in two phases, scheduled backwards from the laboratory's move-in in June."},
        "kind": "road", "parkCode": "haidong", "responsibleCode": "zone-development-bureau"}$$::jsonb),
    ('lab-area-road-network-phase-1', $${
        "names": {"zh": "实验室片区路网一期", "en": "Laboratory area road network, phase I"},
        "kind": "road", "parkCode": "haidong", "phaseOf": "lab-area-road-network", "responsibleCode": "zone-development-bureau",
        "statusReports": [{"asOf": "2023-03-31", "status": "completed", "note": {"zh": "路网一期项目已完工。", "en": "Phase I of the road network is completed."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('lab-area-road-network-phase-2', $${
        "names": {"zh": "实验室片区路网二期", "en": "Laboratory area road network, phase II"},
        "kind": "road", "parkCode": "haidong", "phaseOf": "lab-area-road-network", "responsibleCode": "zone-development-bureau",
        "plannedCompletion": "2023-10",
        "statusReports": [{"asOf": "2023-03-31", "status": "underConstruction", "note": {"zh": "二期已完成总工程量的 78%，计划在今年 10 月份完工。", "en": "78 % of the total works of phase II are done; completion is planned for October this year."}, "sourceCode": "article-2023-03-31"}],
        "progress": {"indicatorCode": "road-network-phase-2-progress", "parkCode": "zhanjiang-hitech-zone"}}$$::jsonb),
    ('lab-area-utilities', $${
        "names": {"zh": "实验室片区通讯、燃气、供水、供电、排水、污水处理设施工程", "en": "Laboratory area telecom, gas, water, power, drainage and sewage works"},
        "descriptions": {"zh": "按湛江湾实验室 6 月份搬迁入驻的时间倒排，加快推进建设。", "en": "Being pushed forward, scheduled backwards from the laboratory's move-in in June."},
        "kind": "utilities", "parkCode": "haidong", "responsibleCode": "zone-development-bureau",
        "statusReports": [{"asOf": "2023-03-31", "status": "underConstruction", "note": {"zh": "加快推进该片区路网、通讯、燃气、供水、供电、排水、污水处理设施工程建设。", "en": "Construction of the area's roads, telecom, gas, water, power, drainage and sewage works is being pushed forward."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('lab-temporary-sewage-facility', $${
        "names": {"zh": "湛江湾实验室生活污水临时处理设施", "en": "Zhanjiang Bay Laboratory temporary domestic-sewage treatment facility"},
        "kind": "utilities", "parkCode": "haidong", "responsibleCode": "zone-development-bureau",
        "statusReports": [{"asOf": "2023-03-31", "status": "preliminary", "note": {"zh": "可于近期启动建设。", "en": "Construction can start soon."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('lab-temporary-gas-supply-point', $${
        "names": {"zh": "实验室片区临时供气点", "en": "Laboratory area temporary gas supply point"},
        "kind": "utilities", "parkCode": "haidong", "responsibleCode": "zone-development-bureau",
        "statusReports": [{"asOf": "2023-03-31", "status": "planned", "note": {"zh": "燃气供应问题将通过设立临时供气点解决。", "en": "Gas supply is to be solved by setting up a temporary supply point."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('talent-apartments', $${
        "names": {"zh": "人才公寓", "en": "Talent apartments"},
        "descriptions": {"zh": "与实验室同时投入使用；临时污水处理设施和临时供气点保障其使用。", "en": "To be usable with the laboratory; the temporary sewage facility and gas supply point serve it."},
        "kind": "publicService", "parkCode": "haidong",
        "milestones": [{"code": "usable", "names": {"zh": "投入使用", "en": "Usable"}, "planned": "2023-06",
                        "dependsOn": [{"projectCode": "lab-temporary-gas-supply-point"}, {"projectCode": "lab-temporary-sewage-facility"}],
                        "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('zhanjiang-bay-laboratory-haidong', $${
        "names": {"zh": "湛江湾实验室搬迁入驻海东", "en": "Zhanjiang Bay Laboratory moving into Haidong"},
        "descriptions": {"zh": "湛江湾实验室 6 月份搬迁入驻海东；片区路网、通讯、燃气、供水、供电、排水、污水处理设施按此时间倒排。", "en": "The Zhanjiang Bay Laboratory moves into Haidong in June; the area's roads, telecom, gas, water, power, drainage and sewage works are scheduled backwards from then."},
        "kind": "research", "parkCode": "haidong",
        "milestones": [{"code": "move-in", "names": {"zh": "搬迁入驻", "en": "Move-in"}, "planned": "2023-06",
                        "dependsOn": [{"projectCode": "lab-area-road-network-phase-1"}, {"projectCode": "lab-area-utilities"},
                                      {"projectCode": "lab-temporary-gas-supply-point"}, {"projectCode": "lab-temporary-sewage-facility"},
                                      {"projectCode": "talent-apartments", "milestoneCode": "usable"}],
                        "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('lab-area-sports-park', $${
        "names": {"zh": "实验室片区运动公园", "en": "Laboratory area sports park"},
        "kind": "facility", "parkCode": "haidong", "responsibleCode": "zone-development-bureau",
        "statusReports": [{"asOf": "2023-03-31", "status": "preliminary", "note": {"zh": "争取国家专项债支持，启动前期工作。", "en": "Preliminary work launched, seeking national special-purpose bonds."}, "sourceCode": "article-2023-03-31"}],
        "funding": [{"kind": "specialBonds", "state": "sought", "note": {"zh": "争取国家专项债支持。", "en": "National special-purpose bonds sought."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('lab-area-refuse-transfer-station', $${
        "names": {"zh": "实验室片区垃圾中转站", "en": "Laboratory area refuse transfer station"},
        "kind": "facility", "parkCode": "haidong", "responsibleCode": "zone-development-bureau",
        "statusReports": [{"asOf": "2023-03-31", "status": "preliminary", "note": {"zh": "争取国家专项债支持，启动前期工作。", "en": "Preliminary work launched, seeking national special-purpose bonds."}, "sourceCode": "article-2023-03-31"}],
        "funding": [{"kind": "specialBonds", "state": "sought", "note": {"zh": "争取国家专项债支持。", "en": "National special-purpose bonds sought."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('lab-area-fire-station', $${
        "names": {"zh": "实验室片区消防站", "en": "Laboratory area fire station"},
        "kind": "facility", "parkCode": "haidong", "responsibleCode": "zone-development-bureau",
        "statusReports": [{"asOf": "2023-03-31", "status": "preliminary", "note": {"zh": "争取国家专项债支持，启动前期工作。", "en": "Preliminary work launched, seeking national special-purpose bonds."}, "sourceCode": "article-2023-03-31"}],
        "funding": [{"kind": "specialBonds", "state": "sought", "note": {"zh": "争取国家专项债支持。", "en": "National special-purpose bonds sought."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('gdmu-affiliated-hospital-haidong', $${
        "names": {"zh": "广东医科大学附属医院海东院区", "en": "Affiliated Hospital of Guangdong Medical University, Haidong branch"},
        "descriptions": {"zh": "三级甲等医院。", "en": "A grade III-A hospital."},
        "kind": "publicService", "plannedCompletion": "2023-06"}$$::jsonb),
    ('gdmu-haidong-campus', $${
        "names": {"zh": "广东医科大学海东校区", "en": "Guangdong Medical University, Haidong campus"},
        "kind": "publicService", "parkCode": "gdmu-haidong-campus", "plannedCompletion": "2023-09",
        "milestones": [{"code": "enrolment", "names": {"zh": "建成招生", "en": "Built and enrolling students"}, "planned": "2023-09", "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('secondary-schools-under-construction', $${
        "names": {"zh": "在建中学（2 所）", "en": "Secondary schools under construction (2)"},
        "kind": "publicService",
        "statusReports": [{"asOf": "2023-03-31", "status": "underConstruction", "note": {"zh": "还有 2 所中学正在建设。", "en": "Two more secondary schools are being built."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('haidong-land-acquisition', $${
        "names": {"zh": "海东园区 5000 亩土地征收", "en": "Haidong Park land acquisition, 5,000 mu"},
        "kind": "land", "parkCode": "haidong",
        "statusReports": [{"asOf": "2023-03-31", "status": "underConstruction", "note": {"zh": "全面启动 5000 亩土地征收。", "en": "Acquisition of 5,000 mu fully launched."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('huafa-innovation-industry-new-town', $${
        "names": {"zh": "华发创新产业新城", "en": "Huafa innovation industry new town"},
        "descriptions": {"zh": "引进珠海华发集团在海东园区建设。", "en": "Built in Haidong Park by Huafa Group (Zhuhai), brought in by the zone."},
        "kind": "industrial", "parkCode": "haidong"}$$::jsonb),
    ('district-cultural-activity-centre', $${
        "names": {"zh": "区文化活动中心", "en": "District cultural activity centre"},
        "kind": "facility",
        "statusReports": [{"asOf": "2023-03-31", "status": "completed", "note": {"zh": "已建成。", "en": "Built."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb),
    ('yihai-park', $${
        "names": {"zh": "怡海公园", "en": "Yihai Park"},
        "kind": "facility",
        "statusReports": [{"asOf": "2023-03-31", "status": "completed", "note": {"zh": "已建成。", "en": "Built."}, "sourceCode": "article-2023-03-31"}]}$$::jsonb)
) as v (code, content)
left join parks p on p.code = v.content ->> 'parkCode';

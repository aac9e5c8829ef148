// Stories planted in the synthetic archive with a query a reader would type to
// find each again: the judged relevance set (the best answer must be in the top
// 3 for at least 18 of the 20). Several use words that run through thousands of
// other stories (江门, 马拉松, 高质量发展, GDP, 2019) so that the ranking, not
// just the matching, is what finds them; one is typed in Traditional, one as a
// quoted phrase, some mix Chinese with numbers and Latin.

export interface PlantedStory {
  /** articles.external_id, how the bench finds the story again. */
  key: string;
  /** Where in the archive's date range (0 = first day, 1 = last). */
  at: number;
  pageName: string;
  kicker?: string;
  headline: string;
  /** The story's own paragraphs; the generator adds ordinary paragraphs of the beat after them. */
  paragraphs: string[];
  topic: string;
  /** What a reader types to find it. */
  query: string;
}

export const PLANTED: PlantedStory[] = [
  {
    key: "planted-01",
    at: 0.02,
    pageName: "台山新闻",
    headline: "海宴镇南美白对虾智慧养殖示范基地投产",
    paragraphs: [
      "台山市海宴镇南美白对虾智慧养殖示范基地日前正式投产。基地引入水质在线监测和自动投喂系统，对虾养殖用水循环利用，亩产比传统鱼塘提高三成。",
      "海宴镇是台山对虾养殖重镇，全镇对虾养殖面积超过两万亩。基地负责人说，智慧养殖让养殖户“看手机就能管鱼塘”。",
    ],
    topic: "agriculture",
    query: "海宴 对虾养殖",
  },
  {
    key: "planted-02",
    at: 0.07,
    pageName: "开平新闻",
    headline: "开平碉楼与村落申遗成功纪念活动举行",
    paragraphs: [
      "开平碉楼与村落申遗成功纪念活动在自力村举行。当年申遗成功，使开平碉楼成为广东首个世界文化遗产。",
      "活动回顾了申遗历程，展出了碉楼老照片和侨批档案，多位参与申遗工作的专家学者和海外乡亲到场。",
    ],
    topic: "culture",
    query: "開平碉樓 申遺",
  },
  {
    key: "planted-03",
    at: 0.12,
    pageName: "要闻",
    headline: "江门中微子实验探测器主体工程完工",
    paragraphs: [
      "位于开平市的江门中微子实验探测器主体工程近日完工。中微子实验将测定中微子质量顺序，是我国重大科技基础设施。",
      "江门中微子实验探测器建在地下700米深处，中心探测器的有机玻璃球直径达35.4米，是世界上同类探测器中最大的。",
    ],
    topic: "technology",
    query: "\"中微子实验\"",
  },
  {
    key: "planted-04",
    at: 0.17,
    pageName: "新会新闻",
    headline: "新会陈皮全产业链产值突破200亿元",
    paragraphs: [
      "记者从新会区获悉，新会陈皮全产业链产值突破200亿元，带动7万多人就业。新会陈皮已从一块果皮发展成为富民兴村的大产业。",
      "近年来，新会陈皮产业向食品、药品、茶饮、文旅等领域延伸，陈皮村等产业园区吸引大批游客。",
    ],
    topic: "agriculture",
    query: "新会陈皮 200亿元",
  },
  {
    key: "planted-05",
    at: 0.22,
    pageName: "要闻",
    headline: "全年GDP增长6.2% 江门经济总量迈上新台阶",
    paragraphs: [
      "市统计局发布数据，全年全市实现地区生产总值（GDP）同比增长6.2%，经济总量迈上新台阶。GDP增速高于全省平均水平。",
      "其中，第二产业增加值增长较快，规上工业增加值增长7.1%，工业对GDP增长的贡献率超过五成。",
    ],
    topic: "economy",
    query: "GDP 6.2%",
  },
  {
    key: "planted-06",
    at: 0.27,
    pageName: "科技",
    headline: "全市5G基站累计建成1.2万座",
    paragraphs: [
      "记者从市工业和信息化局获悉，全市5G基站累计建成1.2万座，实现城区和镇区5G网络全覆盖。",
      "5G基站建设带动了智能工厂、智慧港口等一批5G应用场景落地，5G用户数突破200万户。",
    ],
    topic: "technology",
    query: "5G基站",
  },
  {
    key: "planted-07",
    at: 0.32,
    pageName: "恩平新闻",
    headline: "恩平温泉旅游节开幕 吸引游客30万人次",
    paragraphs: [
      "恩平温泉旅游节在锦江温泉开幕。恩平素有“中国温泉之乡”之称，温泉旅游节期间推出温泉养生、山地徒步等十多项活动。",
      "旅游节期间，恩平各温泉景区共接待游客30万人次，温泉旅游收入同比大幅增长。",
    ],
    topic: "culture",
    query: "恩平 温泉 旅游节",
  },
  {
    key: "planted-08",
    at: 0.37,
    pageName: "鹤山新闻",
    headline: "古劳水乡龙舟邀请赛激情开赛",
    paragraphs: [
      "鹤山古劳水乡龙舟邀请赛在古劳镇开赛，来自珠三角的24支龙舟队在水乡河道上同场竞技。",
      "古劳水乡河网纵横，赛龙舟是当地端午传统。岸上观众呐喊助威，龙舟竞渡场面热烈。",
    ],
    topic: "sports",
    query: "古劳 龙舟",
  },
  {
    key: "planted-09",
    at: 0.42,
    pageName: "蓬江新闻",
    headline: "蓬江区AI产业园揭牌 首批12家企业入驻",
    paragraphs: [
      "蓬江区AI产业园日前揭牌，首批12家人工智能企业入驻。产业园聚焦AI视觉、智能制造和大模型应用。",
      "蓬江区将对入驻AI产业园的企业给予租金减免和算力补贴，打造珠西人工智能产业高地。",
    ],
    topic: "technology",
    query: "AI产业园",
  },
  {
    key: "planted-10",
    at: 0.47,
    pageName: "要闻",
    headline: "黄茅海跨海通道主线贯通",
    paragraphs: [
      "黄茅海跨海通道主线近日实现贯通。通道连接珠海高栏港与台山斗山，全长约31公里，建成后江门至珠海车程缩短一半。",
      "黄茅海跨海通道是粤港澳大湾区重大交通工程，建设者克服台风多发、软土地基等难题，确保主线如期贯通。",
    ],
    topic: "transport",
    query: "黄茅海跨海通道 贯通",
  },
  {
    key: "planted-11",
    at: 0.52,
    pageName: "生态",
    headline: "镇海湾越冬黑脸琵鹭数量创新高",
    paragraphs: [
      "今年冬季飞抵镇海湾越冬的黑脸琵鹭数量创新高，观测记录达到86只。黑脸琵鹭是国家一级保护动物，全球数量仅数千只。",
      "观鸟爱好者介绍，镇海湾红树林和滩涂为黑脸琵鹭提供了充足食物。",
    ],
    topic: "environment",
    query: "黑脸琵鹭 越冬",
  },
  {
    key: "planted-12",
    at: 0.57,
    pageName: "新会新闻",
    headline: "梁启超故居纪念馆修缮后重新开放",
    paragraphs: [
      "位于新会区茶坑村的梁启超故居纪念馆经过一年修缮，日前重新开放。修缮工程保留了故居原有格局，展陈全面更新。",
      "梁启超故居是全国重点文物保护单位，每年吸引大批游客和研学团队前来参观。",
    ],
    topic: "culture",
    query: "梁启超故居 修缮",
  },
  {
    key: "planted-13",
    at: 0.62,
    pageName: "教育",
    headline: "江门职业技术学院新校区投入使用",
    paragraphs: [
      "江门职业技术学院新校区正式投入使用，可容纳学生1.5万人。新校区建有智能制造、新能源汽车等实训基地。",
      "学院负责人表示，新校区将深化产教融合，为江门制造业培养更多技能人才。",
    ],
    topic: "education",
    query: "职业技术学院 新校区",
  },
  {
    key: "planted-14",
    at: 0.67,
    pageName: "侨乡",
    headline: "司徒美堂纪念馆在台山开馆",
    paragraphs: [
      "司徒美堂纪念馆在台山市开馆。司徒美堂是著名爱国侨领，纪念馆展出其书信、照片等文物三百余件。",
      "不少海外乡亲专程回乡参加开馆仪式，缅怀司徒美堂的爱国情怀。",
    ],
    topic: "overseas",
    query: "司徒美堂",
  },
  {
    key: "planted-15",
    at: 0.72,
    pageName: "台山新闻",
    headline: "川岛海上风电项目首批机组并网发电",
    paragraphs: [
      "台山川岛海上风电项目首批机组并网发电。项目总装机容量50万千瓦，全部投产后每年可提供清洁电能约15亿千瓦时。",
      "海上风电是台山打造新能源产业基地的重要一环，项目建设带动了风机装备、运维服务等产业发展。",
    ],
    topic: "economy",
    query: "川岛 海上风电",
  },
  {
    key: "planted-16",
    at: 0.77,
    pageName: "要闻",
    kicker: "全市高质量发展大会召开",
    headline: "奋力推动江门高质量发展走在前列",
    paragraphs: [
      "全市高质量发展大会召开，动员全市上下推动江门高质量发展走在前列。会议指出，高质量发展是新时代的硬道理。",
      "会议强调，要以高质量发展为主线，坚持制造业当家，推动江门高质量发展取得新突破。",
    ],
    topic: "economy",
    query: "江门 高质量发展 大会",
  },
  {
    key: "planted-17",
    at: 0.82,
    pageName: "体育",
    headline: "2万名跑者齐聚 江门马拉松鸣枪开跑",
    paragraphs: [
      "江门马拉松在江门体育中心鸣枪开跑，2万名跑者参赛。赛道途经长堤历史文化街区、东湖公园等地标。",
      "本届江门马拉松首次设立侨乡文化打卡点，跑者沿途可以感受侨乡风情。",
    ],
    topic: "sports",
    query: "江门马拉松",
  },
  {
    key: "planted-18",
    at: 0.87,
    pageName: "恩平新闻",
    headline: "恩平地下河景区提升改造完成",
    paragraphs: [
      "恩平地下河景区提升改造完成，新增地下河漂流和溶洞灯光秀项目。地下河全长数公里，溶洞景观奇特。",
      "景区负责人介绍，提升改造后，地下河景区接待能力提高一倍。",
    ],
    topic: "culture",
    query: "恩平地下河",
  },
  {
    key: "planted-19",
    at: 0.92,
    pageName: "综合",
    headline: "市区首批共享电单车投放 五千辆车上路",
    paragraphs: [
      "市区首批共享电单车日前投放，五千辆共享电单车在蓬江区、江海区上路运营。共享电单车须在指定区域停放，骑行须佩戴头盔。",
      "市交通运输局表示，将对共享电单车实行总量控制，规范停放秩序。",
    ],
    topic: "livelihood",
    query: "共享电单车",
  },
  {
    key: "planted-20",
    at: 0.97,
    pageName: "经济",
    headline: "江门首个氢能产业园开工 总投资50亿元",
    paragraphs: [
      "江门首个氢能产业园在江门高新区开工，总投资50亿元，将建设燃料电池、储氢装备等生产线。",
      "氢能产业园建成后，预计年产值超百亿元，推动江门新能源产业集群发展。",
    ],
    topic: "economy",
    query: "氢能产业园 50亿元",
  },
];

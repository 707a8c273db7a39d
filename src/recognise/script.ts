// Pages in traditional characters, and mirrors of government pages that gloss characters with pinyin in
// brackets (經(jīng)費(fèi)), read as the simplified text the recognisers know. A department publishes in
// simplified characters; a copy in traditional ones (a 繁體 version of the site, a mirror converting it)
// still says the same, and its identity, titles and amounts should be read the same way.
import type { LayoutLine } from '../read/layout.ts';

/** A pinyin gloss after a character: a bracketed latin syllable with a tone mark, (jīng) or (fèi). */
const gloss = /(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;
const hasGloss = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/;

/**
 * Traditional characters and their simplified forms, one to one, as they come in budget disclosures (the
 * words of the tables and the 情况说明, place and unit names). Only characters that are never simplified
 * text: one that is both (乾, 著, 覆) is left out, so that a simplified document is never changed by it.
 */
const traditional =
  '經費預決萬額說會財撥國務車購運維護較減長計劃內門單關機構職協處員業營際實積規範標準檢驗測統報總結餘轉項資產類別級屬區縣鄉' +
  '鎮廳辦幹發開體與為爲對這個們來從當時間後應該於並將還進過選擇據節約嚴執禮樂學齡兒園師點現數調補養險醫療衛環農氣電郵話網絡' +
  '訊書圖館傳聞廣視藝術劇團組織黨紀監審稅銀證糧儲備鐵線橋場庫設儀採買賣價錢幣貨質滿績評簽訂認識論講議請讀寫記錄檔權責則條專' +
  '戶賬帳獎貸債償遷徵歲齊濟勞動強邊遠陸臺灣華僑鄰圍獲舊隨陽嶺漢滬寧蘇張劉陳趙孫楊黃吳鄭馮蔣韓葉賈龍鳳東無見觀覺親傷損圓遞寬' +
  '層頁題顧領導頭顯須順風飛馬驅魚鳥麥雖雙難離號億優兩冊剛創勵勢匯卻參雜壓壯夢奮婦寶屆帶幫廢廠彈徑復徹憑態懷戰擁擊擔擴擬攜斷' +
  '曆歷曉極樓樣橫歸殘漲滅災煙燈爭狀獨獻畫畢盡盤確稱種穩窮競筆簡紅紙細終給絲綠綜緊編縮繳繼續罰羅義習聯聲聽腦臨舉藥製複覽討訓' +
  '許訪試詳誠誤課諮謀譽負貢貧貫貼賀賓賠賦贊贈趨跡軍軟載輔輕輛輸轄連週違達適遲遺釋針鋼鍵閒閱隊階隱雞靜響頂頓頻飯髮佔裡裏僅厲' +
  '叢嘗壇壩奪尋島廁廚慶憲懸揚換搖攝敗暫樹櫃歐毀溝溫潔澤濕濱烏熱爺犧猶獄畝異盜碼礎禍穀築籌緒練繪罷聖腳臉莊蓋薦藍蘭蝦衝襲詢誌' +
  '語誰謝讓豐貿賴趕躍軌辭邏醜鈴銷鎖鏈鐘閉闊陣雲霧頒顏願驚魯鮮鹽麼龜託彙係廈麵鬆勻嗎噸墊奬婁峽巖廂慚懇拋搶敵斂曬樞櫥氫滲漁潤' +
  '瀏灑瓊疊癒禦窩竊箋籃缽肅脅膽臘艙覓諒貓鉛鍋頗頸飄錶閣閥顆駐騰鬥黴齒懲戲揮撫擾攤斃晝滯瀋爐牽狹瑣睜矯礦禪稈穫竄糾紡紮紹絕綱' +
  '綫縱繞纏罈羨聳膚艦蘆虧蠶衆覈訴詞詩誇諸謂謄譜贏軸輯轟迴鄧釣鈔鈣鈞鈕鉤銅鋪錦錯鍛鎊鏡鑄鑑閃閏閘闖陝隻雛韋頌頑頰頹顛颱餅餓饑' +
  '騎騙驕驢鬧鴨鵝鶴麗況';
const simplifiedForms =
  '经费预决万额说会财拨国务车购运维护较减长计划内门单关机构职协处员业营际实积规范标准检验测统报总结余转项资产类别级属区县乡' +
  '镇厅办干发开体与为为对这个们来从当时间后应该于并将还进过选择据节约严执礼乐学龄儿园师点现数调补养险医疗卫环农气电邮话网络' +
  '讯书图馆传闻广视艺术剧团组织党纪监审税银证粮储备铁线桥场库设仪采买卖价钱币货质满绩评签订认识论讲议请读写记录档权责则条专' +
  '户账帐奖贷债偿迁征岁齐济劳动强边远陆台湾华侨邻围获旧随阳岭汉沪宁苏张刘陈赵孙杨黄吴郑冯蒋韩叶贾龙凤东无见观觉亲伤损圆递宽' +
  '层页题顾领导头显须顺风飞马驱鱼鸟麦虽双难离号亿优两册刚创励势汇却参杂压壮梦奋妇宝届带帮废厂弹径复彻凭态怀战拥击担扩拟携断' +
  '历历晓极楼样横归残涨灭灾烟灯争状独献画毕尽盘确称种稳穷竞笔简红纸细终给丝绿综紧编缩缴继续罚罗义习联声听脑临举药制复览讨训' +
  '许访试详诚误课咨谋誉负贡贫贯贴贺宾赔赋赞赠趋迹军软载辅轻辆输辖连周违达适迟遗释针钢键闲阅队阶隐鸡静响顶顿频饭发占里里仅厉' +
  '丛尝坛坝夺寻岛厕厨庆宪悬扬换摇摄败暂树柜欧毁沟温洁泽湿滨乌热爷牺犹狱亩异盗码础祸谷筑筹绪练绘罢圣脚脸庄盖荐蓝兰虾冲袭询志' +
  '语谁谢让丰贸赖赶跃轨辞逻丑铃销锁链钟闭阔阵云雾颁颜愿惊鲁鲜盐么龟托汇系厦面松匀吗吨垫奖娄峡岩厢惭恳抛抢敌敛晒枢橱氢渗渔润' +
  '浏洒琼叠愈御窝窃笺篮钵肃胁胆腊舱觅谅猫铅锅颇颈飘表阁阀颗驻腾斗霉齿惩戏挥抚扰摊毙昼滞沈炉牵狭琐睁矫矿禅秆获窜纠纺扎绍绝纲' +
  '线纵绕缠坛羡耸肤舰芦亏蚕众核诉词诗夸诸谓誊谱赢轴辑轰回邓钓钞钙钧钮钩铜铺锦错锻镑镜铸鉴闪闰闸闯陕只雏韦颂顽颊颓颠台饼饿饥' +
  '骑骗骄驴闹鸭鹅鹤丽况';
const simplifiedOf = new Map([...traditional].map((c, k) => [c, [...simplifiedForms][k]!]));

/** How many traditional characters make a page one written in them (a stray one in a name does not). */
const traditionalPage = { count: 10, share: 0.02 };

/** Whether the lines are written in traditional characters: enough of them, and a share of all ideographs. */
export function inTraditionalScript(lines: readonly LayoutLine[]): boolean {
  let ideographs = 0;
  let found = 0;
  for (const line of lines)
    for (const c of line.text) {
      if (c >= '\u4e00' && c <= '\u9fff') ideographs++;
      if (simplifiedOf.has(c)) found++;
    }
  return found >= traditionalPage.count && found >= traditionalPage.share * ideographs;
}

const toSimplified = (text: string) => text.replace(/[\u4e00-\u9fff]/g, (c) => simplifiedOf.get(c) ?? c);
const withoutGlosses = (text: string) => (hasGloss.test(text) ? text.replace(gloss, '') : text);

/** A year whose 年 a site's page lost, printed as a hyphen before what follows it (2015-“三公”…, 2017-度). */
const lostYear = /(?<!\d)(\d{4})-(?=[度“"\u4e00-\u9fff])/g;

/** Whether the page never prints 年 after a year but prints such hyphens: its 年 were lost. */
function lostYearMark(lines: readonly LayoutLine[]): boolean {
  let hyphens = false;
  for (const line of lines) {
    if (/\d{4}\s*年/.test(line.text)) return false;
    if (!hyphens && /(?<!\d)\d{4}-(?=[度“"\u4e00-\u9fff])/.test(line.text)) hyphens = true;
  }
  return hyphens;
}

/**
 * The lines as simplified text without pinyin glosses (and with a lost 年 restored); the same lines (the same
 * objects) when there is nothing to change, which is every document in simplified characters without glosses.
 */
export function inSimplifiedScript(lines: LayoutLine[]): LayoutLine[] {
  const traditionalText = inTraditionalScript(lines);
  const glossed = lines.some((l) => hasGloss.test(l.text));
  const yearless = lostYearMark(lines);
  if (!traditionalText && !glossed && !yearless) return lines;
  const change = (text: string) => {
    const plain = withoutGlosses(text);
    const simplified = traditionalText ? toSimplified(plain) : plain;
    return yearless ? simplified.replace(lostYear, '$1年') : simplified;
  };
  return lines.map((line) => ({
    ...line,
    text: change(line.text),
    cells: line.cells ? line.cells.map(change) : null,
  }));
}

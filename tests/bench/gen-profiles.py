#!/usr/bin/env python3
"""Synthetic X API v2 user records, each with three recent posts, as NDJSON.

Usage: gen-profiles.py N > profiles.ndjson

Benchmark input for fb-detect (tests/bench/detect.sh).  About 3% of the
profiles carry a follow-back demand (in the bio, name, username or a post)
and about 5% an innocent use of "follow" or "back", so a detector has both
hits and near misses to chew on.  Lines average roughly 1.1 kB.

Deterministic: one fixed seed and one random stream, no clock, no hash
ordering.  The same N gives byte-identical output, and the first K records
are the same for every N >= K, so `head -n K` of a big file is a valid
smaller file.  Standard library only.
"""

import json
import math
import random
import sys
import time
import unicodedata

SEED = 20240607
NOW = 1748736000            # 2025-06-01T00:00:00Z: "today" for every run
EPOCH_2007 = 1167609600     # earliest account creation
EPOCH_2018 = 1530403200     # 2018-07-01: oldest post (keeps snowflakes 19 digits)
TWEPOCH_MS = 1288834974657  # X snowflake epoch

DEMAND_RATE = 0.03
DECOY_RATE = 0.05

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

# ---------------------------------------------------------------- vocabulary

FIRST = [
    "Emma", "Liam", "Olivia", "Noah", "Ava", "Mason", "Sophia", "Lucas", "Mia",
    "Ethan", "Chloe", "James", "Grace", "Daniel", "Zoë", "Aiden", "Priya",
    "Arjun", "Fatima", "Omar", "Chidi", "Amara", "Kwame", "Aisha", "Mateo",
    "Sofía", "José", "Lucía", "Camila", "João", "Anaïs", "Céline", "Björn",
    "Jürgen", "Łukasz", "Çağla", "Dmitri", "Ingrid", "Kenji", "Mei", "Hana",
    "Tomás", "Renée", "Noémie", "Siobhán", "Marco", "Giulia", "Tyler", "Kayla",
    "Brandon", "Jasmine", "Derek", "Rachel", "Nick", "Becca", "Sam", "Alex",
]
LAST = [
    "Smith", "Johnson", "Williams", "Brown", "Garcia", "Miller", "Davis",
    "Martínez", "Rodríguez", "López", "Hernández", "Nguyen", "Patel", "Kim",
    "Okafor", "Mensah", "Adeyemi", "Silva", "Santos", "Müller", "Schäfer",
    "Dubois", "Lefèvre", "Rossi", "Kowalski", "Novák", "Yılmaz", "Andersson",
    "O'Brien", "MacLeod", "Khan", "Haddad", "Tanaka", "Sato", "Chen", "Wong",
    "Reyes", "Cruz", "Baker", "Carter", "Foster", "Hughes", "Bennett",
]
NAME_DECOR = [
    "🌻", "✨", "☕", "🌿", "🏳️‍🌈", "🇺🇸", "🇬🇧", "🇨🇦", "🇳🇬", "🇮🇳", "🇧🇷",
    "🇲🇽", "🇵🇭", "📚", "🎧", "🐾", "| Marketing", "| PhD", "(she/her)",
    "(he/him)", "(they/them)", "💙", "🔥", "🌊",
]

EN_BIO = [
    "Marketing manager at @AcmeCorp", "Software engineer", "ICU nurse",
    "High school science teacher", "Wedding photographer", "Freelance writer",
    "UX designer", "Data scientist", "Small business owner", "Realtor in Austin",
    "Barista by day, DJ by night", "PhD student in neuroscience", "Home chef",
    "Musician", "Personal trainer", "CPA", "Product manager @Globex",
    "Journalist covering climate", "Mom of 3", "Proud dad", "Army veteran",
    "Illustrator", "Podcast host (Dead Air Weekly)", "Founder @Initech",
    "SEO consultant", "Social media strategist", "Growth hacker", "Pastry chef",
    "Civil engineer", "Paralegal", "Librarian", "Truck driver", "Electrician",
    "Graphic designer", "Copywriter", "Ex-Google, now building something new",
    "coffee addict", "runner", "cat person", "dog mom", "gamer", "bookworm",
    "hiker", "amateur astronomer", "vinyl collector", "plant parent",
    "yoga every morning", "CrossFit", "film buff", "foodie", "traveler",
    "knitter", "sourdough enthusiast", "marathoner (3:41 PR)", "Pokémon fan",
    "Opinions are my own.", "RTs ≠ endorsements", "he/him", "she/her",
    "they/them", "Living my best life", "Coffee first.", "DMs open",
    "Building things on the internet", "Tweets about tech, food & life",
    "coffee &amp; code", "Proud Texan", "Jersey girl", "Est. 1987",
    "Go Lakers!", "Arsenal till I die", "Cubs fan", "Carolina born",
    "Making the web faster", "Learning in public", "Writing a novel (slowly)",
    "I like big data and I cannot lie", "Café hopper", "naïve optimist",
    "Résumé: long. Patience: short.", "\"Be kind.\"", "Jesus ✝️", "Dreamer",
    "Speaker", "Mentor", "Always curious", "Lifelong learner", "Amateur baker",
    "Retired teacher", "Bitcoin since 2013", "Space nerd 🚀", "Tea > coffee",
]
EN_TAGS = [
    "#marketing", "#SEO", "#100DaysOfCode", "#python", "#AI", "#crypto",
    "#smallbusiness", "#realestate", "#photography", "#writingcommunity",
    "#amwriting", "#BookTwitter", "#nurse", "#teacher", "#vegan", "#fitness",
    "#GoBlue", "#DevOps", "#UX", "#startups", "#tbt", "#F1", "#NFL", "#gardening",
]
EMOJI = [
    "☕", "🌿", "📚", "🏃‍♀️", "🎧", "🐶", "🐱", "✈️", "🌍", "💻", "📸", "🎨",
    "⚽", "🏀", "🍕", "🌈", "✨", "🔥", "💙", "❤️", "😂", "🙏", "👀", "🎉",
    "🇺🇸", "🇬🇧", "🇨🇦", "🇧🇷", "🇲🇽", "🇮🇳", "🇳🇬", "🇵🇭", "🌸", "🚀",
]
SHORT = ["✨", "☕", "🌿", "🔥", "💙", "🙏", "📚", "🎧", "🌍", "🚀"]

EN_POST = [
    "Just finished {thing}. {react}",
    "Anyone else {experience}?",
    "Hot take: {opinion}.",
    "New blog post: {title}",
    "{drink} is the only thing getting me through this {day}.",
    "Can't believe {celeb} and {celeb} split up 😱",
    "{celeb} at the {event} last night was everything.",
    "Good morning everyone! {emoji}",
    "Three things I learned about {topic} this week. A thread 🧵",
    "If you work in {topic}, what's the one tool you can't live without?",
    "Today's lunch: {food}. {react}",
    "Reminder that {opinion}.",
    "Finally visited {place}. {react}",
    "My {pet} just {petact} {emoji}",
    "Is it just me or is {thing} overrated?",
    "Shipping {thing} today. Wish me luck.",
    "Unpopular opinion: {food} is better cold.",
    "We're hiring a {job} in {place}! DM me.",
    "Proud of my team for shipping {thing} on time.",
    "Listening to {album} on repeat {emoji}",
    "Rainy {day} in {place}. Perfect for {activity}.",
    "Can we talk about how good {show} is?",
    "Weekend plans: {activity} and absolutely nothing else.",
    "Big news coming soon 👀",
    "Grateful for this community {emoji}",
]
EN_FILL = {
    "thing": ["my first half marathon", "the quarterly report", "a 1,000-piece puzzle",
              "season 2", "the new landing page", "my thesis draft", "a sourdough loaf",
              "the kitchen remodel", "our v2.0 release", "a 12-hour shift"],
    "react": ["Exhausted but happy.", "10/10 would recommend.", "Never again 😂",
              "Worth it.", "Still processing.", "Not bad at all!", "Mixed feelings."],
    "experience": ["dream about spreadsheets", "forget what day it is",
                   "talk to their plants", "rewrite the same email five times",
                   "have 47 browser tabs open right now"],
    "opinion": ["meetings should be emails", "pineapple belongs on pizza",
                "the office coffee is a crime", "tabs beat spaces",
                "nobody reads the terms and conditions", "breakfast for dinner is elite"],
    "title": ["Why your funnel leaks", "5 lessons from 10 years of freelancing",
              "How we cut our AWS bill in half", "A beginner's guide to composting",
              "What I wish I knew before my first 10K"],
    "drink": ["Coffee", "Cold brew", "Matcha", "Green tea", "An iced latte"],
    "day": ["Monday", "Tuesday", "week", "Friday", "long weekend"],
    "celeb": ["Jenna Starr", "Mick Valen", "Tasha Quinn", "Rory Blaze", "Dex Monroe",
              "Lila Cortez", "Bryce Holloway"],
    "event": ["awards show", "premiere", "festival", "gala", "launch party"],
    "topic": ["marketing", "product design", "nursing", "real estate", "data science",
              "teaching", "photography", "personal finance", "content creation"],
    "food": ["leftover pizza", "a burrito bowl", "pho", "jollof rice", "ramen",
             "avocado toast", "pad thai", "tacos al pastor", "a crème brûlée"],
    "place": ["Lisbon", "Chicago", "Toronto", "Lagos", "Manila", "Austin", "Denver",
              "Mexico City", "Edinburgh", "Kyoto", "Montréal", "Cape Town"],
    "pet": ["dog", "cat", "parrot", "rabbit", "puppy"],
    "petact": ["ate a sock", "learned to open the fridge", "stole my seat",
               "discovered the mirror", "knocked my coffee over"],
    "job": ["backend engineer", "content marketer", "nurse practitioner",
            "sales lead", "data analyst"],
    "album": ["the new Jenna Starr album", "90s R&B", "lo-fi beats", "Midnight Arcade"],
    "activity": ["reading", "baking", "a movie marathon", "a long run", "gaming"],
    "show": ["The Long Harbor", "Kitchen Wars", "Nightshift", "Paper Moons"],
    "emoji": EMOJI,
}

# Non-English users: a few bio fragments and post lines each.  (lang, weight,
# bio fragments, post lines, locations, display names)
OTHER_LANGS = [
    ("es", 0.07,
     ["Diseñadora gráfica", "Café y libros", "Ingeniera de software", "Mamá de dos",
      "Amante del fútbol ⚽", "Periodista", "Profe de matemáticas", "Viajar es vivir",
      "Fotógrafa en Málaga", "Cocinero aficionado", "Opiniones propias", "Hincha del Betis"],
     ["¡Buenos días a todos! Hoy toca café y mucho trabajo.",
      "Qué partidazo anoche, todavía no me lo creo.",
      "Nueva entrada en el blog sobre diseño y tipografía.",
      "¿Alguien más piensa que los lunes deberían ser opcionales?",
      "Por fin terminé el libro que empecé en enero.",
      "La paella de mi abuela sigue siendo la mejor del mundo."],
     ["Madrid, España", "Ciudad de México", "Buenos Aires", "Bogotá", "Málaga", "Lima, Perú"]),
    ("pt", 0.04,
     ["Estudante de Direito", "Professora", "São Paulo 🇧🇷", "Apaixonada por café",
      "Desenvolvedor", "Flamenguista", "Mãe de pet", "Fotografia e viagens"],
     ["Bom dia! Mais uma semana começando com muito café.",
      "Alguém mais viciado nessa série nova?",
      "Terminei a maratona hoje, cansada mas feliz.",
      "Que jogo foi esse ontem, meu coração não aguenta."],
     ["São Paulo, Brasil", "Rio de Janeiro", "Lisboa, Portugal", "Belo Horizonte"]),
    ("fr", 0.03,
     ["Photographe à Paris", "Amoureux de la pâtisserie", "Développeuse web",
      "Curiosité avant tout", "Prof de français", "Café, vélo et bouquins"],
     ["Premier café de la journée, la semaine peut commencer.",
      "Quelqu'un a déjà testé la nouvelle boulangerie du quartier ?",
      "Petit article sur l'accessibilité web, vos retours sont bienvenus."],
     ["Paris, France", "Lyon", "Montréal, Québec", "Bruxelles"]),
    ("de", 0.02,
     ["Ärztin aus München", "Fußball & Bier", "Softwareentwickler", "Hundemama",
      "Wanderlust", "Grüße aus Köln"],
     ["Guten Morgen! Heute wird ein langer Tag im Büro.",
      "Endlich Wochenende, ab in die Berge.",
      "Neuer Blogartikel über Datenschutz ist online."],
     ["Berlin", "München", "Zürich", "Wien, Österreich"]),
    ("id", 0.02,
     ["Mahasiswa", "Suka kopi", "Pecinta kucing", "Jakarta", "Content creator"],
     ["Selamat pagi semuanya, semangat hari ini!",
      "Ada yang tahu tempat ngopi enak di Bandung?",
      "Akhirnya libur juga, waktunya tidur seharian."],
     ["Jakarta, Indonesia", "Bandung", "Surabaya"]),
    ("ja", 0.02,
     ["東京在住のエンジニア", "カフェ巡りが好き", "猫と暮らしています", "写真とカメラ📷",
      "無言フォロー失礼します", "アニメと漫画", "週末はキャンプ⛺"],
     ["今日は朝からずっと雨でした。明日は晴れるといいな。",
      "新しいカフェに行ってきました！ラテアートがかわいい☕",
      "仕事終わり。今週も本当にお疲れさまでした。"],
     ["東京都", "大阪", "福岡", "札幌"]),
    ("zh", 0.01,
     ["热爱生活", "程序员", "喜欢旅行和摄影", "读书 / 咖啡 / 跑步", "上海的设计师"],
     ["今天天气很好，去公园跑了五公里。",
      "刚看完一部很好看的电影，推荐给大家。",
      "周末终于可以好好休息一下了。"],
     ["北京", "上海", "台北", "香港"]),
    ("ar", 0.01,
     ["مهندس برمجيات", "أحب القراءة والسفر", "مصور فوتوغرافي", "طالب طب",
      "الحمد لله دائما"],
     ["صباح الخير للجميع، يوم جميل إن شاء الله.",
      "أنهيت قراءة كتاب رائع اليوم، أنصح به بشدة.",
      "القهوة في الصباح ضرورة وليست خيارا."],
     ["الرياض", "القاهرة", "دبي", "عمّان"]),
    ("ru", 0.01,
     ["Программист из Москвы", "Люблю кофе и книги", "Фотограф", "Путешествия",
      "Мама двоих детей"],
     ["Доброе утро! Сегодня снова работаю из дома.",
      "Посмотрел новый сериал, очень советую.",
      "Наконец-то выходные, едем на дачу."],
     ["Москва", "Санкт-Петербург", "Казань"]),
]
OTHER_NAMES = {
    "ja": ["田中 美咲", "佐藤 健", "鈴木 ゆい", "高橋 蓮", "さくら🌸"],
    "zh": ["王伟", "李娜", "张敏", "陈晨", "小林"],
    "ar": ["محمد علي", "فاطمة الزهراء", "أحمد خالد", "نور"],
    "ru": ["Алексей Иванов", "Мария Смирнова", "Дмитрий Козлов", "Ольга"],
}
ROMAJI = ["misaki", "ken", "yui", "ren", "wei", "lina", "min", "chen", "mohammed",
          "fatima", "ahmed", "noor", "alexey", "maria", "dmitry", "olga"]

EN_LOCATIONS = [
    "Austin, TX", "London, England", "Lagos, Nigeria", "Toronto, Ontario",
    "New York, NY", "Los Angeles, CA", "Manila, Philippines", "Mumbai, India",
    "Sydney, Australia", "Dublin, Ireland", "Chicago, IL", "Earth 🌍",
    "Somewhere over the rainbow", "", "", "Remote", "Atlanta, GA", "Seattle, WA",
]

# Follow-back demands.  English ones first; the last column picks a placement.
DEMANDS_EN = [
    "follow back please", "FOLLOW BACK please!!!", "I follow back everyone",
    "I FOLLOW BACK EVERYONE", "follow me and I'll follow you back",
    "Follow me; I'll follow you. Unfollow me; get unfollowed.",
    "#TeamFollowBack", "#F4F", "#Follow4Follow", "#IFollowBack",
    "100% follow back", "pls follow back 🙏", "please follow me back",
    "plz follow back", "#InstantFollowBack", "#FollowTrain", "#MGWV",
    "#500aday", "#RT2GAIN", "#TFB", "follow me & i'll follow back", "f4f",
    "follow for follow", "I always follow back", "Follow me n i follow u",
]
DEMANDS_BY_LANG = {
    "es": ["sígueme y te sigo", "Sígueme y te sigo de vuelta", "#SigoATodos"],
    "pt": ["sigo de volta", "me segue que eu sigo de volta"],
    "fr": ["je follow back"],
    "id": ["folbek ya", "follback ya kak", "#FolbekAja"],
    "ja": ["フォロバ100%", "フォロバします", "相互フォロー募集"],
}
DEMAND_NAMES = ["| Follow Back", "(follow back 100%)", "#F4F", "#TeamFollowBack",
                "FOLLOW BACK", "🔙 f4f", "#IFollowBack"]
DEMAND_USERNAMES = ["ifollowback_", "f4f_", "TeamFollowBack", "followback",
                    "folbek_", "follow4follow"]

# Innocent "follow"/"back": must not read as a demand, even next to each other.
DECOYS = [
    "Thanks for the follow!", "Will follow up next week.", "back to back meetings today",
    "Follow your dreams ✨", "Welcome back!", "I'll follow up with details tomorrow.",
    "Back-to-back champions 🏆", "Following the news closely.", "Follow the science.",
    "Back pain is real.", "Looking back at 2024.", "follow-up appointment at 3",
    "can't wait to be back in Lisbon", "Finally back home.", "Follow along on my journey.",
    "Follow @AcmeCorp for product updates.", "Back up your files, people.",
    "Follow the money.", "Thanks for following along!", "#FollowFriday",
    "Throwback to summer 🌞", "Be right back.",
]

# -------------------------------------------------------------------- helpers


def expand_templates(templates, fills, per_template, seed):
    """Pre-expand slotted templates so the hot loop only does random.choice."""
    r = random.Random(seed)
    pool = []
    for t in templates:
        for _ in range(per_template):
            s = t
            while "{" in s:
                i = s.index("{")
                j = s.index("}", i)
                s = s[:i] + r.choice(fills[s[i + 1:j]]) + s[j + 1:]
            pool.append(s)
    return pool


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def iso(ts):
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(ts))


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.en_post = expand_templates(EN_POST, EN_FILL, 24, seed + 1)
        self.langs = [("en", 1.0 - sum(x[1] for x in OTHER_LANGS), EN_BIO + EN_TAGS,
                       self.en_post, EN_LOCATIONS)] + list(OTHER_LANGS)
        self.lang_weights = [x[1] for x in self.langs]
        # Accounts that replies and retweets point at.
        r = random.Random(seed + 2)
        self.mentionable = [self.make_username(r, r.choice(FIRST), r.choice(LAST))
                            for _ in range(500)]

    @staticmethod
    def make_username(r, first, last):
        first, last = ascii_fold(first), ascii_fold(last).replace("'", "")
        style = r.random()
        if style < 0.3:
            u = first + last
        elif style < 0.55:
            u = first.lower() + "_" + last.lower()
        elif style < 0.8:
            u = first + str(r.randint(1, 9999))
        else:
            u = first[0] + last + str(r.randint(10, 99))
        return u[:15]

    def tco(self):
        return "https://t.co/" + "".join(self.r.choices(ALNUM, k=10))

    def assemble(self, pick, lo, hi, sep, required=None, skew=1.0):
        """Join picked fragments to a length in [lo, hi] code points; `required`
        (a demand or decoy) is kept whole and lands at a random position.
        skew > 1 favours short texts, as real bios and posts do."""
        r = self.r
        target = lo + int((hi - lo) * r.random() ** skew)
        parts = [required] if required else []
        size = len(required) if required else 0
        while size < hi:
            f = pick()
            extra = len(f) + (len(sep) if parts else 0)
            if size + extra > target and size >= lo:
                break
            if size + extra > hi:
                # Still short of lo: top up with something tiny.
                f = r.choice(SHORT)
                extra = len(f) + (len(sep) if parts else 0)
                if size + extra > hi:
                    break
            parts.append(f)
            size += extra
        if required and len(parts) > 1:
            # `required` was counted first; move it to a random slot.
            parts[0] = parts.pop()
            parts.insert(r.randrange(len(parts) + 1), required)
        return sep.join(parts)

    def snowflake(self, ts):
        ms = ts * 1000 + self.r.randrange(1000)
        return str(((ms - TWEPOCH_MS) << 22) | self.r.getrandbits(22))

    # ----------------------------------------------------------- one record

    def profile(self):
        r = self.r
        lang, _, bio_pool, post_pool, locations = r.choices(self.langs, self.lang_weights)[0]

        # Where a demand or decoy goes, if anywhere.
        demand = decoy = None
        demand_at = decoy_at = None
        x = r.random()
        if x < DEMAND_RATE:
            native = DEMANDS_BY_LANG.get(lang)
            demand = r.choice(native) if native and r.random() < 0.7 else r.choice(DEMANDS_EN)
            y = r.random()
            demand_at = ("bio" if y < 0.5 else "post" if y < 0.8
                         else "name" if y < 0.92 else "username")
        elif x < DEMAND_RATE + DECOY_RATE:
            decoy = r.choice(DECOYS)
            decoy_at = "bio" if r.random() < 0.5 else "post"

        # Names.
        first, last = r.choice(FIRST), r.choice(LAST)
        if lang in OTHER_NAMES:
            name = r.choice(OTHER_NAMES[lang])
            username = r.choice(ROMAJI) + "_" + str(r.randint(1, 99999))
        else:
            name = first + " " + last if r.random() < 0.8 else first
            if r.random() < 0.25:
                name += " " + r.choice(NAME_DECOR)
            username = self.make_username(r, first, last)
        if demand_at == "name":
            name = (name + " " + r.choice(DEMAND_NAMES))[:50]
        elif demand_at == "username":
            username = (r.choice(DEMAND_USERNAMES) + ascii_fold(first))[:15]

        # Bio: mostly native fragments, spiced with emojis and hashtags.
        def bio_pick():
            y = r.random()
            if y < 0.15:
                return r.choice(EMOJI)
            if y < 0.25:
                return r.choice(EN_TAGS)
            return r.choice(bio_pool)
        sep = r.choice([" | ", " • ", ". ", " · ", " ", "\n", " / "])
        required = demand if demand_at == "bio" else decoy if decoy_at == "bio" else None
        description = self.assemble(bio_pick, 40, 160, sep, required, 1.5)

        # Posts, newest first.
        dead = r.random() < 0.08
        ts = NOW - int(r.expovariate(1 / 864000))
        if dead:
            ts = NOW - r.randint(365 * 86400, NOW - EPOCH_2018 - 30 * 86400)
        times = []
        for _ in range(3):
            times.append(ts)
            ts = max(EPOCH_2018, ts - 60 - int(r.expovariate(1 / 172800)))
        created = r.randint(EPOCH_2007, times[-1] - 86400)
        uid = str(r.randrange(10 ** 18, 10 ** 19))

        followers = int(r.lognormvariate(5, 2))
        if demand:
            following = int(followers * r.uniform(0.9, 1.2)) + r.randint(100, 5000)
        else:
            following = int(r.lognormvariate(5.5, 1.3))
        post_slot = r.randrange(3)
        posts = []
        for i, pts in enumerate(times):
            req = None
            if i == post_slot:
                req = demand if demand_at == "post" else decoy if decoy_at == "post" else None
            posts.append(self.post(uid, pts, lang, post_pool, followers, req))

        rec = {
            "id": uid,
            "username": username,
            "name": name,
            "description": description,
            "location": r.choice(locations),
            "url": self.tco() if r.random() < 0.6 else "",
            "created_at": iso(created),
            "profile_image_url": (
                "https://pbs.twimg.com/profile_images/%d/%s_normal.jpg"
                % (r.randrange(10 ** 18, 10 ** 19), "".join(r.choices(ALNUM, k=8)))
                if r.random() < 0.93 else
                "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"),
            "verified": r.random() < 0.03,
            "protected": r.random() < 0.04,
            "public_metrics": {
                "followers_count": followers,
                "following_count": following,
                "tweet_count": int(r.lognormvariate(7, 2)) + 3,
                "listed_count": int(r.lognormvariate(0.5, 1.5)) if followers > 50 else 0,
                "like_count": int(r.lognormvariate(7, 2.2)),
            },
            "most_recent_tweet_id": posts[0]["id"],
            "posts": posts,
        }
        return rec

    def post(self, uid, ts, lang, pool, followers, required):
        r = self.r
        pid = self.snowflake(ts)
        lo, hi = 60, 250
        prefix = ""
        ref = None
        kind = r.random()
        if kind < 0.15:
            who = r.choice(self.mentionable)
            prefix = "RT @" + who + ": "
            ref = {"type": "retweeted", "id": self.snowflake(ts - r.randint(60, 86400))}
        elif kind < 0.35:
            who = r.choice(self.mentionable)
            prefix = "@" + who + " "
            ref = {"type": "replied_to", "id": self.snowflake(ts - r.randint(60, 86400))}
        elif kind < 0.42:
            ref = {"type": "quoted", "id": self.snowflake(ts - r.randint(60, 604800))}

        link = r.random() < 0.25 or (ref is not None and ref["type"] == "quoted")
        reserve = len(prefix) + (24 if link else 0)

        def pick():
            y = r.random()
            if y < 0.1:
                return r.choice(EMOJI)
            if y < 0.15 and lang == "en":
                return r.choice(EN_TAGS)
            return r.choice(pool)
        body = self.assemble(pick, max(20, lo - reserve), hi - reserve, " ", required, 2.5)
        text = prefix + body
        p = {"id": pid, "text": text, "created_at": iso(ts), "lang": lang,
             "author_id": uid}
        if ref:
            p["referenced_tweets"] = [ref]
        if link:
            url = self.tco()
            start = len(text) + 1
            text += " " + url
            p["text"] = text
            if ref is not None and ref["type"] == "quoted":
                expanded = "https://x.com/%s/status/%s" % (r.choice(self.mentionable), ref["id"])
            else:
                slug = "".join(r.choices("abcdefghijklmnopqrstuvwxyz", k=r.randint(6, 14)))
                expanded = "https://%s/%s" % (r.choice(
                    ["medium.com/@writer", "www.example.com/blog", "youtu.be",
                     "open.spotify.com/track", "www.nytimes.com/2025/05", "bit.ly"]), slug)
            display = expanded.split("://", 1)[1]
            if len(display) > 26:
                display = display[:25] + "…"
            p["entities"] = {"urls": [{"start": start, "end": start + 23, "url": url,
                                       "expanded_url": expanded, "display_url": display}]}
        scale = math.log(followers + 2)
        p["public_metrics"] = {
            "retweet_count": int(r.expovariate(1 / (scale * 0.4))),
            "reply_count": int(r.expovariate(1 / (scale * 0.3))),
            "like_count": int(r.expovariate(1 / (scale * 2))),
            "quote_count": int(r.expovariate(1.5)),
        }
        return p


def main(argv):
    if len(argv) != 2 or not argv[1].isdigit():
        sys.stderr.write("usage: gen-profiles.py N > out.ndjson\n")
        return 2
    n = int(argv[1])
    g = Gen(SEED)
    out = sys.stdout.buffer
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    batch = []
    try:
        for i in range(n):
            batch.append(dumps(g.profile()))
            if len(batch) == 1000 or i == n - 1:
                batch.append("")
                out.write("\n".join(batch).encode("utf-8"))
                batch = []
        out.flush()
    except BrokenPipeError:
        # `| head` is fine; keep Python from complaining at exit.
        sys.stdout = None
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

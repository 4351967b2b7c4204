#!/usr/bin/env python3
"""Generate examples/sample-account.json: a fictional account fixture for the fake X API.

Deterministic (fixed seed), python3 stdlib only, no network.  Every person, business,
handle and link in it is invented; links point at example.com / example.org / *.test.

The account: @brightpath_co, a social-media consultant in the made-up town of Wrenmouth.
The fixture holds 320 followers (newest first) and 150 following (90 mutuals) of every
kind: follow-back demanders in many languages, spammers, dead accounts, broadcasters,
people worth a conversation, ordinary people, protected, suspended and deleted accounts.

Usage: python3 tests/data/make-sample-account.py [OUTPUT]   (default examples/sample-account.json)
"""

import datetime as dt
import json
import os
import random
import re
import sys

SEED = 20261120
R = random.Random(SEED)

NOW = dt.datetime(2026, 11, 20, 12, 0, 0, tzinfo=dt.timezone.utc)
EPOCH_MS = 1288834974657          # snowflake epoch
OWNER_ID = "1500000000000000001"
OWNER = "brightpath_co"

UTC = dt.timezone.utc


def D(y, m=1, d=1, h=0, mi=0, s=0):
    return dt.datetime(y, m, d, h, mi, s, tzinfo=UTC)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def rand_between(a, b):
    span = (b - a).total_seconds()
    return a + dt.timedelta(seconds=int(R.random() * span))


# --------------------------------------------------------------------------- ids

USED_IDS = set()


def snowflake(t):
    while True:
        ms = int(t.timestamp()) * 1000 + R.randrange(1000)
        v = ((ms - EPOCH_MS) << 22) | R.randrange(1 << 22)
        s = str(v)
        if s not in USED_IDS:
            USED_IDS.add(s)
            return s


# pre-snowflake user ids grew roughly like this (a made-up but monotone curve)
_UID_ANCHORS = [
    (D(2008), 11_000_000), (D(2009), 18_000_000), (D(2010), 100_000_000),
    (D(2011), 230_000_000), (D(2012), 450_000_000), (D(2013), 1_050_000_000),
    (D(2014), 2_280_000_000), (D(2015), 2_960_000_000), (D(2016), 4_700_000_000),
    (D(2016, 6), 4_900_000_000),
]


def user_id_for(t):
    if t >= D(2016, 6):
        return snowflake(t)
    for (t0, v0), (t1, v1) in zip(_UID_ANCHORS, _UID_ANCHORS[1:]):
        if t0 <= t < t1:
            f = (t - t0).total_seconds() / (t1 - t0).total_seconds()
            while True:
                v = int(v0 + f * (v1 - v0)) + R.randrange(-20000, 20000)
                s = str(v)
                if s not in USED_IDS:
                    USED_IDS.add(s)
                    return s
    raise ValueError(t)


# --------------------------------------------------------------------------- links

TCO = {}            # t.co url -> expanded url
_TCO_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def link(expanded):
    while True:
        u = "https://t.co/" + "".join(R.choice(_TCO_CHARS) for _ in range(10))
        if u not in TCO:
            TCO[u] = expanded
            return u


def display(expanded):
    d = re.sub(r"^https?://", "", expanded)
    return d if len(d) <= 24 else d[:23] + "\u2026"


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:48]


# --------------------------------------------------------------------------- users

USERS = []          # list of user dicts (output objects, with private "_" keys)
BY_NAME = {}        # username -> user
USED_NAMES = set()


def img(default=False):
    if default:
        return "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png"
    return "https://pbs.twimg.com/profile_images/%d/%s_normal.jpg" % (
        R.randrange(10**18, 2 * 10**18), "".join(R.choice("0123456789abcdef") for _ in range(8)))


def uniq_username(base, owner=False):
    base = re.sub(r"[^A-Za-z0-9_]", "", base)[:15] or "user"
    name = base
    # no other handle may contain the owner's handle (mentions are substring matches)
    while name.lower() in USED_NAMES or (not owner and OWNER in name.lower()):
        suffix = str(R.randrange(2, 99))
        name = base[:15 - len(suffix)] + suffix
    USED_NAMES.add(name.lower())
    return name


def make_user(kind, username, name, bio, created, location="", site=None, *,
              metrics, verified_type="none", protected=False, default_img=False,
              lang="en", uid=None):
    username = uniq_username(username, kind == "owner")
    u = {
        "id": uid or user_id_for(created),
        "username": username,
        "name": name,
        "description": bio,
        "created_at": iso(created),
        "location": location,
        "url": "",
        "verified": verified_type != "none",
        "verified_type": verified_type,
        "protected": protected,
        "profile_image_url": img(default_img),
        "public_metrics": metrics,
    }
    ents = {}
    if site:
        t = link(site)
        u["url"] = t
        ents["url"] = {"urls": [{"start": 0, "end": len(t), "url": t, "expanded_url": site,
                                 "display_url": display(site)}]}
    tags = [{"start": m.start(), "end": m.end(), "tag": m.group(1)}
            for m in re.finditer(r"#(\w+)", bio)]
    ments = []
    for m in re.finditer(r"@(\w{1,15})", bio):
        ments.append({"start": m.start(), "end": m.end(), "username": m.group(1)})
    if tags or ments:
        ents["description"] = {}
        if tags:
            ents["description"]["hashtags"] = tags
        if ments:
            ents["description"]["mentions"] = ments
    if ents:
        u["entities"] = ents
    u["_kind"] = kind
    u["_created"] = created
    u["_lang"] = lang
    u["_posts"] = []
    USERS.append(u)
    BY_NAME[username.lower()] = u
    return u


def pm(followers, following, posts, listed, likes, media):
    return {"followers_count": int(followers), "following_count": int(following),
            "post_count": int(posts), "listed_count": int(listed),
            "like_count": int(likes), "media_count": int(media)}


# --------------------------------------------------------------------------- posts

POSTS = []
POST_BY_ID = {}
TEXTS = set()


def emoji():
    return R.choice(["🙌", "✨", "🙏", "💛", "😊", "👀", "🔥", "💯", "🤝", "🌱", "☕", "😅", "🎉", "👇"])


def add_post(author, t, text, lang=None, *, reply_to=None, quote=None, retweet=None,
             metrics=None, allow_dup=False):
    """Create a post at time t. reply_to / quote / retweet: a post dict."""
    if t < author["_created"]:
        t = author["_created"] + dt.timedelta(minutes=R.randrange(5, 600))
    for ref in (reply_to, quote, retweet):
        if ref is not None and t <= ref["_t"]:
            raise RuntimeError("post before its reference")
    if t > NOW:
        raise RuntimeError("post in the future")
    if len(text) > 280:
        text = text[:279] + "\u2026"
    if not allow_dup and text in TEXTS and author["_kind"] in ("genuine", "ordinary", "protected", "owner"):
        # people rephrase a little rather than repeat someone word for word
        leads = [] if text.startswith("@") else (LEADS_Q if text.rstrip().endswith("?") else LEADS_S)
        cands = [x + text for x in leads] + [text + x for x in TAILS if not text.rstrip().endswith("?")]
        R.shuffle(cands)
        for c in cands:
            if c not in TEXTS and len(c) <= 280:
                text = c
                break
    if not allow_dup and text in TEXTS and author["_kind"] == "dead":
        for x in [" lol", " haha", "!!", " :)", " :(", " ...", " tbh", " again", " omg", " xx"]:
            if text + x not in TEXTS:
                text = text + x
                break
    if not allow_dup:
        tries = 0
        while text in TEXTS:
            tries += 1
            text = (text + " " + emoji()) if len(text) < 276 else text[:-2] + emoji()
            if tries > 30:
                raise RuntimeError("cannot make unique: " + text)
    TEXTS.add(text)
    pid = snowflake(t)
    p = {"id": pid, "text": text, "author_id": author["id"], "created_at": iso(t),
         "lang": lang or author["_lang"], "conversation_id": pid}
    refs = []
    if reply_to is not None:
        p["conversation_id"] = reply_to["conversation_id"]
        refs.append({"type": "replied_to", "id": reply_to["id"]})
        p["in_reply_to_user_id"] = reply_to["author_id"]
    if quote is not None:
        refs.append({"type": "quoted", "id": quote["id"]})
    if retweet is not None:
        refs.append({"type": "retweeted", "id": retweet["id"]})
    p["public_metrics"] = metrics or post_metrics(author, t)
    if refs:
        p["referenced_posts"] = refs
    p["_t"] = t
    p["_author"] = author
    POSTS.append(p)
    POST_BY_ID[pid] = p
    author["_posts"].append(p)
    return p


LEADS_Q = ["Honest question: ", "Genuine question: ", "Curious: ", "Slightly random, but: ",
           "Question for the timeline: ", "Okay, help me out: "]
LEADS_S = ["Update: ", "Small update: ", "Little news: ", "Reflecting today: ", "Proud of this one: ",
           "Note to self: ", "Sunday thought: ", "Today's lesson: "]
TAILS = [" Thoughts?", " Would love to hear how others handle it.", " Anyway, back to work.", " More soon.",
         " Still smiling about it.", " Tips welcome!", " That's the post.", " Onwards."]

ENGAGE = {   # (like range, reply range, repost range, impression multiplier)
    "demander": ((2, 60), (0, 25), (0, 20), 30),
    "spammer": ((0, 3), (0, 1), (0, 4), 8),
    "dead": ((0, 1), (0, 0), (0, 0), 5),
    "broadcaster": ((0, 2), (0, 1), (0, 2), 60),
    "genuine": ((1, 45), (0, 9), (0, 6), 40),
    "ordinary": ((0, 12), (0, 3), (0, 1), 25),
    "protected": ((0, 6), (0, 2), (0, 0), 15),
    "owner": ((8, 90), (1, 14), (1, 18), 45),
}


def post_metrics(author, t):
    (l0, l1), (r0, r1), (p0, p1), imp = ENGAGE[author["_kind"]]
    likes = R.randint(l0, l1)
    replies = R.randint(r0, r1)
    reposts = R.randint(p0, p1)
    quotes = 1 if reposts > 4 and R.random() < 0.3 else 0
    bookmarks = R.randint(0, max(0, likes // 6))
    impressions = 0
    if t >= D(2022, 12, 15):
        impressions = int((likes + 2) * imp * (0.6 + R.random()))
    return {"repost_count": reposts, "reply_count": replies, "like_count": likes,
            "quote_count": quotes, "bookmark_count": bookmarks, "impression_count": impressions}


def rt_metrics(orig):
    m = dict.fromkeys(["repost_count", "reply_count", "like_count", "quote_count",
                       "bookmark_count", "impression_count"], 0)
    m["repost_count"] = orig["public_metrics"]["repost_count"]
    return m


def retweet(author, orig, t):
    ou = orig["_author"]["username"]
    otext = orig["text"]
    text = "RT @%s: %s" % (ou, otext)
    if len(text) > 280:
        text = text[:279] + "\u2026"
    return add_post(author, t, text, orig["lang"], retweet=orig, metrics=rt_metrics(orig),
                    allow_dup=True)


def after(p, lo_min=3, hi_min=60 * 30):
    """A time after post p (never after NOW)."""
    t = p["_t"] + dt.timedelta(minutes=R.randint(lo_min, hi_min))
    limit = NOW - dt.timedelta(minutes=2)
    if t > limit:
        t = p["_t"] + (limit - p["_t"]) * R.uniform(0.2, 0.9)
    return t


# --------------------------------------------------------------------------- names

FIRST = ["Amara", "Ben", "Clara", "Dev", "Elena", "Farid", "Greta", "Hugo", "Isla", "Jonah",
         "Kemi", "Lars", "Mira", "Nico", "Orla", "Priya", "Quinn", "Rosa", "Soren", "Talia",
         "Uma", "Viktor", "Wren", "Yusuf", "Zadie", "Abel", "Bryony", "Cato", "Delphine", "Emeka",
         "Fenna", "Gideon", "Hana", "Ivo", "Juno", "Kasia", "Leon", "Maren", "Noor", "Otto",
         "Pia", "Rafael", "Saoirse", "Tobias", "Ines", "Matteo", "Leila", "Arlo", "Beatrix",
         "Callum", "Dara", "Esme", "Felix", "Gwen", "Hollis", "Ivy", "Jasper", "Keziah", "Linus",
         "Marisol", "Nell", "Oren", "Petra", "Rhys", "Selma", "Teodor", "Vera", "Willa", "Ansel",
         "Cosima", "Dorian", "Eliza", "Florin", "Hester", "Idris", "Joss", "Lumi", "Magnus"]
LAST = ["Ashdown", "Brannock", "Calloway", "Dervish", "Ellery", "Fairweather", "Gallant",
        "Holloway", "Iverson", "Jessop", "Kettering", "Lindqvist", "Marchetti", "Nwachukwu",
        "Oyelaran", "Pemberton", "Quillan", "Rourke", "Sandoval", "Thistlewood", "Underhill",
        "Vasquez", "Whitlock", "Yardley", "Zeller", "Abernathy", "Bellweather", "Corrigan",
        "Delacroix", "Eastwick", "Fenwright", "Greaves", "Haverford", "Imrie", "Jovanovic",
        "Kowalczyk", "Larkin", "Moreau", "Nakashima", "Okonkwo", "Pellegrini", "Ravensworth",
        "Sutherby", "Tamsin", "Vance", "Winterbourne", "Achterberg", "Brightwell", "Castellan",
        "Dunmore", "Esterhazy", "Falconer", "Goldhawk", "Hartigan", "Ingleby", "Kilbride"]

TOWNS = ["Wrenmouth, Eastshire", "Millbrook Crossing", "Ashgrove Hollow", "Port Telling",
         "Cedarvane", "Dunmere", "Saltmarsh Quay", "Harrowgate Fields", "Lowmoor", "Kestrelby",
         "Fennick Bridge", "Oakhallow", "Brindle Cove", "Marlow Reach", "Tillingford"]

USED_PERSON = set()


def person():
    while True:
        f, l = R.choice(FIRST), R.choice(LAST)
        if (f, l) not in USED_PERSON:
            USED_PERSON.add((f, l))
            return f, l


def handle_for(f, l):
    return R.choice([f + l, f.lower() + "_" + l.lower(), f.lower() + l[0].lower(),
                     f[0].lower() + l.lower(), f.lower() + l.lower()[:5],
                     l.lower() + f[0].lower()])


# =========================================================================== the owner

OWNER_CREATED = D(2022, 3, 5, 6, 47, 23)
owner = make_user(
    "owner", OWNER, "Maya Okafor | BrightPath",
    "Social media consultant for small businesses & nonprofits in Eastshire. Fewer, better "
    "followers. Audits, content plans, workshops. Coffee first. she/her",
    OWNER_CREATED, "Wrenmouth, Eastshire", "https://brightpath.test/",
    metrics=pm(4127, 583, 6841, 87, 15230, 412), uid=OWNER_ID)

# =========================================================================== demanders

DEMAND = {
    "en": dict(
        names=["{f} 💕 IFB", "{f} | Follow Back ✅", "{f} #TFB", "{f} 🔁 F4F", "{f} 🚂", "{f} ✨ 100% FB",
               "𝐅𝐎𝐋𝐋𝐎𝐖 𝐁𝐀𝐂𝐊 {f}", "{f} (follows back)"],
        handles=["ifb_{f}", "{f}_followsback", "tfb_{f}{n}", "{f}_f4f", "{f}followtrain", "folIowback_{f}"],
        bios=["I FOLLOW BACK 100% 💯 #TeamFollowBack #F4F | unfollow me = I unfollow you",
              "Mom of {k} • coffee ☕ • I follow back everyone • #IFollowBack",
              "𝐈 𝐅𝐎𝐋𝐋𝐎𝐖 𝐁𝐀𝐂𝐊 𝐄𝐕𝐄𝐑𝐘𝐎𝐍𝐄 ✅ no games",
              "Follow me & I'll follow you back 🔁 #Follow4Follow #FollowTrain #MGWV",
              "ＦＯＬＬＯＷ ＢＡＣＫ ＧＵＡＲＡＮＴＥＥＤ 🔥 #500aday",
              "#TFB #TeamFollowBack #InstantFollowBack | Gym, music and good vibes",
              "Foodie 🍕 | traveller ✈️ | f o l l o w  b a c k  always",
              "Road to {n}K 🚀 I FoIIow Back 100% #F4F #FollowForFollowBack"],
        demand=["I follow back ALL 🚂🚂 RT this and follow everyone who RTs #FollowTrain #TFB",
                "Drop your @ below and I'll follow you 👇👇 #F4F #Follow4Follow",
                "Almost at {n}00!! follow me n I'll follow u back, no games 💯",
                "FOLLOW TRAIN 🚂 like + RT + follow all who like. I follow back 100% #IFollowBack",
                "Who wants more followers?? Reply 'IFB' and follow everyone in the replies 🔁",
                "Unfollowed {k} people today who didn't follow back. Loyalty matters 💯",
                "New here? Follow me, I follow back in 5 min ⏱️ #InstantFollowBack",
                "Gain train is LIVE 🚂 follow me + everyone who RTs #MGWV #500aday",
                "Let's hit {n}K together!! every follow gets a follow back 🙏",
                "F O L L O W  M E  &  I  F O L L O W  B A C K 💯 no cap",
                "Retweet if you follow back 🔁 I'll check every single one",
                "Following back everyone tonight 🌙 just say hi 👋 #TeamFollowBack",
                "#F4F #F4F #F4F follow for follow, simple 😎"],
        filler=["Monday again, someone send coffee ☕", "Best pizza in town? asking for me 🍕",
                "Gym done 💪 feeling unstoppable today", "Can't believe it's already {m}??",
                "Rainy day, blanket, movie. perfect 🌧️", "Who else is up this late 😴",
                "New haircut, who dis 💇", "Weekend plans? I have none and I love it",
                "That finale though 😱 no spoilers", "Just ate way too many tacos 🌮"],
        reply=["@{u} followed you! follow back? 🙏", "@{u} done ✅ now follow me back 😊",
               "@{u} I followed you {k} days ago still no follow back 🙄",
               "@{u} love this! followed, hope you follow back 💕",
               "@{u} great post!! I follow back 100% btw 🔁",
               "@{u} followed ✅ waiting for the follow back 👀"],
        loc=["Ohio, USA", "Atlanta, GA", "Manchester", "Lagos", "Texas", "Manila", ""]),
    "en_subtle": dict(
        names=["{f} 🌱", "{f} | growing together", "{f} 🤝", "{f} ✨"],
        handles=["{f}_grows", "{f}connects", "{f}_mutuals", "real_{f}{n}"],
        bios=["Growing together 🌱 I always return the favour 🤝",
              "Supporting small creators 💛 you engage, I engage back",
              "Mutuals welcome 🤝 let's connect | dog mom 🐶",
              "I notice every follow 👀 and I never forget the unfollows",
              "Loyal to my followers. If you leave, so do I ✌️",
              "Networking | let's connect & grow 📈 | DM open"],
        demand=["Who's still active here? Let's connect 👇 I check every reply",
                "Noticed a few of you unfollowed right after I followed back. Not cool. Cleaning my list tonight 🧹",
                "Looking to connect with more small business folks! Reply and I'll check out your page 💛",
                "Mutuals, where you at? 👀 Say hi so I know you're real",
                "Let's grow together 🌱 engage with this and I'll return the favour",
                "If we're not mutuals yet, fix that 😉",
                "Small accounts supporting small accounts 🤝 drop your handle",
                "Doing a little follow audit today... you know who you are 👀"],
        filler=["Coffee and a to-do list longer than my arm ☕", "Sunday reset: laundry, plants, podcast",
                "Grateful for this little corner of the internet 💛", "Trying a new running route today 🏃",
                "Tea > coffee and I will not be taking questions", "Finally finished that book. Wow."],
        reply=["@{u} we should be mutuals 🤝", "@{u} followed! let's support each other 💛",
               "@{u} love this, just followed. mutuals? 👀", "@{u} so true! connecting now 🤝"],
        loc=["", "London", "Toronto", "Dublin", "Sydney"]),
    "es": dict(
        names=["{f} 💚 #SiguemeYTeSigo", "{f} ✨ sigo de vuelta", "{f} | Te Sigo 🔁"],
        handles=["{f}_tesigo", "sigueme_{f}", "{f}resiguiendo"],
        bios=["Sígueme y te sigo 💯 sigo de vuelta a todos 🔁 #SiguemeYTeSigo",
              "Te sigo si me sigues 😊 | Madrid | fútbol y café",
              "sigo de vuelta siempre 💚 activos por aquí 👋",
              "¿Nos seguimos? 🤝 #FollowBackSeguro | CDMX 🇲🇽"],
        demand=["¿Quién quiere seguidores? Da RT y sigue a todos los que den RT 🔁 #SiguemeYTeSigo",
                "Sígueme y te sigo de vuelta al instante 💯",
                "Activos por aquí 👋 comenta y te sigo de vuelta",
                "Casi {n}00 seguidores 🥺 síganme que sigo de vuelta a todos",
                "¿Nos seguimos? 🤝 deja tu @ abajo 👇",
                "Hoy dejé de seguir a los que no me siguen de vuelta. Así es 😤"],
        filler=["Buenos días, ¿alguien más necesita café? ☕", "Qué partidazo ayer ⚽🔥",
                "Lunes otra vez 😩", "Nada como unos tacos un viernes 🌮", "Hace un frío horrible hoy 🥶"],
        reply=["@{u} te sigo, ¿me sigues de vuelta? 🙏", "@{u} ya te seguí ✅ sigo de vuelta siempre",
               "@{u} ¡te sigo! ¿nos seguimos? 😊"],
        loc=["Madrid", "Ciudad de México", "Buenos Aires", "Bogotá", "Sevilla"]),
    "pt": dict(
        names=["{f} 🌻 SDV", "{f} | sigo de volta", "{f} 💚 #SDV"],
        handles=["sdv_{f}", "{f}_sigodevolta", "{f}sdvtodos"],
        bios=["Me segue que eu te sigo 💚 #SDV | São Paulo",
              "sigo de volta todo mundo 🔁 #sdvtodos | Flamengo ❤️🖤",
              "Segue que eu te sigo 😘 | Recife ☀️",
              "follow me que eu dou follow back 💯"],
        demand=["Quem quer seguidores? Dá RT e segue todo mundo que der RT 🔁 #sdvtodos",
                "me segueeee que eu sigo de volta na hora 🥺💚",
                "Tô seguindo de volta todo mundo hoje 🔁 comenta aqui",
                "Quase {n}00 seguidores!! me segue e eu te sigo 🙏",
                "quem não segue de volta vai levar unfollow 😤 #SDV"],
        filler=["Bom dia! Segunda de novo, alguém me dá forças ☕", "Que calor hoje 🥵",
                "Saudade de praia 🏖️", "Açaí depois do treino, merecido 💜", "Chuva o dia todo aqui 🌧️"],
        reply=["@{u} te segui, me segue de volta? 🙏", "@{u} já te sigo! sigo de volta sempre 💚",
               "@{u} segui ✅ segue de volta?"],
        loc=["São Paulo, Brasil", "Rio de Janeiro", "Recife", "Belo Horizonte", "Lisboa"]),
    "fr": dict(
        names=["{f} ✨ follow back", "{f} 🔁", "{f} | je follow back"],
        handles=["{f}_followback", "{f}_fb_fr", "suis_moi_{f}"],
        bios=["je follow back 100% 🔁 | Paris | musique & café",
              "Follow me sur X je follow back ✨", "Abonne-toi, je m'abonne en retour 🤝 | Lyon"],
        demand=["Follow me et je follow back direct 💯",
                "Qui veut des abonnés ? RT + follow tous ceux qui RT 🔁",
                "je follow back tout le monde ce soir, laissez votre @ 👇",
                "Presque {n}00 abonnés 🥺 abonnez-vous, je vous suis en retour"],
        filler=["Lundi matin, café obligatoire ☕", "Il pleut encore sur Paris 🌧️",
                "Quelqu'un a vu le match hier soir ?", "Week-end tranquille, ça fait du bien"],
        reply=["@{u} je t'ai suivi(e), tu me follow back ? 😊", "@{u} abonné ✅ tu me suis en retour ?"],
        loc=["Paris", "Lyon", "Marseille", "Bruxelles"]),
    "de": dict(
        names=["{f} 🔁 F4F", "{f} | folge zurück", "{f} ✨"],
        handles=["{f}_folgtzurueck", "{f}_f4f_de", "{f}followback"],
        bios=["Folgst du mir, folg ich dir 🔁 | Berlin", "Ich folge 100% zurück ✅ #F4F #FollowBack",
              "folge jedem zurück 🤝 | Fußball & Kaffee"],
        demand=["Folgst du mir, folg ich dir! Ganz einfach 🔁",
                "Wer will mehr Follower? RT und allen folgen, die RT'en 🚂",
                "Fast {n}00 Follower 🙏 folgt mir, ich folge zurück",
                "Heute alle entfolgt, die nicht zurückfolgen. Sorry not sorry 😤"],
        filler=["Montag. Kaffee. Sofort. ☕", "Endlich Wochenende 🎉", "Schon wieder Regen in Hamburg 🌧️",
                "Wer hat das Spiel gestern gesehen?"],
        reply=["@{u} folg mir zurück bitte 🙏", "@{u} ich folge dir jetzt, folgst du zurück? 😊"],
        loc=["Berlin", "Hamburg", "München", "Wien"]),
    "in": dict(
        names=["{f} ✨ pasti folbek", "{f} 🌸 follback", "{f} | mutualan yuk"],
        handles=["folbek_{f}", "{f}_follback", "{f}mutualan"],
        bios=["anak bdg 🌸 | suka kpop | pasti follback, jangan lupa follow ya 🙏",
              "follback gan 💯 | Jakarta", "yuk mutualan! saling follow 🤝 | polbek pasti",
              "Fakir folbek? bukan, aku pasti folbek kok 😂 | Surabaya"],
        demand=["Yukk mutualan! Reply 'done' nanti aku follow balik semua 🫶",
                "follback gan, jangan lupa follow ya 🙏",
                "f o l l b a c k  y a  k a k, yang nggak folbek aku unfoll 😤",
                "Minta folbeknya dong kak 🥺 udah aku follow duluan",
                "Siapa yang mau mutualan? RT + follow semua yang RT 🔁"],
        filler=["Hujan terus dari pagi 🌧️", "Laper banget, enaknya makan apa ya?",
                "Senin lagi... semangat semuanya 💪", "Macet parah di jalan pulang 😩"],
        reply=["@{u} udah aku follow ya kak, folbek dong 🥺", "@{u} follback ya kak 🙏",
               "@{u} polbek pliss 🥺"],
        loc=["Bandung", "Jakarta", "Surabaya", "Yogyakarta"]),
    "tr": dict(
        names=["{f} | GT ✔", "{f} 🔁 geri takip", "{f} #gt"],
        handles=["gt_{f}{n}", "{f}_geritakip", "{f}takipci"],
        bios=["#takipedenitakipederim 🔁 İstanbul | Galatasaray 💛❤️",
              "geri takip yapıyorum 💯 takipe takip 🤝", "Takip eden herkese gt ✔ | Ankara"],
        demand=["Bu tweeti beğenen ve RT'leyenler birbirini takip etsin, ben de hepsini takip ediyorum #gt #geritakip",
                "geri takiiiip yapıyorum, takip eden herkese gt 💯",
                "takipe takip 🤝 yorum yap, takip edeyim",
                "Geri takip yapmayanları temizledim bugün 🧹 #takipedenitakipederim"],
        filler=["Günaydın! Hafta sonu planı olan var mı?", "Çay saati ☕", "Maç harikaydı dün akşam ⚽",
                "İstanbul trafiği yine çıldırmış 😩"],
        reply=["@{u} takip ettim, geri takip yapar mısın? 🙏", "@{u} takipe takip? 🤝"],
        loc=["İstanbul", "Ankara", "İzmir"]),
    "ar": dict(
        names=["{f} 🌹 فولو باك", "{f} | تبادل متابعة", "{f} ✨"],
        handles=["{f}_followback_ar", "{f}_fb99", "{f}_ksa"],
        bios=["فولو باك فوري 💯 تابعني وأتابعك 🌹", "#زيادة_متابعين | تابعني وأتابعك",
              "اضغط فولو وأرد المتابعة 🤝 #تبادل_متابعة"],
        demand=["فولو باك للجميع 🌹 تابعني وأتابعك فوراً",
                "#زيادة_متابعين رتويت وتابع كل من يعمل رتويت 🔁",
                "تبادل متابعة؟ 🤝 اكتب تم وأتابعك",
                "اضغط فولو وأرد المتابعة خلال دقائق 💯 #اضغط_فولو"],
        filler=["صباح الخير للجميع ☀️", "الجو حار جداً اليوم 🥵", "جمعة مباركة 🤍", "قهوة المساء ☕"],
        reply=["@{u} تابعتك، فولو باك؟ 🌹", "@{u} تم المتابعة ✅ رد المتابعة لو سمحت"],
        loc=["الرياض", "جدة", "دبي", "القاهرة"]),
    "ja": dict(
        names=["{f}＠相互フォロー", "{f}🌸フォロバ100%", "{f}｜相互希望"],
        handles=["{f}_sougo", "{f}_foroba", "sougo_{f}{n}"],
        bios=["相互フォロー歓迎🌸 フォロバ100％です！", "基本的にフォロバ100％なので気軽にフォローしてね",
              "相互希望 🤝 #相互フォロー #フォロバ", "無言フォロー失礼します🙇 フォロバします"],
        demand=["RTした人全員フォローする🌸 #相互フォロー",
                "フォロバ100%！フォローしてくれた方は必ずフォロー返しします",
                "#いいねした人全員フォロー 今日中にフォロバします🙇",
                "相互さん募集中です🌸 気軽にどうぞ", "フォロバ率100％目指してます💪 #相互希望"],
        filler=["今日は一日中雨ですね☔ 洗濯物が乾かない", "仕事帰りにラーメン食べたい🍜", "やっと金曜日！今週も長かった〜",
                "朝晩すっかり寒くなってきました🍂 風邪ひかないように"],
        reply=["@{u} フォローしました！フォロバお願いします🙏", "@{u} 相互フォローお願いします🌸"],
        loc=["東京", "大阪", "名古屋", "福岡"]),
    "ko": dict(
        names=["{f} 맞팔", "{f} 🌷 선팔하면맞팔"],
        handles=["{f}_matpal", "{f}_sunpal"],
        bios=["#선팔하면맞팔 💯 | 서울", "맞팔해요 🤝 #맞팔 #선팔"],
        demand=["선팔하면 맞팔 100% 🌷", "맞팔하실 분 RT 해주세요 🔁 #맞팔",
                "선팔 걸어놓고 언팔하는 분들 다 보여요 👀"],
        filler=["오늘 날씨 너무 좋다 ☀️ 산책 가야지", "퇴근 후 커피 한 잔의 여유 ☕", "월요일 싫어 😩 주말 언제 와"],
        reply=["@{u} 선팔했어요! 맞팔해요 🌷"],
        loc=["서울", "부산"]),
    "ru": dict(
        names=["{f} | взаимная подписка"], handles=["{f}_vzaimno"],
        bios=["Взаимная подписка 🔁 #ВзаимныйФолловинг | Казань"],
        demand=["Подписка за подписку! Подписываюсь на всех в ответ 🔁 #ПодпискаЗаПодписку",
                "Кто за взаимные подписки? Пишите + 👇"],
        filler=["Доброе утро! Кофе и за работу ☕", "Первый снег сегодня ❄️"],
        reply=["@{u} подписался, жду взаимную 🙏"], loc=["Казань"]),
    "it": dict(
        names=["{f} 🔁 ricambio"], handles=["{f}_ricambio"],
        bios=["Ricambio sempre il follow 💯 seguimi e ti seguo | Napoli"],
        demand=["Seguimi e ti seguo subito 🔁 ricambio al 100%",
                "Chi vuole nuovi follower? RT e segui chi fa RT 🚂"],
        filler=["Buongiorno! Caffè e si parte ☕", "Che partita ieri sera ⚽"],
        reply=["@{u} ti ho seguito, ricambi? 🙏"], loc=["Napoli"]),
}
DEMAND_LANGS = ([("en", 12), ("en_subtle", 6), ("es", 6), ("pt", 6), ("fr", 4), ("de", 4),
                 ("in", 6), ("tr", 5), ("ar", 4), ("ja", 5), ("ko", 2), ("ru", 1), ("it", 1)])
LOCAL_FIRST = {
    "es": ["Lucía", "Mateo", "Valentina", "Diego", "Camila", "Javi"],
    "pt": ["Carol", "Bia", "Thiago", "Larissa", "Gabi", "Rafa"],
    "fr": ["Manon", "Lucas", "Chloé", "Inès"], "de": ["Lena", "Jonas", "Mia", "Felix"],
    "in": ["Rina", "Dinda", "Bayu", "Sari", "Putri", "Dimas"], "tr": ["Mert", "Elif", "Burak", "Zeynep", "Emre"],
    "ar": ["نورة", "فهد", "ريم", "سلطان"], "ja": ["はるか", "ゆうき", "みさき", "そら", "あおい"],
    "ko": ["지은", "민준"], "ru": ["Оля"], "it": ["Giulia"],
}
LOCAL_LATIN = {"ar": ["noura", "fahad", "reem", "sultan"], "ja": ["haruka", "yuki", "misaki", "sora", "aoi"],
               "ko": ["jieun", "minjun"], "ru": ["olya"]}


def fill(s, **kw):
    kw.setdefault("n", R.randint(2, 9))
    kw.setdefault("k", R.randint(2, 5))
    kw.setdefault("m", R.choice(["November", "Friday", "the weekend", "December"]))
    return s.format(**kw)


demanders = []
for lang, count in DEMAND_LANGS:
    spec = DEMAND[lang]
    for i in range(count):
        if lang in LOCAL_FIRST:
            f = LOCAL_FIRST[lang][i % len(LOCAL_FIRST[lang])]
            fl = (LOCAL_LATIN.get(lang) or [x.lower() for x in LOCAL_FIRST[lang]])[i % len(LOCAL_FIRST[lang])]
        else:
            f, _ = person()
            fl = f.lower()
        fl = fl.translate(str.maketrans("áéíóúãçêıİşğüöé", "aeiouaceiisguoe"))
        created = rand_between(D(2011, 3), D(2024, 12))
        followers = R.randint(800, 12000)
        u = make_user(
            "demander", fill(spec["handles"][i % len(spec["handles"])], f=fl, n=R.randint(1, 99)),
            fill(spec["names"][i % len(spec["names"])], f=f),
            fill(spec["bios"][i % len(spec["bios"])]), created, R.choice(spec["loc"]),
            metrics=pm(followers, followers * R.uniform(0.9, 1.12), R.randint(2000, 40000),
                       R.randint(0, 40), R.randint(5000, 70000), R.randint(100, 3000)),
            verified_type=R.choice(["none"] * 8 + ["blue"]),
            lang="en" if lang == "en_subtle" else lang)
        u["_spec"] = lang
        demanders.append(u)

# =========================================================================== spammers

COINS = ["NEBULA", "QRTZ", "MoonPaw", "SOLARI", "FluxToken", "ORBIT", "Grainium"]
SPAM_DOMAINS = ["claim-usdt-bonus.example", "airdrop-verify.example", "free-mint-now.example",
                "wallet-connect-secure.example", "growfast-followers.example", "promo-boost.example",
                "hot-deals-247.example", "win-iphone-today.example", "earn-daily-yield.example"]
spammers = []
SPAM_TYPES = [("crypto", 14), ("promo", 10), ("linkonly", 8), ("repost", 8)]
for stype, count in SPAM_TYPES:
    for i in range(count):
        f, l = person()
        if stype == "crypto":
            coin = R.choice(COINS)
            name = R.choice(["%s Airdrop 🎁", "%s Official Giveaway", "%s Rewards 🚀", "%s Support"]) % coin
            handle = coin.lower() + R.choice(["_airdrop", "_rewards", "giveaway", "_claims", "_drop"]) + \
                str(R.randint(1, 999))
            bio = R.choice(["🎁 Official {c} giveaway. 10,000 winners. Claim yours before it's gone 👇",
                            "{c} community rewards 🚀 Connect wallet to claim. Not financial advice.",
                            "💰 Turn $100 into $5,000 in 7 days with {c}. DM me to start 📩",
                            "Verified {c} support. We will never DM you first."]).format(c=coin)
            site = "https://%s/%s" % (R.choice(SPAM_DOMAINS[:4] + SPAM_DOMAINS[8:]), slug(coin))
        elif stype == "promo":
            name = R.choice(["{f} | Promo Expert", "Grow With {f} 📈", "{f} 💎 Promotion", "Viral {f}"]).format(f=f)
            handle = R.choice(["promo_{f}", "{f}_growth{n}", "viral{f}promo", "{f}_boosts"]).format(
                f=f.lower(), n=R.randint(1, 99))
            bio = R.choice(["DM for promo 📩 | 100% organic growth | 500+ happy clients",
                            "Want real followers? 📈 Promote your page, music, shop. DM now!",
                            "I help brands go viral 🚀 paid promo only. Link below 👇",
                            "Instagram • X • TikTok growth. Cheap & fast. DM for price list 💎"])
            site = "https://%s/" % R.choice(SPAM_DOMAINS[4:6])
        elif stype == "linkonly":
            name = R.choice(["{f}{n}", "Hot Deals {n}", "{f} {l}", "Daily Finds"]).format(
                f=f, l=l, n=R.randint(10, 999))
            handle = "%s%s%d" % (f.lower(), l.lower()[:3], R.randint(1000, 99999))
            bio = R.choice(["", "👇👇👇", "best deals online", "click the link 🔗", "💯🔥"])
            site = "https://%s/" % R.choice(SPAM_DOMAINS[6:8])
        else:
            name = R.choice(["{f} {l}", "{f}", "{f}_{n}"]).format(f=f, l=l, n=R.randint(10, 999))
            handle = "%s_%s%d" % (f.lower(), l.lower()[:4], R.randint(100, 9999))
            bio = R.choice(["crypto | web3 | RT ≠ endorsement", "RT everything 🔁", "", "🚀🚀🚀 to the moon"])
            site = None
        created = rand_between(D(2024, 6), D(2026, 10, 25)) if R.random() < 0.85 else rand_between(D(2012), D(2015))
        u = make_user(
            "spammer", handle, name, bio, created, R.choice(["", "", "Worldwide 🌍", "Dubai", "Online"]), site,
            metrics=pm(R.randint(0, 320), R.randint(600, 4990), R.randint(200, 21000), R.randint(0, 3),
                       R.randint(0, 400), R.randint(0, 60)),
            verified_type="blue" if (stype == "crypto" and R.random() < 0.5) else "none",
            default_img=(stype in ("linkonly", "repost") and R.random() < 0.4))
        u["_spec"] = stype
        spammers.append(u)

# =========================================================================== dead

DEAD_NAMES = ["user", "Kevin", "Jenny", "Alex", "Sam", "Chris", "Nina", "Tomas", "Lee", "Rahul",
              "Maria", "Jess", "Dan", "Ola", "Ken", "Ana", "Mo", "Zoe"]
DEAD_POSTS = ["hello world!!", "first post! hi everyone", "is this thing on?", "so bored rn", "testing 1 2 3",
              "watching the game tonight", "finally made an account lol", "good morning everyone",
              "new phone, who dis", "ugh mondays again", "happy new year!!", "so tired today", "anyone here?",
              "hi guys what's up", "can't sleep again", "lol this app", "this app is confusing", "pizza time!!",
              "going to the beach tmrw", "my first tweet ever", "what do i even post here", "late night thoughts",
              "ok bye for now", "back to school tomorrow", "rainy day again", "happy friday!", "hmm not sure about this",
              "so this is twitter", "exams next week help", "who else is watching the final", "omg that ending",
              "snow day!!! no school", "my cat is so weird", "need a holiday", "new account, follow me",
              "just got home from work", "best burger ever tonight", "can't believe it's monday",
              "listening to music all day", "thanks for the follows!", "setting this up for my mum",
              "first day at the new job", "can anyone see this?", "trying this out", "got my results today!!",
              "happy birthday to me", "coffee first then people", "the bus is late again",
              "long day, going to bed", "how do i change my picture"]


def make_dead(n_posts=None, created=None):
    base = R.choice(DEAD_NAMES)
    digits = str(R.randrange(10**5, 10**9))
    handle = (base.lower() + digits)[:15] if base != "user" else ("user" + digits + str(R.randint(10, 99)))[:15]
    name = R.choice([handle, base + digits[:R.randint(3, 6)], base, handle.capitalize()])
    created = created or rand_between(D(2008, 5), D(2025, 6))
    n = R.choice([0, 0, 1, 1, 1, 2, 3]) if n_posts is None else n_posts
    u = make_user("dead", handle, name, "", created, R.choice([""] * 6 + ["USA", "London", "earth"]),
                  metrics=pm(R.randint(0, 9), R.randint(1, 90), n, 0, R.randint(0, 6), 0),
                  default_img=R.random() < 0.9)
    return u


dead = [make_dead() for _ in range(52)]

# =========================================================================== broadcasters

BROADCAST_TYPES = {
    "news": ["Wrenmouth Gazette", "Eastshire Daily Bulletin", "Port Telling Courier", "Kestrelby Herald Bot",
             "Eastshire News Wire", "Dunmere Today", "Cedarvane Chronicle",
             "Saltmarsh Quay Post"],
    "weather": ["Wrenmouth Weather Bot", "Eastshire Tides & Weather", "Saltmarsh Quay Forecast"],
    "traffic": ["Eastshire Traffic", "Wrenmouth Roads Live"],
    "jobs": ["Eastshire Jobs Board", "Remote Marketing Jobs Feed", "Hospitality Jobs Eastshire"],
    "deals": ["Bargainfern", "Bargain Lantern", "ShopSpree Daily"],
    "saas": ["Postcraftly App", "Scheddle HQ", "InboxOtter", "Metrisprout Tools", "Pixelbrew Templates"],
    "marketingnews": ["Social Media Newsfeed", "Marketing Headlines Bot", "Growth Digest Daily"],
    "quotes": ["Daily Hustle Quotes", "Motivation Machine", "Rise and Grind Daily"],
    "events": ["What's On Eastshire", "Wrenmouth Events Calendar"],
    "realestate": ["Harbourview Lettings", "Eastshire Homes Listings"],
    "recipes": ["Weeknight Supper Club", "Quick Bakes Feed"],
    "sports": ["Eastshire Sports Scores", "Wrenmouth Rovers Updates"],
    "podcast": ["Marketing Minute Network", "Founders Talk Radio"],
}
STREETS = ["Quay Street", "Market Row", "Tanner's Lane", "Old Mill Road", "Harbour Parade", "Chapel Hill",
           "Station Approach", "Fenwick Road", "Castle Wynd", "Long Acre"]
NEWS_SUBJ = ["Council", "Eastshire Police", "Local school", "Harbour trust", "Bus operator", "Hospital trust",
             "Library service", "Town planners", "Residents' group", "Fire service", "Community orchard",
             "Farmers' market", "Rugby club", "Chamber of commerce", "Lifeboat crew"]
NEWS_VERB = ["approves", "delays", "unveils plans for", "launches consultation on", "raises concerns over",
             "celebrates", "confirms funding for", "reopens", "scraps", "warns about", "votes on", "begins work on"]
NEWS_OBJ = ["new bike lanes on {s}", "the {s} car park", "a late-night bus route", "winter opening hours",
            "repairs to {s}", "a pop-up food market", "flood defences near {s}", "a new skate park",
            "the Christmas lights switch-on", "school crossing changes", "a £{n}m regeneration scheme",
            "a ban on e-scooters on {s}", "free parking on Saturdays", "the old cinema site", "litter patrols"]
MKT_HEAD = ["{p} is testing a new feed algorithm for business accounts", "Study: short videos get {n}x more saves",
            "{p} rolls out scheduled posts for all users", "Report: {n}% of small brands cut ad spend this quarter",
            "{p} changes how link previews are shown", "Survey: newsletters beat social for repeat sales",
            "{p} adds analytics export for creators", "Why engagement rates fell {n}% in Q3",
            "{p} updates its rules on giveaway posts", "Brands are posting less and getting more, new data says",
            "{p} launches a marketplace for local services", "Hashtags matter less than ever, says {p} report"]
PLATFORMS = ["Chirpr", "Picturely", "Loopline", "Vidstream", "Threadnest", "Pinbook"]
QUOTES = ["Success is rented, and the rent is due every day.", "Your only limit is the snooze button.",
          "Small steps every day add up to big results.", "Don't wish for it. Work for it.",
          "Discipline beats motivation.", "Great things never come from comfort zones.",
          "Dream big. Start small. Act now.", "Consistency is the real flex.",
          "The grind doesn't care how you feel.", "Done is better than perfect.",
          "Be the energy you want to attract.", "Wake up with determination. Go to bed with satisfaction.",
          "Focus on progress, not perfection.", "Work hard in silence.", "If it matters, make time.",
          "Hustle until your haters ask if you're hiring.", "Stay hungry, stay humble.",
          "Make today count.", "Every expert was once a beginner.", "Action cures fear.",
          "You don't need permission to start.", "Little by little, a little becomes a lot.",
          "Be stubborn about goals, flexible about methods.", "Rest, but don't quit.",
          "Your future self is watching.", "Start where you are.", "Doubt kills more dreams than failure."]
JOBS = ["Social Media Assistant", "Barista", "Content Writer", "Marketing Coordinator", "Chef de Partie",
        "Receptionist", "Graphic Designer", "Community Manager", "Sales Associate", "Events Assistant",
        "Bookkeeper", "Delivery Driver", "Teaching Assistant", "Copy Editor", "Warehouse Operative"]
PRODUCTS = ["wireless earbuds", "air fryer", "standing desk", "robot vacuum", "hiking boots", "blender",
            "e-reader", "desk lamp", "coffee grinder", "electric toothbrush", "yoga mat", "smartwatch",
            "backpack", "cast-iron pan", "portable speaker", "phone tripod", "kettle", "monitor arm"]
DISHES = ["one-pan lemon chicken", "15-minute miso noodles", "crispy chickpea tacos", "brown butter banana bread",
          "leek and potato soup", "sheet-pan gnocchi", "cheddar scones", "spiced lentil stew", "apple crumble bars",
          "garlic mushroom risotto", "halloumi traybake", "pear and ginger loaf", "sausage and bean bake"]
TEAMS = ["Wrenmouth Rovers", "Dunmere Athletic", "Port Telling FC", "Kestrelby Town", "Cedarvane United",
         "Saltmarsh Wanderers"]
COND = ["light rain", "sunny spells", "overcast", "heavy showers", "fog clearing by noon", "clear skies",
        "drizzle", "strong winds", "frost early"]
EVENTS = ["Craft fair", "Open mic night", "Jazz in the library", "Beach clean", "Winter market",
          "Kids' coding club", "Repair café", "Quiz night", "Lantern parade", "Vinyl swap", "Pottery taster",
          "Community choir", "Film club", "Book swap", "Yoga in the park"]


def bc_text(btype, u, i, t):
    dom = u["_domain"]
    town = R.choice(["Wrenmouth", "Dunmere", "Port Telling", "Kestrelby", "Cedarvane", "Saltmarsh Quay"])
    if btype == "news":
        h = "%s %s %s" % (R.choice(NEWS_SUBJ), R.choice(NEWS_VERB),
                          R.choice(NEWS_OBJ).format(s=R.choice(STREETS), n=R.randint(2, 40)))
        return "%s%s %s" % (R.choice(["", "", "UPDATE: ", "BREAKING: "]), h,
                            link("https://%s/news/%s-%d" % (dom, slug(h), R.randint(1000, 99999))))
    if btype == "weather":
        return "%s %s: %d°C, %s. Wind %s %d km/h. High tide %02d:%02d. #%sWeather" % (
            R.choice(["Weather update for", "Forecast,", "Now in"]), town, R.randint(-2, 15), R.choice(COND),
            R.choice(["N", "NE", "E", "SE", "S", "SW", "W", "NW"]), R.randint(3, 55), R.randint(0, 23),
            R.choice([0, 15, 30, 45]), town.replace(" ", ""))
    if btype == "traffic":
        return "%s on the %s %s, %s. %s" % (
            R.choice(["Queueing traffic", "Lane closed", "Broken-down van", "Roadworks", "Slow traffic",
                      "Collision cleared"]),
            "A%d" % R.randint(10, 999), R.choice(["northbound", "southbound", "eastbound", "westbound"]),
            "near %s" % R.choice(STREETS), R.choice(["Allow extra time.", "Delays of %d mins." % R.randint(5, 40),
                                                     "Expect delays.", "Now clear."]))
    if btype == "jobs":
        j = R.choice(JOBS)
        return "New job: %s at %s, %s (%s, £%d,%03d). Apply: %s #%sJobs" % (
            j, R.choice(["a local café", "a design studio", "a charity", "a retailer", "a hotel", "a school"]),
            town, R.choice(["full-time", "part-time", "contract"]), R.randint(19, 42), R.choice([0, 500]),
            link("https://%s/jobs/%s-%d" % (dom, slug(j), R.randint(10000, 99999))), town.replace(" ", ""))
    if btype == "deals":
        p = R.choice(PRODUCTS)
        return "%s %d%% off this %s, today only %s %s" % (
            R.choice(["🔥 DEAL:", "⚡ Flash sale:", "💥 Price drop:", "🛒"]), R.randint(15, 70), p,
            link("https://%s/d/%s-%d" % (dom, slug(p), R.randint(100, 9999))), R.choice(["#ad", "#deals", "#sale"]))
    if btype == "saas":
        tips = ["Schedule a week of posts in 10 minutes", "5 caption formulas that actually work",
                "How to repurpose one blog post into 8 social posts", "Your best posting time, explained",
                "New: bulk upload from a spreadsheet", "Case study: how a bakery doubled its reach",
                "Template: a 30-day content calendar", "Webinar on Thursday: analytics for beginners",
                "Feature update: team approvals", "Why your link in bio is leaking clicks",
                "Free checklist: audit your profile in 15 minutes", "We just shipped dark mode 🌙"]
        h = R.choice(tips)
        return ("%s %s %s" % (h, link("https://%s/blog/%s-%d" % (dom, slug(h), R.randint(10, 999))),
                              R.choice(["#SocialMedia", "#Marketing", "#SmallBusiness", "#ContentMarketing", ""]))).strip()
    if btype == "marketingnews":
        h = R.choice(MKT_HEAD).format(p=R.choice(PLATFORMS), n=R.randint(2, 60))
        return "%s %s" % (h, link("https://%s/%d/%s" % (dom, R.randint(10000, 99999), slug(h))))
    if btype == "quotes":
        return "%s %s" % (R.choice(QUOTES), R.choice(["#MondayMotivation", "#Hustle", "#Mindset",
                                                      "#Success", "#Motivation", "💪", "🔥"]))
    if btype == "events":
        e = R.choice(EVENTS)
        return "%s, %s %s at %s %s" % (e, R.choice(["Sat", "Sun", "Fri", "Wed", "Thu"]),
                                       "%d %s" % (R.randint(1, 28), R.choice(["Nov", "Dec"])),
                                       town, link("https://%s/whats-on/%s" % (dom, slug(e + " " + town))))
    if btype == "realestate":
        return "%s %d-bed %s, %s, £%d,%03d %s" % (
            R.choice(["New listing:", "Just reduced:", "To let:", "Open house Saturday:"]), R.randint(1, 5),
            R.choice(["terrace", "flat", "cottage", "semi", "townhouse"]), "%s, %s" % (R.choice(STREETS), town),
            R.randint(120, 650) if R.random() < 0.7 else R.randint(1, 2), R.choice([0, 500, 950]),
            link("https://%s/p/%d" % (dom, R.randint(100000, 999999))))
    if btype == "recipes":
        d = R.choice(DISHES)
        return "Tonight: %s%s %s #recipe" % (d, R.choice(["", " (serves 4)", ", freezer-friendly", ", one pan"]),
                                             link("https://%s/r/%s-%d" % (dom, slug(d), R.randint(10, 9999))))
    if btype == "sports":
        a, b = R.sample(TEAMS, 2)
        return ("%s: %s %d-%d %s %s" % (R.choice(["FT", "HT", "FT", "Full time"]), a, R.randint(0, 4),
                                        R.randint(0, 4), b, R.choice(["#EastshireLeague", "⚽", ""]))).strip()
    if btype == "podcast":
        g = "%s %s" % person()
        topic = R.choice(["pricing your first product", "hiring your first employee", "email lists",
                          "saying no to clients", "running a shop and a family", "social media burnout",
                          "local SEO", "community over audience", "going part-time on your startup"])
        return "New episode 🎙️ %s on %s. Listen: %s" % (
            g, topic, link("https://%s/ep/%d-%s" % (dom, R.randint(100, 400), slug(topic))))
    raise ValueError(btype)


broadcasters = []


def make_broadcaster(btype, name):
    dom = slug(name).replace("-", "") + R.choice([".example.com", ".example.org", ".test"])
    created = rand_between(D(2009, 2), D(2023, 6))
    handle = re.sub(r"[^A-Za-z0-9]", "", name.replace("&", "and"))
    if len(handle) > 15:
        words = re.sub(r"[^A-Za-z0-9 ]", "", name).split()
        two = words[0] + words[1]
        handle = two if len(two) <= 15 else "".join(w[0] for w in words) + R.choice(["news", "bot", "feed", "hq"])
    bios = {"news": "Automated headlines from {n}. Not monitored.",
            "weather": "Hourly weather for {t}. Automated. Not monitored.",
            "traffic": "Live road updates across Eastshire, 24/7. Automated feed.",
            "jobs": "Fresh local job listings every hour. Post a job on our site.",
            "deals": "The best deals, posted every hour. As an affiliate we earn from qualifying purchases.",
            "saas": "The easiest way to plan, schedule and measure your posts. Support: help@{d}",
            "marketingnews": "Marketing and social media news, around the clock. Automated.",
            "quotes": "Your daily dose of motivation 💪 New quote every hour.",
            "events": "Everything happening in and around Wrenmouth. Submit your event on our site.",
            "realestate": "Homes to buy and rent across Eastshire. New listings daily.",
            "recipes": "Easy dinners, posted on the hour.",
            "sports": "Live scores and results from the Eastshire leagues. Automated.",
            "podcast": "Interviews with people building small businesses. New episodes weekly."}
    followers = R.randint(2000, 150000)
    u = make_user("broadcaster", handle, name,
                  bios[btype].format(n=name, t=name.split()[0], d=dom), created,
                  R.choice(["Eastshire", "Wrenmouth, Eastshire", "", "Online"]), "https://%s/" % dom,
                  metrics=pm(followers, R.randint(0, 60), R.randint(20000, 420000), R.randint(50, 2500),
                             R.randint(0, 40), R.randint(0, 9000)),
                  verified_type=R.choice(["none", "none", "business", "blue"]))
    u["_spec"] = btype
    u["_domain"] = dom
    broadcasters.append(u)
    return u


_bc_names = [(t, n) for t, ns in BROADCAST_TYPES.items() for n in ns]   # 40 names
R.shuffle(_bc_names)
for t, n in _bc_names:
    make_broadcaster(t, n)

# =========================================================================== genuine people

ROLES = {
    "baker": dict(
        titles=["Baker and owner of {org}", "Head baker at {org}", "Runs {org}, a tiny bakery"],
        orgs=["Crumb & Kettle", "Rye Lane Bakehouse", "Little Proof Bakery", "Honeycomb Bakes", "Flourish Bakehouse",
              "The Early Loaf"],
        extras=["Sourdough, cardamom buns and far too many early mornings.", "Real bread, local flour, Saturday queues.",
                "Talking flour, rent and the joy of a good crumb."],
        posts=["We just opened our second shop! {town2} folks, come say hi this weekend 🥐",
               "Sold out of cardamom buns by 9:40 today. Do I bake more and risk waste, or keep the scarcity? Genuinely torn.",
               "Flour went up {n}% again this month. Small bakeries, how are you handling prices without losing regulars?",
               "Our Saturday sourdough class is full for {mon}. Adding a second date because you asked so nicely.",
               "Wrote up how we cut our food waste by a third: pre-orders, a late-day discount and a deal with the food bank. {blog}",
               "Fourteen years ago I burnt my first loaf. This morning we baked {n}00 of them. Still a little amazed.",
               "Does anyone have a good system for taking pre-orders that isn't a notebook and a prayer?",
               "New this week: rye and fig loaf. The team voted, I lost, it's delicious anyway.",
               "Huge thanks to everyone who came to our birthday bake sale, we raised £{n}40 for the school library 💛",
               "Bread question for the timeline: long cold proof or same-day bake for a busy café?",
               "Hiring! Part-time weekend baker at {org}, no experience needed, just early-morning energy. Details: {blog}"]),
    "cafe": dict(
        titles=["Owner, {org}", "I run {org}", "Co-owner of {org}, an independent café"],
        orgs=["The Copper Cup", "Saltwind Coffee", "Half Past Nine Café", "Tidewater Café", "The Reading Room Café"],
        extras=["Good coffee, slow mornings, dogs welcome.", "Specialty coffee and a lot of toasties.",
                "Neighbourhood café since 2017."],
        posts=["Five years of {org} today. Thank you for every flat white and every rainy-day chat ☕",
               "We tried a loyalty app for three months and went back to paper stamp cards. Wrote up why: {blog}",
               "Question for other café owners: do you post your menu daily or just the specials? What gets more visits?",
               "Our new oat-milk supplier is local and 20% cheaper. Sometimes the small wins are the big ones.",
               "Started a Tuesday quiet hour for people who need a calm space to work. {n} regulars already. Love it.",
               "Just got our first review from someone who found us through a post, not a map. Small milestone, big grin.",
               "Rota question: how do you plan staff for a place where Saturday is chaos and Monday is tumbleweed?",
               "We're trialling a pay-it-forward board this winter. Anyone done this? How did you stop it being awkward?"]),
    "marketer": dict(
        titles=["Freelance marketer at {org}", "Email and content for small brands | {org}", "Founder, {org}"],
        orgs=["Northlight Studio", "Plainspoken Marketing", "Lantern & Loom", "Kindling Content", "Fieldmark Media",
              "Tidy Funnel"],
        extras=["Newsletters that people actually open.", "Ex-agency, now helping local businesses sound like themselves.",
                "Strategy, copy, and a healthy distrust of vanity metrics."],
        posts=["A client's newsletter went from 18% to 41% open rate after we cut it to one topic per email. Notes: {blog}",
               "Hot take: most small businesses need fewer channels, not more. Pick two and do them properly.",
               "What's the one metric you actually check every week? Mine is replies, not likes.",
               "Ran a workshop for {n} shop owners in {town2} today. Biggest question: 'how often should I post?' Answer: when you have something to say.",
               "New post: a plain-English guide to local SEO for businesses with no time. {blog}",
               "Just signed our biggest client yet, a regional library network. Very excited to work on something so useful.",
               "Does anyone have data on whether follow-for-follow ever helps a local business? My gut says no, but I'd like numbers.",
               "Unpopular opinion: your bio matters more than your logo. Tell people what you do and where.",
               "Three years freelance today. Still learning, still terrified of invoices, still love it."]),
    "ux": dict(
        titles=["UX researcher at {org}", "Design researcher, {org}", "Independent UX researcher"],
        orgs=["Fieldnote Research", "Quietroom Labs", "Openpath Design", "Usable Things"],
        extras=["Interviews, usability tests, accessibility.", "I ask people why, for a living.",
                "Making services less confusing, one interview at a time."],
        posts=["Ran {n} usability sessions this week. The biggest issue wasn't the design, it was the word 'submit'.",
               "Wrote about recruiting research participants on a tiny budget, with templates: {blog}",
               "Question for researchers: how do you share findings with a team that never reads reports?",
               "We just published our accessibility audit of the council's bin collection site. Lots of easy wins.",
               "Favourite interview question lately: 'Tell me about the last time you tried to do this.' Works every time.",
               "Gave my first conference talk today! Shaking, but people asked good questions afterwards.",
               "Diary studies are underrated for small teams. Cheap, slow, and full of surprises."]),
    "teacher": dict(
        titles=["Year {k} teacher at {org}", "Secondary English teacher, {org}", "Primary science lead at {org}"],
        orgs=["Millbrook Primary", "Ashgrove Academy", "St Bride's School", "Lowmoor Community School"],
        extras=["Reading for pleasure evangelist.", "Volcanoes, worms and the odd exploding bottle.",
                "Posts are my own, mistakes are my pupils' favourite thing."],
        posts=["Our class reading challenge hit {n}00 books today. A nine-year-old told me reading is 'basically free TV'.",
               "Science fair next week. So far: one volcano, two slime projects and a very serious study of snail speed.",
               "Teachers who run a class account: how do you handle parents' photo permissions without a headache?",
               "Wrote up our low-cost reading corner makeover, mostly donated books and fairy lights: {blog}",
               "Proud moment: a quiet pupil presented to the whole school today and absolutely nailed it.",
               "Looking for a local business willing to talk to Year {k} about running a shop. Any {town2} volunteers?",
               "Marking at the kitchen table again. If anyone has a system that isn't 'Sunday night panic', I'm listening."]),
    "nonprofit": dict(
        titles=["Comms lead at {org}", "Volunteer coordinator, {org}", "Fundraising manager at {org}"],
        orgs=["Dunmere Food Bank", "Wrenmouth Community Garden Trust", "Harbour Literacy Project",
              "Eastshire Refugee Welcome", "Second Chance Bikes"],
        extras=["Small charity, big heart, tiny budget.", "Views mine.", "Always looking for volunteers."],
        posts=["We need {n} more volunteers for Saturday shifts in December. Two hours, warm tea, good company. {blog}",
               "This year we've helped {n}00 families. Every one of those numbers is a person, and we're grateful to you all.",
               "Small charities: how do you say thank you to donors on social without it feeling like an advert?",
               "Our annual report is out, and for once it's short and readable: {blog}",
               "Just hit our winter appeal target two weeks early. I cried in the stockroom. Thank you 💛",
               "Question: has anyone had luck with a volunteer newsletter? Our emails get opened but nobody replies.",
               "Brilliant morning at the {town2} school assembly talking about food waste. The questions were sharper than most board meetings."]),
    "shop": dict(
        titles=["Owner of {org}", "I run {org}", "Independent shop owner, {org}"],
        orgs=["Dog-Ear Books", "Thistle & Thorn Florist", "Spoke & Sprocket Bikes", "Skein & Bobbin Yarns",
              "The Curious Pantry", "Tidemark Records", "Paper Moth Stationery"],
        extras=["Independent since 2015.", "Small shop, big opinions about customer service.",
                "Come for the stock, stay for the chat."],
        posts=["We just opened our second shop! {town2}, you're stuck with us now 🎉",
               "Ten years of {org} this month. Started with £{n},000 and a borrowed van.",
               "Shop owners: do you sell online as well, or is it worth staying just local? Torn on this for next year.",
               "Christmas window is up! It took three evenings and an alarming amount of string.",
               "Wrote a short post on what {n} years of running a shop taught me about returns, rent and regulars: {blog}",
               "A customer drove 40 minutes today because a friend told her about us. Word of mouth is still king.",
               "Does anyone know a good, simple stock system for a shop with about {n}00 product lines?",
               "Late-night shopping on Thursday, with mulled apple juice and a local choir. Come by."]),
    "designer": dict(
        titles=["Brand designer, {org}", "Illustrator and designer at {org}", "Freelance graphic designer"],
        orgs=["Studio Marrow", "Inkwell & Pine", "Halftone House", "Fernleaf Design"],
        extras=["Logos, packaging and signage for independents.", "Hand lettering & shop signs.",
                "I draw things for small businesses."],
        posts=["Finished a full rebrand for a {town2} fishmonger this week. Hand-painted sign going up on Friday!",
               "Designers: how do you price a logo for a tiny business without underselling yourself?",
               "New case study on the blog: packaging for a local honey farm, from sketches to shelf. {blog}",
               "Reminder that your shop sign is your best ad. Mine cost £{n}00 and pays for itself every week.",
               "My first ever solo exhibition opens on Saturday at the library. Nervous and delighted.",
               "Question for shop owners: what do you wish designers asked you before starting?"]),
    "photographer": dict(
        titles=["Photographer for small businesses", "Photographer at {org}", "Food and product photographer"],
        orgs=["Lindlight Photography", "Saltbox Studio", "Harbour Lens"],
        extras=["Product, food, people.", "Natural light and honest pictures.", "Based in Eastshire, travels for cake."],
        posts=["Shot {n}0 loaves for a bakery's new menu today. I now smell permanently of sourdough.",
               "Tip: you don't need a new camera for better product photos. You need a window and a white sheet.",
               "New blog post: how to photograph your own products with a phone in 20 minutes. {blog}",
               "Photographers: do you offer mini sessions for small businesses? How do you keep them profitable?",
               "One of my photos is on a bus stop poster in {town2} and I keep walking past it pretending I'm not proud."]),
    "developer": dict(
        titles=["Indie developer, making {org}", "Building {org}, bookkeeping for makers", "Solo founder of {org}"],
        orgs=["Tidy Ledger", "Stallkeeper", "Queuely", "Booknook"],
        extras=["Software for small shops.", "One person, one app, lots of coffee.", "Shipping slowly, on purpose."],
        posts=["{org} just passed {n}00 paying customers. Mostly market traders and potters. Best users in the world.",
               "Wrote up everything I got wrong in year one of {org}, with numbers: {blog}",
               "Small business folks: what's the most annoying part of your week that software should fix?",
               "Shipped offline mode today. Market stalls have terrible signal, and now that's fine.",
               "Question for founders: did a public roadmap help you or just create pressure?"]),
    "writer": dict(
        titles=["Writer of {org}, a weekly newsletter", "Copywriter and editor", "Local journalist, {org}"],
        orgs=["The Sunday Ledger", "Small Print", "Eastshire Makers Weekly", "Tidewater Notes"],
        extras=["Stories about people who make things.", "Words for small businesses.", "Ex-newspaper, now newsletter."],
        posts=["This week's issue: the last cobbler in Eastshire and why he's training two apprentices. {blog}",
               "{org} just hit {n},000 subscribers. No ads, no tricks, just stories. Thank you.",
               "Writers: do you share a newsletter on social as a link, or rewrite it as a thread? Which works for you?",
               "Interviewing a {town2} beekeeper tomorrow. What would you ask her?",
               "Honest lesson from year two: the issues I'm nervous to send are the ones people reply to."]),
    "bookkeeper": dict(
        titles=["Bookkeeper for small businesses | {org}", "Accountant at {org}"],
        orgs=["Ledgerlight Accounts", "Plain Sums", "Ashdown & Co Bookkeeping"],
        extras=["I make tax less scary.", "Numbers for people who'd rather be making things."],
        posts=["Reminder for sole traders: put {n}0% of every payment in a separate pot. Your January self will thank you.",
               "Wrote a plain guide to expenses you can and can't claim as a market trader: {blog}",
               "Small business owners: would a free drop-in tax clinic at the library be useful? Thinking of running one.",
               "Just helped a client find £{n},200 in missed expenses. Best part of the job."]),
    "podcaster": dict(
        titles=["Host of {org}", "Podcaster, {org}"],
        orgs=["Small Shop Talk", "The Back Office", "Making It Local"],
        extras=["Conversations with independent business owners.", "New episode every other Tuesday."],
        posts=["New episode of {org}: a florist on surviving Valentine's week with two staff. {blog}",
               "Looking for guests! Do you run a small business in Eastshire with a story to tell? Reply or DM.",
               "Episode {n}0 of {org} is out. Never thought we'd get past five.",
               "Podcasters: how do you promote episodes without posting the same link ten times?"]),
    "farmer": dict(
        titles=["Grower at {org}", "Market gardener, {org}"],
        orgs=["Fenwick Farm Veg Boxes", "Lowmoor Orchard", "Three Acre Growers"],
        extras=["Veg boxes, muddy boots, honest weather reports.", "Organic veg and a very opinionated goat."],
        posts=["First frost last night. The kale is thrilled, the courgettes are not.",
               "Veg box numbers are up to {n}0 a week. Still packing every one by hand.",
               "Growers: do you take orders by message or use a proper shop? Messages are eating my evenings.",
               "Our farm gate honesty shop made enough this summer to pay for the new polytunnel 🎉 Story: {blog}"]),
    "librarian": dict(
        titles=["Community librarian, {org}", "Library events and outreach at {org}"],
        orgs=["Wrenmouth Library", "Dunmere Library", "Port Telling Library"],
        extras=["Books, free wifi and a very busy photocopier.", "Events for everyone."],
        posts=["Our business drop-in sessions at {org} are back: free wifi, free advice, free biscuits. {blog}",
               "{n}0 people came to the repair café today. We fixed a toaster from 1987.",
               "Libraries people: how do you get adults to come to events? Kids' sessions are always full.",
               "Just found out our library was nominated for a regional community award. Very proud of this team."]),
}
ROLE_WEIGHTS = [("baker", 8), ("cafe", 7), ("marketer", 16), ("ux", 8), ("teacher", 8), ("nonprofit", 10),
                ("shop", 14), ("designer", 8), ("photographer", 6), ("developer", 6), ("writer", 8),
                ("bookkeeper", 5), ("podcaster", 4), ("farmer", 5), ("librarian", 5)]

GENUINE_COMMON = [
    "Took a whole day off for the first time since {mon}. The business survived. So did I.",
    "Anyone else doing their accounts with a cold cup of tea and a sense of doom?",
    "What's one thing a customer said this year that you still think about?",
    "Had coffee with three other business owners in {town2} this morning. Best hour of the week, every week.",
    "Tried posting at a different time for a month. Honestly? No difference. Consistency mattered more.",
    "Small win: a customer recommended us to her whole book club.",
    "If you run something small and local, what's working for you on social right now? Genuinely curious.",
    "I'm putting together a list of great local newsletters. Send me yours!",
    "Raining sideways in {town2}. Perfect day for catching up on emails.",
    "Thinking about raising prices in January. How much notice do you give regulars?",
    "The best marketing we did this year cost nothing: we said thank you, by name, to people who helped us.",
    "Finally wrote down our 'how we do things' doc. Should have done it years ago.",
]
GENUINE_REPLIES = [
    "@{u} this is so useful, thank you. We tried something similar in {mon} and it worked better than expected.",
    "@{u} congratulations! That's a huge milestone.",
    "@{u} how long did it take before you saw a difference?",
    "@{u} we had exactly this problem last year. Happy to share what we learned if it helps.",
    "@{u} love this. Saving it for our next team meeting.",
    "@{u} a notebook and a prayer is our current system too, so no judgement here 😅",
    "@{u} completely agree. Fewer channels, done well.",
    "@{u} we use a simple shared spreadsheet for this. Not glamorous, but everyone can use it.",
    "@{u} this made my morning. Well done to the whole team!",
    "@{u} good question. For us it was replies, then saves. Likes told us almost nothing.",
    "@{u} where did you get the idea for this? It's brilliant.",
    "@{u} we'd love to be involved if you need another local business!",
]
OWNER_QUESTIONS = [
    "@brightpath_co quick question: is it worth keeping an account on a platform we only post to once a month?",
    "@brightpath_co do you have a template for a content calendar that works for a two-person team?",
    "@brightpath_co your audit checklist saved my Saturday. How often would you redo it for a small shop?",
    "@brightpath_co how do you decide who to follow back as a business account? We get loads of random follows.",
    "@brightpath_co would you ever run the workshop in {town2}? I know at least five shop owners who'd come.",
    "@brightpath_co what do you think of scheduling tools for tiny teams? Worth paying for?",
    "@brightpath_co is it bad that our best post this year was a photo of the shop cat?",
    "@brightpath_co we keep getting follow-for-follow requests. Ignore, or is there a polite reply?",
    "@brightpath_co thank you for the talk at the library last week. The bit about replies over likes changed how we post.",
    "@brightpath_co any advice on asking happy customers for reviews without feeling pushy?",
    "@brightpath_co do you work with charities on a reduced rate? We're tiny but would love an audit.",
    "@brightpath_co how many hashtags is too many now? I see advice from 0 to 30.",
    "@brightpath_co read your post on fewer, better followers. Any tips for finding the right local accounts to talk to?",
    "@brightpath_co loved the newsletter this week. Could you share the spreadsheet you mentioned?",
    "@brightpath_co would you be up for a guest spot on our podcast in the new year?",
    "@brightpath_co is a link in bio tool worth it, or should we just link to our own site?",
    "@brightpath_co our food bank gets lots of followers who never engage. Should we worry about them?",
    "@brightpath_co how do you explain to a client that 800 real followers beat 8,000 bought ones?",
    "@brightpath_co is it rude not to follow back a regular customer? Asking for my (very anxious) business partner.",
    "@brightpath_co do you still recommend a weekly newsletter for a shop our size, or is monthly enough?",
    "@brightpath_co saw your audit tip about 'last posted'. Is there a tool for that or do you do it by hand?",
    "@brightpath_co what would you say to a teacher who wants a class account but is nervous about comments?",
]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def town2():
    return R.choice(["Wrenmouth", "Dunmere", "Port Telling", "Kestrelby", "Cedarvane", "Saltmarsh Quay",
                     "Millbrook", "Ashgrove", "Oakhallow", "Brindle Cove"])


genuine = []


def make_genuine(role=None):
    if role is None:
        role = R.choices([r for r, _ in ROLE_WEIGHTS], [w for _, w in ROLE_WEIGHTS])[0]
    spec = ROLES[role]
    f, l = person()
    org = R.choice(spec["orgs"])
    k = R.randint(2, 6)
    title = spec["titles"][R.randrange(len(spec["titles"]))].format(org=org, k=k)
    town = R.choice(TOWNS)
    bio = "%s in %s. %s" % (title, town.split(",")[0], R.choice(spec["extras"]))
    if R.random() < 0.3:
        bio += R.choice([" she/her", " he/him", " they/them", " ☕", " 🌱", " Views my own."])
    dom = slug(org).replace("-", "") + R.choice([".test", ".example.com", ".example.org"])
    if role in ("ux", "photographer", "bookkeeper") and R.random() < 0.5:
        dom = slug(f + l).replace("-", "") + ".test"
    created = rand_between(D(2008, 3), D(2024, 9))
    handle = R.choice([handle_for(f, l), slug(org).replace("-", "")[:12] + R.choice(["", "_", "hq"]),
                       f.lower() + "_" + slug(org).split("-")[0][:8]])
    followers = int(R.lognormvariate(6.3, 0.8)) + 60
    u = make_user("genuine", handle, "%s %s" % (f, l) if R.random() < 0.75 else "%s | %s" % (f, org), bio,
                  created, town, "https://%s/" % dom if R.random() < 0.85 else None,
                  metrics=pm(followers, followers * R.uniform(0.4, 1.6) + 80, R.randint(600, 15000),
                             R.randint(3, 120), R.randint(800, 30000), R.randint(40, 1500)),
                  verified_type=R.choice(["none"] * 9 + ["blue"]))
    u["_spec"] = role
    u["_org"] = org
    u["_domain"] = dom
    u["_k"] = k
    genuine.append(u)
    return u


genuine_followers = [make_genuine() for _ in range(82)]
genuine_following_only = [make_genuine() for _ in range(40)]

# =========================================================================== ordinary people

ORDINARY_BIOS = ["Dog person. Tea drinker. Mostly here for the football.", "Nurse. Runner. Terrible at crosswords.",
                 "Dad of two, cyclist, amateur bread disaster.", "just here for the memes", "Wrenmouth born and bred.",
                 "Student. Coffee. Deadlines.", "Retired postman, keen gardener, grandad of four.",
                 "Reader of books, eater of cake.", "Photography, hiking, bad puns.", "Rovers fan since 1998 💙",
                 "plant mum 🌿", "Night shifts and sea swims.", "Opinions are my cat's.", "", "", "gamer | music | sleep",
                 "Learning to knit, failing gracefully.", "Engineer. Parent. Occasional poet."]
ORDINARY_POSTS = [
    "Sea swim this morning. {d}°C. I regret nothing and also everything.",
    "Anyone know a decent plumber in {town2}? Asking for my very wet kitchen.",
    "The {team} were robbed. That was never a penalty.",
    "Made soup. It's mostly pepper. Still counts.",
    "Dog refused to walk past the new bin on our street. Took the long way round.",
    "Bus was on time today. Might buy a lottery ticket.",
    "Does anyone else keep every charger they've ever owned, just in case?",
    "Tomatoes are finally done for the year. {n} kilos from two plants, not bad.",
    "Finished the series everyone told me to watch. They were right, annoyingly.",
    "Who decided the clocks should change? I have questions.",
    "First mince pie of the season. It's {mon2}, I don't care.",
    "Cat has taken my chair. I live on the sofa now.",
    "Parkrun PB today! {n} seconds faster and I nearly fell over at the end.",
    "Quiz night tonight, our team name is 'Quiztopher Columbus'. Wish us luck.",
    "Kids asked what I did before phones. I said 'waited'.",
    "Wind so strong on the promenade I walked backwards for a bit.",
    "Allotment update: slugs 3, me 0.",
    "The new bakery on {street} does a cheese scone that should be illegal.",
    "Lost my keys, found them in the fridge. It's been a week.",
    "Can recommend the Saturday market in {town2}, the cheese stall man is a legend.",
    "Trying to learn the guitar at {n}0. My neighbours are very patient.",
    "Power cut on our street. Board games by candlelight, surprisingly lovely.",
    "Is it too early for the heating? It's {d} degrees in my lounge.",
    "#FF shout out to {at}, best local recommendations on here",
    "Why does every form ask for my mother's maiden name and then reject it?",
    "Got the train to {town2} and the conductor sang the stops. Made my day.",
    "Booked a week off. Plans: nothing. Absolutely nothing.",
    "Finally fixed the squeaky gate. Feel like a wizard.",
]


def make_ordinary(kind="ordinary", protected=False):
    f, l = person()
    created = rand_between(D(2009, 6), D(2026, 10, 28))
    followers = R.randint(15, 900)
    u = make_user(kind, handle_for(f, l), R.choice(["%s %s" % (f, l), f, "%s %s." % (f, l[0])]),
                  R.choice(ORDINARY_BIOS), created, R.choice(TOWNS + ["", ""]),
                  metrics=pm(followers, R.randint(60, 800), R.randint(80, 8000), R.randint(0, 8),
                             R.randint(50, 9000), R.randint(0, 600)),
                  protected=protected)
    return u


ordinary_followers = [make_ordinary() for _ in range(36)]
ordinary_following_only = [make_ordinary() for _ in range(12)]
protected_users = [make_ordinary("protected", True) for _ in range(3)]
dead_following_only = [make_dead() for _ in range(2)]

# =========================================================================== non-followers who mention her

nf_demanders = []
for lang in ["en", "es", "in"]:
    spec = DEMAND[lang]
    f, _ = person()
    created = rand_between(D(2015), D(2025))
    n = R.randint(1000, 6000)
    u = make_user("demander", fill(R.choice(spec["handles"]), f=f.lower()), fill(R.choice(spec["names"]), f=f),
                  fill(R.choice(spec["bios"])), created, R.choice(spec["loc"]),
                  metrics=pm(n, n * 1.05, R.randint(3000, 20000), 2, 20000, 400), lang=lang)
    u["_spec"] = lang
    nf_demanders.append(u)
nf_spam_hub = make_user("spammer", "airdropalerthub", "Airdrop Alerts Hub 🚨",
                        "Every airdrop, first. 🚨 Not financial advice. Turn on notifications 🔔",
                        D(2025, 8, 14, 3, 12, 9), "Worldwide 🌍", "https://airdrop-verify.example/hub",
                        metrics=pm(2210, 4980, 18340, 1, 120, 30), verified_type="blue")
nf_spam_hub["_spec"] = "crypto"
nf_spammers = [nf_spam_hub]
for i in range(2):
    f, l = person()
    u = make_user("spammer", "%s%s%d" % (f.lower(), l.lower()[:2], R.randint(100, 9999)), "%s %s" % (f, l),
                  "DM for promo 📩", rand_between(D(2026, 3), D(2026, 10)), "",
                  metrics=pm(R.randint(0, 40), R.randint(1000, 3000), R.randint(500, 3000), 0, 10, 0))
    u["_spec"] = "promo"
    nf_spammers.append(u)
nf_genuine = [make_genuine(r) for r in ["podcaster", "writer", "nonprofit", "shop"]]

# =========================================================================== posting

ALL_NONOWNER = [u for u in USERS if u is not owner]


def active_times(u, n, spacing_h, last_within_h):
    """n timestamps, newest first, for an active account."""
    t = NOW - dt.timedelta(hours=R.uniform(0.2, last_within_h))
    out = []
    for _ in range(n):
        out.append(t)
        t = t - dt.timedelta(hours=R.expovariate(1.0 / spacing_h))
    return [x for x in out if x > u["_created"]]


def mention_user(exclude):
    pool = [g for g in genuine if g is not exclude]
    return R.choice(pool)


# -- 1. originals for everyone except replies/retweets (phase A)

def owner_originals():
    tips = [
        "Reminder: you don't owe anyone a follow back. Follow the people you want to hear from.",
        "Audit tip: sort your followers by 'last posted'. Anyone silent since 2019 is not your audience.",
        "New on the blog: how to spot follow-for-follow accounts in under a minute, and why it matters for your reach. {b}",
        "The best DM you can send a new follower is a question about their work. Not a sales pitch. Not 'thanks for the follow!'",
        "Spent the morning with a bakery's follower list. 4,000 followers, about 600 real locals. Those 600 are gold.",
        "Small businesses: reply to every genuine comment this week and tell me what happens. I'll bet it beats any hashtag.",
        "Workshop at Wrenmouth Library on 3 December: 'Fewer, better followers'. Free, bring a laptop. {b}",
        "Three signs a follower is worth a conversation: a specific bio, original posts, and they reply to people.",
        "Unpopular opinion: a follower count is a vanity metric with a rent bill attached.",
        "Wrote up my full audit checklist, free to use: {b}",
        "A follow train is not a marketing strategy. It's a train to nowhere with a lot of passengers.",
        "What's the one question you wish you could ask your followers? Collecting ideas for a client workshop.",
        "Client win: a café cut posting from daily to three times a week and got more visits. Quality > quantity.",
        "If an account's bio says 'I follow back 100%', it's telling you exactly what its follow is worth.",
        "Newsletter out today: reaching out to new followers without being weird. {b}",
        "Good morning from a very windy Wrenmouth. Today: two audits, one workshop plan, too much coffee.",
        "Five years ago I was a marketing assistant with a spreadsheet habit. Today BrightPath has its first employee. Hi Sam! 🎉",
        "Nonprofits: your volunteers are your best storytellers. Hand them the mic (with permission).",
        "Quick poll-ish question: how many of your followers have you actually spoken to? Be honest.",
        "Bookmarking accounts worth talking to > following everyone who follows you.",
    ]
    R.shuffle(tips)
    tips = [x for x in tips if "audit checklist" in x] + [x for x in tips if "audit checklist" not in x][:14]
    R.shuffle(tips)
    times = sorted(active_times(owner, len(tips), 70, 20), reverse=True)
    out = []
    for t, s in zip(times, tips):
        b = link("https://brightpath.test/blog/%s" % slug(s[:40]))
        out.append(add_post(owner, t, s.format(b=b), "en"))
    return out


owner_posts = owner_originals()

for u in demanders + nf_demanders:
    spec = DEMAND[u["_spec"]]
    n = R.randint(3, 6)
    for i, t in enumerate(active_times(u, n, R.uniform(4, 30), 36)):
        pool = spec["demand"] if R.random() < 0.6 else spec["filler"]
        add_post(u, t, fill(R.choice(pool)))

SPAM_COPY = {}   # deliberate copy-paste spam texts, shared by several accounts


def spam_text(u):
    s = u["_spec"]
    if s == "crypto":
        coin = R.choice(COINS)
        if R.random() < 0.25:
            key = ("crypto", coin)
            if key not in SPAM_COPY:
                SPAM_COPY[key] = "🚨 %s AIRDROP IS LIVE 🚨 First 5,000 wallets get 500 %s free. Connect and claim 👉 %s" % (
                    coin, coin, link("https://airdrop-verify.example/%s" % slug(coin)))
            return SPAM_COPY[key], True
        return R.choice([
            "🎁 GIVEAWAY 🎁 {n},000 USDT to {k} winners! Like, RT, and claim at {l}",
            "{c} just listed! Early holders are up {n}00% 🚀🚀 Don't miss the next one: {l}",
            "Last chance ⏰ {c} rewards close in {k} hours. Verify your wallet: {l}",
            "I turned $200 into ${n},400 with {c} in a week. Ask me how 📩",
            "Congratulations to our {k} winners! 🏆 Next round starts now: {l}",
        ]).format(c=coin, n=R.randint(2, 9), k=R.randint(3, 50),
                  l=link("https://%s/%s" % (R.choice(SPAM_DOMAINS[:4]), slug(coin)))), False
    if s == "promo":
        return R.choice([
            "Want {n}K real followers? 📈 DM for promo. Fast, safe, cheap.",
            "Promote your music, shop or page to {n}00K people 🚀 DM now, limited slots!",
            "DM for promo 📩 Results in 24h or your money back 💯",
            "Artists! Get your song in front of {n}0K listeners. Paid promo, DM me 🎵",
            "Your page deserves to go viral 🔥 I can help. Check the link in my bio",
        ]).format(n=R.randint(2, 9)), False
    if s == "linkonly":
        l = link("https://%s/%s" % (R.choice(SPAM_DOMAINS[6:8]), "".join(R.choice("abcdefgh0123456789") for _ in range(6))))
        return R.choice(["{l}", "{l}", "🔥 {l}", "👇 {l}", "{l} 😍"]).format(l=l), False
    return None, False


for u in spammers + nf_spammers:
    if u["_spec"] == "repost":
        continue
    n = R.randint(4, 7)
    for t in active_times(u, n, R.uniform(1, 10), 24):
        text, dup = spam_text(u)
        lang = "zxx" if u["_spec"] == "linkonly" and text.startswith("https://t.co/") else \
            ("und" if u["_spec"] == "linkonly" else "en")
        add_post(u, t, text, lang, allow_dup=dup)

for u in dead + dead_following_only:
    n = u["public_metrics"]["post_count"]
    if n == 0:
        continue
    start = max(u["_created"], D(2011, 1)) + dt.timedelta(days=2)
    if start < D(2023, 6):
        last = rand_between(start, D(2023, 6))
    else:                       # a recent egg: posted once or twice right after signing up
        last = start + dt.timedelta(days=R.uniform(0, 20))
    ts = [last - dt.timedelta(days=R.uniform(0, 60)) for _ in range(n - 1)] + [last]
    for t in sorted(ts):
        add_post(u, max(t, u["_created"] + dt.timedelta(hours=1)), R.choice(DEAD_POSTS), "en")

for u in broadcasters:
    n = R.randint(16, 22)
    spacing = {"sports": 3, "podcast": 36, "realestate": 3, "events": 4}.get(u["_spec"], 1)
    for i, t in enumerate(active_times(u, n, spacing, 1.5)):
        lang = "en"
        add_post(u, t, bc_text(u["_spec"], u, i, t), lang)


def fresh(u, pool):
    """A template this user has not used yet (people rarely repeat themselves)."""
    used = u.setdefault("_used", [])
    left = [x for x in pool if x not in used] or pool
    s = R.choice(left)
    used.append(s)
    return s


def genuine_text(u):
    spec = ROLES[u["_spec"]]
    s = fresh(u, spec["posts"]) if R.random() < 0.75 else fresh(u, GENUINE_COMMON)
    blog = link("https://%s/blog/%s" % (u["_domain"], slug(u["_org"] + " " + str(R.randint(1, 99)) + " "
                                                           + R.choice(["notes", "update", "story", "guide", "lessons"]))))
    return s.format(org=u["_org"], town2=town2(), n=R.randint(2, 9), k=u["_k"], blog=blog,
                    mon=R.choice(MONTHS))


for u in genuine:
    n = R.randint(3, 6)
    for t in active_times(u, n, R.uniform(18, 120), 72):
        add_post(u, t, genuine_text(u))


def ordinary_text(u):
    s = fresh(u, ORDINARY_POSTS)
    at = "@" + R.choice(ordinary_followers + ordinary_following_only)["username"]
    return s.format(town2=town2(), team=R.choice(TEAMS), n=R.randint(2, 9), d=R.randint(6, 17),
                    mon2=R.choice(["October", "November", "September"]), street=R.choice(STREETS), at=at)


for u in ordinary_followers + ordinary_following_only + protected_users:
    n = R.randint(2, 6)
    for t in active_times(u, n, R.uniform(24, 200), 240):
        add_post(u, t, ordinary_text(u))

# -- 2. replies, quotes and retweets (phase B): always after their target

mentions_of_owner = []


def add_mention(p):
    mentions_of_owner.append(p)
    return p


owner_originals_sorted = sorted(owner_posts, key=lambda p: p["_t"])
rt_sources_crypto = [p for p in POSTS if p["_author"]["_kind"] == "spammer" and p["_author"]["_spec"] == "crypto"]
train_posts = [p for p in POSTS if p["_author"]["_kind"] == "demander" and
               re.search(r"RT|train|🚂|mutualan|رتويت|RTした|RT'leyen|RT e segue|Da RT|RT \+", p["text"])]
genuine_originals = [p for p in POSTS if p["_author"]["_kind"] == "genuine"]
broadcast_posts = [p for p in POSTS if p["_author"]["_kind"] == "broadcaster"]


def in_window(p):
    return p["_t"] < NOW - dt.timedelta(minutes=10)


# repost bots: mostly retweets of crypto posts, some of the spam hub
hub_posts = [p for p in rt_sources_crypto if p["_author"] is nf_spam_hub]
for u in [s for s in spammers if s["_spec"] == "repost"]:
    n = R.randint(6, 9)
    srcs = R.sample(rt_sources_crypto, min(n, len(rt_sources_crypto)))
    for orig in srcs:
        retweet(u, orig, after(orig, 1, 600))
# crypto accounts retweet each other a little
for u in [s for s in spammers if s["_spec"] == "crypto"]:
    for orig in R.sample(rt_sources_crypto, 2):
        if orig["_author"] is not u:
            retweet(u, orig, after(orig, 1, 300))

# demanders: demands to other demanders and the owner, retweets of trains
for u in demanders + nf_demanders:
    spec = DEMAND[u["_spec"]]
    for _ in range(R.randint(0, 2)):
        orig = R.choice(train_posts)
        if orig["_author"] is not u:
            retweet(u, orig, after(orig, 2, 900))
    if R.random() < 0.6:
        tgt = R.choice([p for p in POSTS if p["_author"]["_kind"] == "demander" and p["_author"] is not u
                        and "referenced_posts" not in p])
        add_post(u, after(tgt, 5, 2000), fill(R.choice(spec["reply"]), u=tgt["_author"]["username"]), reply_to=tgt)

# demands addressed to the owner (about 24): replies to her posts or standalone mentions
owner_demanders = R.sample(demanders, 20) + nf_demanders
for u in owner_demanders:
    spec = DEMAND[u["_spec"]]
    text = fill(R.choice(spec["reply"]), u=OWNER)
    if R.random() < 0.5:
        tgt = R.choice(owner_originals_sorted)
        add_mention(add_post(u, after(tgt, 3, 3000), text, reply_to=tgt))
    else:
        t = NOW - dt.timedelta(hours=R.uniform(1, 24 * 25))
        add_mention(add_post(u, t, text))
# a train that tags her along with others
for u in R.sample(demanders[:19], 3):
    others = R.sample([d for d in demanders if d is not u], 3)
    text = "🚂 FOLLOW TRAIN 🚂 %s @%s follow everyone tagged, I follow back all! #TFB #F4F" % (
        " ".join("@" + o["username"] for o in others), OWNER)
    add_mention(add_post(u, NOW - dt.timedelta(hours=R.uniform(2, 200)), text, "en"))

# spam mentioning her (about 14), some copy-paste identical on purpose
SPAM_AT_OWNER = "@brightpath_co Congratulations! 🎉 Your account was selected for our 2,500 USDT reward. Claim within 24h: " + \
    link("https://claim-usdt-bonus.example/r/brightpath")
for u in R.sample([s for s in spammers if s["_spec"] == "crypto"], 4) + [nf_spam_hub]:
    add_mention(add_post(u, NOW - dt.timedelta(hours=R.uniform(1, 72)), SPAM_AT_OWNER, "en", allow_dup=True))
for u in R.sample([s for s in spammers if s["_spec"] == "promo"], 5) + nf_spammers[1:]:
    tgt = R.choice(owner_originals_sorted)
    text = R.choice(["@{o} nice post! 🔥 want more reach? DM for promo 📩",
                     "@{o} Great content! Promote it to {n}0K real people, check my bio 🚀",
                     "@{O} love your page 😍 DM me for a collab",
                     "@{o} I can grow this account to {n}0K in 30 days 💯 DM now"]).format(
        o=OWNER, O="BrightPath_Co", n=R.randint(2, 9))
    add_mention(add_post(u, after(tgt, 1, 200), text, reply_to=tgt if R.random() < 0.7 else None))
for u in R.sample([s for s in spammers if s["_spec"] == "linkonly"], 2):
    add_mention(add_post(u, NOW - dt.timedelta(hours=R.uniform(3, 150)),
                         "@%s %s" % (OWNER, link("https://win-iphone-today.example/%d" % R.randint(1000, 9999))), "und"))

# genuine questions and replies to the owner (about 24)
qs = list(OWNER_QUESTIONS)
R.shuffle(qs)
asking = R.sample(genuine_followers, 18) + nf_genuine
genuine_to_owner = []
for i, u in enumerate(asking):
    if i < len(qs):
        text = qs[i].format(town2=town2())
    else:
        text = R.choice(GENUINE_REPLIES).format(u=OWNER, mon=R.choice(MONTHS))
    if R.random() < 0.55:
        tgt = R.choice(owner_originals_sorted)
        p = add_post(u, after(tgt, 10, 4000), text, reply_to=tgt)
    else:
        p = add_post(u, NOW - dt.timedelta(hours=R.uniform(2, 24 * 20)), text)
    genuine_to_owner.append(add_mention(p))
# ordinary people mentioning her
for u in R.sample(ordinary_followers, 4):
    text = R.choice(["@{o} saw your talk at the library, really interesting stuff",
                     "@{o} my sister runs a café and swears by your newsletter",
                     "@{o} does this apply to personal accounts too? I have 40 followers and 12 are bots 😂",
                     "@{o} great thread, shared it with my partner who runs a garden centre"]).format(o=OWNER)
    tgt = R.choice(owner_originals_sorted)
    add_mention(add_post(u, after(tgt, 30, 5000), text, reply_to=tgt))
# a broadcaster and a genuine person quoting her
for u, text in [(R.choice([b for b in broadcasters if b["_spec"] == "marketingnews"]),
                 "Consultant @brightpath_co on why follower counts mislead small brands"),
                (R.choice(genuine_followers), "This, from @brightpath_co, is the most useful thing I've read this week. We're doing the audit on Monday.")]:
    tgt = R.choice(owner_originals_sorted[:-2])
    add_mention(add_post(u, after(tgt, 60, 2000), text, "en", quote=tgt))

# the owner replies to some genuine questions and thanks people (her replies mention them)
OWNER_ANSWERS = [
    ("once a month", "@{w} honestly? Park it. Pin a post saying where to find you and put the hours into the channel you enjoy."),
    ("content calendar", "@{w} for a two-person team a shared spreadsheet beats any tool: one row per post, one column for who. Start there."),
    ("redo it", "@{w} every six months for a shop, or after any big change (new site, new location). Takes an hour the second time."),
    ("who to follow back", "@{w} follow the accounts you'd like to hear from: customers, neighbours, suppliers. Not everyone who follows you."),
    ("workshop in", "@{w} yes please! Drop me an email and let's find a date in the new year."),
    ("scheduling tools", "@{w} for tiny teams the free tiers are plenty. Pay only when approvals between people become a pain."),
    ("shop cat", "@{w} the shop cat is a legitimate marketing strategy and I will not hear otherwise 🐈"),
    ("polite reply", "@{w} ignoring is fine. If you want to answer: 'thanks, we follow accounts we learn from' is polite and true."),
    ("talk at the library", "@{w} thank you! That made my day. Let me know how the replies experiment goes."),
    ("reviews", "@{w} ask in person first, then send a short link the same day. Happy customers are usually glad to help."),
    ("reduced rate", "@{w} we do, reduced rates for registered charities. Email hello@brightpath.test and tell me about the food bank."),
    ("hashtags", "@{w} two to five relevant ones, and only tags people actually search. Zero is fine too."),
    ("right local accounts", "@{w} start with who your customers already talk to: the market, the library, the school. Then read their replies."),
    ("spreadsheet", "@{w} yes! I'll send it over this afternoon."),
    ("podcast", "@{w} I'd love to. Sending you a DM now."),
    ("link in bio", "@{w} link to your own site. One page with your hours, your newest thing and a way to get in touch."),
    ("never engage", "@{w} not at all. Quiet followers still read. Worry only about accounts that look fake, and don't chase numbers."),
    ("bought ones", "@{w} I show them the replies. 800 people who answer are worth more than 8,000 who never will."),
    ("regular customer", "@{w} not rude at all. A follow is not a debt. Say hi in the shop instead 😊"),
    ("weekly newsletter", "@{w} monthly and good beats weekly and rushed. You can always go weekly later."),
    ("by hand", "@{w} by hand for small lists! For bigger ones I use a little script. Writing it up soon."),
    ("class account", "@{w} start with comments off and a clear purpose: sharing work with parents. Most class accounts never need more."),
]
answered = [p for p in genuine_to_owner if any(k in p["text"] for k, _ in OWNER_ANSWERS)]
for p in R.sample(answered, 8):
    who = p["_author"]["username"]
    text = [a for k, a in OWNER_ANSWERS if k in p["text"]][0].format(w=who)
    add_post(owner, after(p, 20, 600), text, "en", reply_to=p)
# her replies to genuine people's own posts
for tgt in R.sample([p for p in genuine_originals if p["_author"] in genuine_followers], 4):
    text = R.choice(["@{w} congratulations, this is brilliant news!",
                     "@{w} love this. Would you mind if I shared it in my newsletter?",
                     "@{w} this is such a good example of what works locally. Thank you for writing it up.",
                     "@{w} following this thread closely, great question.",
                     "@{w} well deserved!"]).format(w=tgt["_author"]["username"])
    add_post(owner, after(tgt, 30, 1500), text, "en", reply_to=tgt)
# a short self-thread
root = R.choice(owner_originals_sorted[-8:])
t1 = add_post(owner, after(root, 2, 5), "How I audit a follower list, in four steps. 1) Remove the dead accounts. 2) Note the follow-back demands. 3) Find the people who post original things. 4) Talk to them.", "en", reply_to=root)
add_post(owner, after(t1, 1, 3), "The fourth step is the only one that matters. The first three just make it possible.", "en", reply_to=t1)
# she retweets a genuine post
rt_src = R.choice([p for p in genuine_originals if "opened our second shop" in p["text"]] or genuine_originals)
retweet(owner, rt_src, after(rt_src, 15, 600))

# genuine people reply to each other and retweet
for u in genuine:
    if R.random() < 0.5:
        tgt = R.choice([p for p in genuine_originals if p["_author"] is not u])
        add_post(u, after(tgt, 15, 3000), R.choice(GENUINE_REPLIES).format(u=tgt["_author"]["username"],
                                                                           mon=R.choice(MONTHS)), reply_to=tgt)
    if R.random() < 0.25:
        orig = R.choice(genuine_originals + broadcast_posts[:40])
        if orig["_author"] is not u:
            retweet(u, orig, after(orig, 5, 1200))
# ordinary: some retweets of local news
for u in ordinary_followers + ordinary_following_only:
    if R.random() < 0.4:
        orig = R.choice([p for p in broadcast_posts if p["_author"]["_spec"] in ("news", "sports", "events")])
        retweet(u, orig, after(orig, 5, 900))

# -- 3. drop anything that ended up in the future (cannot happen, checked) and pinned posts

for u in USERS:
    ps = sorted(u["_posts"], key=lambda p: p["_t"])
    originals = [p for p in ps if "referenced_posts" not in p]
    want = {"owner": 1.0, "demander": 0.45, "genuine": 0.35, "spammer": 0.3, "broadcaster": 0.15}.get(u["_kind"], 0.05)
    if originals and R.random() < want:
        if u is owner:
            pin = [p for p in originals if "audit checklist" in p["text"]][0]
        elif u["_kind"] == "demander":
            pin = R.choice([p for p in originals] )
        else:
            pin = R.choice(originals[: max(1, len(originals) // 2)])
        u["pinned_post_id"] = pin["id"]

# =========================================================================== graph

OWNER_T = OWNER_CREATED + dt.timedelta(days=30)


def follow_time(u, bias_recent=False):
    lo = max(u["_created"] + dt.timedelta(hours=2), OWNER_T)
    if bias_recent:
        lo = max(lo, NOW - dt.timedelta(days=60))
    if lo >= NOW:
        lo = NOW - dt.timedelta(hours=6)
    return rand_between(lo, NOW - dt.timedelta(minutes=30))


def new_gone_id(t):
    return user_id_for(t)


suspended = [new_gone_id(rand_between(D(2024, 1), D(2026, 9))) for _ in range(3)]
deleted = [new_gone_id(rand_between(D(2013, 1), D(2025, 1))) for _ in range(2)]

# followers (320): demanders 62, spammers 40, dead 52, broadcasters 40, genuine 82, ordinary 36,
# protected 3, suspended 3, deleted 2
follower_entries = []
for u in demanders:
    follower_entries.append((follow_time(u, R.random() < 0.5), u["id"]))
for u in spammers:
    follower_entries.append((follow_time(u, True), u["id"]))
for u in dead:
    follower_entries.append((follow_time(u), u["id"]))
for u in broadcasters:
    follower_entries.append((follow_time(u), u["id"]))
for u in genuine_followers:
    follower_entries.append((follow_time(u), u["id"]))
for u in ordinary_followers + protected_users:
    follower_entries.append((follow_time(u), u["id"]))
for i, sid in enumerate(suspended + deleted):
    follower_entries.append((rand_between(OWNER_T, NOW - dt.timedelta(days=20)), sid))
follower_entries.sort(key=lambda e: e[0], reverse=True)
followers_list = [i for _, i in follower_entries]

# following (150): 90 mutuals + 60 following-only
mutual = (R.sample(genuine_followers, 55) + R.sample(ordinary_followers, 15) + R.sample(broadcasters, 8)
          + R.sample(demanders, 6) + R.sample(dead, 2) + protected_users[:2])
fo_only = genuine_following_only + ordinary_following_only + dead_following_only
# 40 + 12 + 2 = 54 so far: the rest are broadcasters not among her followers -> add 6 new ones
extra_bc = []
for t, n in [("news", "Eastshire Business Review"), ("news", "Wrenmouth Harbour News"),
             ("saas", "Draftling App"), ("marketingnews", "Small Biz Insights Feed"),
             ("podcast", "Shopfront Stories Podcast"), ("events", "Eastshire Makers Market")]:
    b = make_broadcaster(t, n)
    for tm in active_times(b, R.randint(16, 22), {"sports": 3, "podcast": 36, "events": 4}.get(t, 1.2), 2):
        add_post(b, tm, bc_text(t, b, 0, tm), "en")
    extra_bc.append(b)
fo_only = fo_only + extra_bc
following_entries = [(follow_time(u), u["id"]) for u in mutual + fo_only]
following_entries += [(rand_between(OWNER_T, NOW - dt.timedelta(days=40)), x) for x in (suspended[0], deleted[0])]
following_entries.sort(key=lambda e: e[0], reverse=True)
following_list = [i for _, i in following_entries]

# =========================================================================== entities and output

NAME_TO_USER = {u["username"].lower(): u for u in USERS}


def entities_for(text):
    ents = {}
    urls = []
    for m in re.finditer(r"https://t\.co/[A-Za-z0-9]{10}", text):
        exp = TCO.get(m.group(0))
        if exp:
            urls.append({"start": m.start(), "end": m.end(), "url": m.group(0), "expanded_url": exp,
                         "display_url": display(exp)})
    ments = []
    for m in re.finditer(r"(?<![\w@])@(\w{1,15})", text):
        uu = NAME_TO_USER.get(m.group(1).lower())
        if uu:
            ments.append({"start": m.start(), "end": m.end(), "username": uu["username"], "id": uu["id"]})
    tags = [{"start": m.start(), "end": m.end(), "tag": m.group(1)}
            for m in re.finditer(r"(?<![\w&])#(\w+)", text)]
    if urls:
        ents["urls"] = urls
    if ments:
        ents["mentions"] = ments
    if tags:
        ents["hashtags"] = tags
    return ents


for p in POSTS:
    e = entities_for(p["text"])
    if e:
        p["entities"] = e

# bring metrics in line with what the fixture holds
for u in USERS:
    m = u["public_metrics"]
    m["post_count"] = max(m["post_count"], len(u["_posts"]))
    if u["_kind"] == "dead":
        m["post_count"] = len(u["_posts"])

POSTS.sort(key=lambda p: int(p["id"]))
USER_ORDER = USERS


def clean(d):
    return {k: v for k, v in d.items() if not k.startswith("_")}


POST_KEYS = ["id", "text", "author_id", "created_at", "lang", "conversation_id", "public_metrics",
             "referenced_posts", "in_reply_to_user_id", "entities"]


def post_out(p):
    return {k: p[k] for k in POST_KEYS if k in p}


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write(path):
    lines = ['{"users":[']
    us = [clean(u) for u in USER_ORDER]
    lines.append(",\n".join(dump(u) for u in us))
    lines.append('],"posts":[')
    lines.append(",\n".join(dump(post_out(p)) for p in POSTS))
    lines.append('],\n"followers":' + dump({OWNER_ID: followers_list}))
    lines.append(',\n"following":' + dump({OWNER_ID: following_list}))
    lines.append(',\n"suspended":' + dump(suspended))
    lines.append(',\n"deleted":' + dump(deleted))
    lines.append("}\n")
    text = "\n".join(lines)
    json.loads(text)        # sanity
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode("utf-8"))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "examples", "sample-account.json")
    size = write(out)
    kinds = {}
    for u in USERS:
        kinds[u["_kind"]] = kinds.get(u["_kind"], 0) + 1
    print("%s: %d bytes, %d users %s, %d posts, %d followers, %d following, %d mention @%s" % (
        os.path.normpath(out), size, len(USERS), kinds, len(POSTS), len(followers_list), len(following_list),
        sum(1 for p in POSTS if ("@" + OWNER) in p["text"].lower()), OWNER), file=sys.stderr)

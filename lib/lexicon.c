#include <string.h>

#include "lexicon.h"
#include "util.h"

/*
 * Lexicons matched on normalised bios and posts. Job titles and
 * self-descriptions (Sloan et al. 2015; Beller et al. 2014), with hobby
 * words left out: they say little about what a person does.
 */
static const char lexicons[] =
    "rule ROLE \\b(?:founder|co-?founder|ceo|cto|cfo|coo|vp|head\\s+of|director|manager|engineer|developer|"
    "programmer|designer|architect|researcher|scientist|professor|lecturer|teacher|phd|postdoc|"
    "journalist|reporter|editor|author|writer\\s+(?:at|for)|copywriter|consultant|strategist|"
    "analyst|marketer|marketing|lawyer|attorney|doctor|physician|nurse|pharmacist|dentist|"
    "therapist|chef|baker|owner|proprietor|farmer|accountant|economist|librarian|curator|"
    "producer|product|photographer\\s+(?:at|for|@)|illustrator|translator|nonprofit|ngo|"
    "fundador[a]?|ingenier[oa]|disenador[a]?|periodista|jornalista|investigador[a]?|"
    "professor[a]?|gr(?:u|ue)nder(?:in)?|ingenieur(?:in)?|fondat(?:eur|rice)|journaliste|"
    "developpeu(?:r|se)|consultor[a]?|dueno|dona\\s+de|i\\s+(?:run|help|build|teach|write\\s+about|make)|"
    "(?:work|working)\\s+(?:at|on|in)|building\\s+@|at\\s+@\\w|@\\s*\\w+\\s*(?:\\||$))\n"
    "rule SPAM \\b(?:make\\s+(?:money|\\$\\s*\\d+)|earn\\s+\\$?\\s*\\d+|work\\s+from\\s+home|giveaway|airdrop|"
    "free\\s+(?:followers|crypto|money|iphone)|dm\\s+(?:me\\s+)?(?:for|to\\s+get)\\s+(?:promo|collab|paid|shoutout)|"
    "click\\s+(?:the\\s+)?link\\s+in\\s+(?:my\\s+)?bio|limited\\s+(?:time\\s+)?offer|passive\\s+income|"
    "double\\s+your|forex|binary\\s+options|promo\\s+code|get\\s+rich|100x|to\\s+the\\s+moon|"
    "send\\s+(?:me\\s+)?\\d+|cash\\s*app|onlyfans|buy\\s+followers|cheap\\s+followers|signals?\\s+group|"
    "investment\\s+opportunity|guaranteed\\s+(?:profit|returns?)|claim\\s+(?:your|now)|"
    "(?:real|active|organic)\\s+followers|\\d+\\s*k\\s+followers|followers\\s+for\\s+\\$|instant\\s+delivery|"
    "engagement\\s+(?:pod|group)|grupo\\s+de\\s+engajamento|grupo\\s+de\\s+interaccion|pod\\s+de\\s+engajamento|"
    "seguidores\\s+(?:reais|reales)|compra\\s+seguidores|comprar\\s+seguidores|dm\\s+(?:me\\s+)?to\\s+join|"
    /* selling followers in more languages: "1000 seguidores brasileiros reais", "Follower kaufen" */
    "(?:compre|compra|comprar|acheter|kaufen?)\\s+(?:de\\s+|des\\s+)?(?:seguidores|followers?|abonnes)|"
    "(?:seguidores|followers?|abonnes)\\s+(?:\\w+\\s+)?(?:reais|reales|kaufen|echte|reels)|"
    "(?:\\d+\\s*)?(?:팔로워|フォロワー)\\s*(?:\\d+\\s*(?:명|人)?\\s*)?(?:구매|판매|購入|販売)|买粉|刷粉|"
    /* money scams in more languages: "Gana $500.000 diarios con criptomonedas" */
    "criptomonedas?|criptomoedas?|cryptomonnaies?|(?:gana|ganar|ganhe|ganhar|gagnez|gagner|verdiene)\\s+"
    "(?:hasta\\s+|ate\\s+|jusqu'?a\\s+|bis\\s+zu\\s+)?[$€£]?\\s*\\d|je\\s+transforme\\s+\\d|"
    "echte\\s+(?:\\w+\\s+)?follower|\\d+\\s*(?:seguidores|followers?|abonnes|curtidas|likes)\\s+(?:por|for|ab|pour|a\\s+partir)|"
    /* phishing and prize scams */
    "verify\\s+your\\s+(?:account|identity)|account\\s+(?:will\\s+be\\s+)?suspended|appeal\\s+form|"
    "seed\\s+phrase|wallet\\s+(?:connect|sync)|you(?:'ve|\\s+have)\\s+(?:won|been\\s+selected)|claim\\s+(?:your\\s+)?prize|"
    "gift\\s*card|whatsapp\\s+(?:me|us|\\+)|double\\s+(?:your\\s+)?(?:btc|eth|crypto|money)|pix\\s+(?:aceito|premiado)|"
    "paid\\s+(?:feature|promotion|review)s?|featured\\s+for\\s+\\$|limited\\s+spots?|"
    /* follower sellers and like-for-like groups: "Jual followers murah",
       "1000 gerçek Türk takipçi sadece 99 TL", "いいね回り" */
    "jual\\s+(?:followers?|likes?|subscribers?|viewers?)|followers?\\s+(?:murah|(?:hanya|cuma)\\s+(?:rp\\s*)?\\d)|"
    "followers?\\s+(?:\\+\\s+likes?\\s+)?paket|gercek\\s+(?:turk\\s+)?takipci|"
    "takipci\\s+(?:sat\\w*|paket\\w*|hilesi)|\\d+\\s*takipci\\s+(?:sadece|\\+|=|\\d)|"
    "\\d+\\s*k\\s+(?:cuma|hanya|sadece)\\s+(?:rp\\.?\\s*)?\\d|"
    "rt回り)|"
    /* a script without spaces has no word boundary before a word: "作家さん向けのいいね回り" */
    "いいね回り|リツイート回り|相互支援グループ\n"
    /* A bio in the voice of an organisation rather than a person. */
    "rule ORG ^the\\s|\\b(?:we|we're|our|official|news|newsroom|daily|weekly|updates|headlines|brand|"
    "shop|store|agency|app|platform|inc|ltd|llc|gmbh|company|magazine|media|"
    "nosotros|nuestr[oa]s?|noticias|somos|nossa?|noticias|tienda|loja|agencia)\\b\n"
    /* What broadcasters of filler post: trivia, horoscopes, scores, gossip, quotes. */
    "rule TRIVIA \\b(?:horoscopes?|zodiac|astrology|aries|scorpio|quote\\s+of\\s+the\\s+day|daily\\s+quotes?|"
    "motivational|inspirational|gossip|celebs?|celebrity|fun\\s+facts?|facts\\s+every|did\\s+you\\s+know|trivia|"
    "one\\s+quote|quotes?\\s+(?:a|every)\\s+day|daily\\s+(?:facts?|motivation|horoscope)|"
    "live\\s+scores?|final\\s+score|fixtures|full\\s+time|breaking|viral|memes?|tea\\b)\\b\n"
    /* Replies that put people down rather than talk with them. */
    "rule COMBATIVE \\b(?:nonsense|rubbish|garbage|stupid(?!\\s+question)|idiot\\w*|clueless|pathetic|ridiculous|"
    "wrong\\s+again|you(?:'re|\\s+are)\\s+wrong|nobody\\s+asked(?=\\s*[.!]|\\s*$)|cope|l+o+l+\\s+no|do\\s+better|embarrassing|"
    "amateurs?|grow\\s+up|try\\s+harder|typical|absurd|bobagem|ridiculo|vergonha|tonteria|ridiculez|"
    "quatsch(?!\\s*\\?)|unsinn(?!\\s*\\?)|lacherlich|treta|estou\\s+fart[oa]|chamem-lhe\\s+o\\s+que\\s+e|que\\s+verguenza|"
    "e\\s+(?:uma\\s+)?piada|es\\s+(?:un\\s+)?chiste|highway\\s+robbery|rip-?off|(?:e|es)\\s+um?\\s+(?:roubo|robo)|"
    /* condescension: telling people off rather than answering them */
    /* "Wrong." and "you got it all wrong.", not "the tension was all wrong." */
    "you\\s+(?:were|was|got\\s+it(?:\\s+all)?)\\s+wrong|(?:take|point|logic|argument)\\s+(?:is|was)\\s+wrong|"
    "(?<!\\ball\\s)(?<!\\bwas\\s)(?<!\\bwere\\s)(?<!\\bwent\\s)(?<!\\bgone\\s)(?<!\\bgoes\\s)(?<!\\bgo\\s)"
    "(?<!thing\\s)(?<!\\bgot\\s)wrong(?=\\.)|didn'?t\\s+think\\s+so|you\\s+of\\s+all\\s+people|open\\s+your\\s+mind|"
    "read\\s+the\\s+(?:literature|research|studies|science)|do\\s+your\\s+(?:research|homework)|"
    "(?:typical|hot)\\s+\\w+\\s+take|not\\s+even\\s+close|is\\s+a\\s+slogan|is\\s+nothing\\s+sacred|"
    "for\\s+people\\s+who\\s+(?:can'?t|won'?t|don'?t|want)|call\\s+it\\s+what\\s+it\\s+is|"
    "(?:em\\s+|en\\s+)?serio(?=\\s*\\?)|ernsthaft(?=\\s*\\?)|cade\\s+o|prova\\s+ai|que\\s+presta|nao\\s+presta|"
    "ironico|ni\\s+idea|no\\s+tienes\\s+idea|keine\\s+ahnung|peinlich|"
    /* contempt and sarcasm, in more languages */
    "drivel|(?:is|are)\\s+(?:trash|a\\s+joke)|para\\s+de\\s+enrolar|mimimi|for\\s+god'?s\\s+sake|amateur\\s+hour|don'?t\\s+bother|and\\s+you\\s+know\\s+it|"
    "yes,?\\s+we\\s+can\\s+tell|congratulations,\\s+you|or\\s+you\\s+could\\s+just|"
    "this\\s+is\\s+why\\s+\\w+\\s+can'?t|marketing\\s+(?:con|garbage|nonsense)|"
    "hipocritas?|ignorantes?|mentiros[oa]s?|patetic[oa]s?|nadie\\s+(?:te|les|le|os)\\s+cree|"
    "ninguem\\s+(?:te|lhes|acredita)|antes\\s+de\\s+opinar|no\\s+sabes\\s+nada|verguenza|"
    "n'?importe\\s+quoi|pitoyable|lamentable|"
    "saf\\s+olmay\\w*|tembeller|cahil\\w*|sacma\\w*|rezalet|aptal\\w*|salak\\w*|utanmaz\\w*|"
    "uydurma\\w*|yalanci\\w*|palavra|"
    /* Slovenian and its neighbours, German, Indonesian, Swahili, English */
    "sramota|sramotno|nihce\\s+(?:vam|ti)\\s+ne\\s+verjame|nitko\\s+(?:vam|ti)\\s+ne\\s+vjeruje|"
    "das\\s+marchen\\s+vo[nm]|blodsinn|schwachsinn|lugner\\w*|feigheit|feigling|schweigen\\s+sie|"
    "sampah|penipu\\w*|pengecut|goblok|tolol|ngawur|jangan\\s+bohong\\w*|kalau\\s+berani|"
    "upuuzi|waongo|clowns(?=\\s*[.!?]|\\s*$)|stop\\s+the\\s+pr|is\\s+a\\s+cartel)\\b\n"
    /* Replies that sell: the replier's own course, product, link or DMs. */
    "rule PROMO \\b(?:my\\s+(?:course|program|programme|ebook|book|app|method|coaching|masterclass|newsletter)|"
    "check\\s+out\\s+my|link\\s+in\\s+(?:my\\s+)?bio|dm\\s+me|use\\s+code|discount|sign\\s+up|"
    "book\\s+a\\s+call|free\\s+(?:guide|trial|call|webinar)|meu\\s+curso|link\\s+na\\s+bio|mi\\s+curso)\\b|"
    "無料(?:体験|相談|診断|レッスン)|詳しくは(?:プロフ|こちら)|プロフのリンク|무료\\s*(?:체험|상담)|免费(?:试听|体验)\n";


void
lexicons_init(struct lexicons *lx)
{
	struct buf err = {0};

	ruleset_init(&lx->rules);
	if (ruleset_parse(&lx->rules, lexicons, strlen(lexicons), "score lexicons", &err) < 0 ||
	    ruleset_compile(&lx->rules, &err) < 0)
		die(EXIT_FAIL, "internal error: %s", err.p);
	lx->mark = xcalloc(lx->rules.nmarks + 1, 1);
}

void
lexicons_free(struct lexicons *lx)
{
	ruleset_free(&lx->rules);
	free(lx->mark);
	lx->mark = NULL;
}

void
lexicon_scan(struct lexicons *lx, const char *text, size_t len)
{
	ruleset_candidates(&lx->rules, text, len, lx->mark);
}

int
lexicon_hits(struct lexicons *lx, enum lexicon_kind lex, const char *text, size_t len,
    size_t *m0, size_t *m1)
{
	return rule_candidate(&lx->rules, (size_t)lex, lx->mark) &&
	    rule_match(&lx->rules, (size_t)lex, lx->mark, text, len, 0, m0, m1) > 0;
}

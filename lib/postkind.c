#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "postkind.h"
#include "quote.h"
#include "rules.h"
#include "textnorm.h"
#include "util.h"

#define OBJECT_WORDS 10		/* of an achievement: "launched the new booking page for your clinic" */
#define QUESTION_WORDS 20	/* a question is quoted whole, or not at all */
#define ADDRESS_QUESTION_WORDS 40	/* one to the client is answered, however long */

/*
 * The patterns match the normalised text (lower case, accents and look-alike
 * letters folded, see textnorm.h), so "FR33 iPhone" and "𝐆𝐈𝐕𝐄𝐀𝐖𝐀𝐘" are caught.
 */

/* A scam or a giveaway: in a bio it leaves nobody to write to. */
static const char scam_pattern[] =
    "\\b(?:give-?aways?|airdrops?|sorteos?|sorteios?|crypto|bitcoin|btc|usdt|eth|nfts?|"
    "forex|backlinks?|passive\\s+income|financial\\s+freedom|work\\s+from\\s+home|best\\s+deals|"
    "today\\s+only)\\b"
    "|\\b(?:trading|forex|vip)\\s+signals?\\b|\\bsignals\\s+(?:group|channel)\\b"
    "|\\bwin\\s+(?:a|an|free|\\d)|\\bfree\\s+(?:iphone|ipad|gift\\s*cards?|money)\\b"
    "|\\b(?:earn|make|made)\\s+\\$?\\d|\\b(?:ganar|gana|ganhar|ganha|ganhe)\\s+(?:hasta\\s+|ate\\s+)?\\S{0,3}\\s?\\d|\\$\\s?\\d[\\d,.]*k?\\s*(?:/|per\\s|a\\s)\\s*(?:week|day|month|wk|hr|hour)\\b"
    "|\\bdm\\s+me\\s+\\W?info\\b|\\bsend\\s+\\d[\\d.]*\\s*\\w+\\W+(?:and\\s+)?(?:receive|get)\\b"
    "|\\b\\d{2,3}\\s*%\\s*(?:accurate|off)\\b|\\b(?:follow|like)\\s*(?:\\+|&|and)\\s*(?:rt|retweet)\\b"
    "|\\brt\\s*\\+\\s*follow|\\bclaim\\s+(?:now|here|yours|your|before|it)\\b|\\bclick\\s+the\\s+link\\b"
    "|\\bwhatsapp\\s+me\\b|\\bjoin\\s+(?:our|my)\\s+(?:telegram|vip|discord)\\b"
    "|\\bengagement\\s+(?:pod|group|circle)s?\\b|\\bpods?\\s+de\\s+engagement\\b"
    /* follower sellers: "Compra seguidores chilenos reales", "1000 seguidores por R$ 19,90" */
    "|\\b(?:buy|buying|sell|selling|compra|comprar|compre|venta|venda|vendo|vendemos)\\s+(?:de\\s+)?"
    "(?:\\d[\\d.,]*k?\\s*)?(?:followers|likes|seguidores|curtidas)\\b"
    "|\\bseguidores\\s+(?:\\w+\\s+)?(?:reales|reais|organicos|activos|ativos)\\b"
    "|\\b\\d[\\d.,]*k?\\s*(?:followers|seguidores|likes|curtidas)\\b[^.!?\\n]{0,40}?\\b(?:por|for)\\s+"
    "(?:[^\\s\\d]{1,3}\\s?)?\\d";

/* An ad, a promo code or a sales pitch: no draft rests on it. */
static const char promo_pattern[] =
    "\\b(?:promo|discount|coupon)\\s+code\\b|\\b(?:use|with)\\s+(?:my\\s+)?code\\b"
    "|\\b(?:coupon|cupon|cupom|affiliate|sponsored|promo|oferta|ofertas|promocao|promocion|"
    "descuento|desconto|guaranteed|black\\s+friday|cyber\\s+monday|free\\s+shipping|envio\\s+gratis|"
    "frete\\s+gratis|pre-?orders?|preorders?)\\b|#ad\\b"
    "|\\d+\\s*%\\s*(?:off|de\\s+descuento|de\\s+desconto)\\b"
    "|\\b(?:real|organic|active)\\s+(?:listeners|followers|streams|plays|views|subscribers)\\b"
    "|\\b(?:2x1|3x2)\\b"
    "|\\ba\\s+partir\\s+de\\s+(?:r\\$|\\$|s/|us\\$)|\\bchama\\s+no\\s+(?:zap|whats\\w*|direct|dm)\\b"
    "|\\d+\\s*%\\s*(?:de\\s+)?(?:comissao|comision|commission)\\b|\\b(?:junte-se|junta-te|juntem-se|unete|"
    "unanse)\\b"
    "|\\b(?:order|buy|grab)\\s+(?:now|yours|today|here|online)\\b|\\b(?:shop|book)\\s+(?:now|online)\\b"
    "|\\bget\\s+yours\\b|\\blimited\\s+(?:time|spots|slots|offer|edition|seats|places|stock)\\b"
    "|\\b(?:last|only)\\s+\\d+\\s+(?:spots|slots|places|seats|left)\\b"
    "|\\bdms?\\s+(?:me\\s+|us\\s+)?(?:for|to\\s+(?:get|order|book|join))\\b|\\bdm\\s+(?:me|us)\\b"
    "|\\bmessage\\s+me\\b|\\blink\\s+(?:in|na|en)\\s+(?:(?:my|the|la|a)\\s+)?bio\\b"
    "|\\b(?:tap|click)\\s+(?:the\\s+)?link\\b|\\b(?:we're|we\\s+are|now|i'm)\\s+hiring\\b|^hiring\\b"
    "|\\bcontratando\\b|\\b(?:subscribe|sign\\s+up|register|enrol+)\\s+(?:now|today|here)\\b"
    /* new stock: "New in: Ethiopia Guji", "Winter collection is here", "Nuevo modelo de cinturón" */
    "|^new\\s+in\\b|\\bnew\\s+(?:batch|stock|arrivals?|collection|drop|flavou?rs?|range)\\b"
    "|\\b(?:collection|range|restock|drop)\\s+is\\s+(?:here|live|in)\\b"
    "|\\b(?:back|now)\\s+in\\s+stock\\b|\\brestocked\\b|\\b(?:available\\s+now|now\\s+available)\\b"
    "|\\bnuev[oa]s?\\s+(?:modelo|coleccion|lote|producto|sabor)e?s?\\b"
    "|\\bnov[oa]s?\\s+(?:modelo|colecao|lote|produto|sabor)e?s?\\b"
    "|\\b(?:ya|ja)\\s+disponi(?:ble|vel)\\b"
    /* an ad's question: "¿Sabías que nixtamalizamos ...?" */
    "|(?:^|\\x{00bf})\\s*(?:sabias|sabia|sabiam)\\s+que\\b|^did\\s+you\\s+know\\b"
    "|\\bcotiza\\w*|\\bpaquetes?\\s+desde\\b|\\b(?:desde|from|starting\\s+at|a\\s+partir\\s+de)\\s+(?:\\$|r\\$|us\\$)\\s?\\d";

/*
 * Thanks for following the client back: a courtesy, often automated, that
 * asks for no answer; with a link, the opening of a plug.
 */
static const char follow_thanks_pattern[] =
    "\\b(?:thanks?|thank\\s+you)\\s+(?:so\\s+much\\s+)?for\\s+(?:the\\s+)?follow(?:ing|\\s+back)?"
    "(?![\\w-])(?!\\s+(?:up|through|along)\\b)"
    /* "por seguirnos", "por seguir!", not "por seguir ensinando" */
    "|\\b(?:gracias|obrigad[oa])\\s+(?:por|pelo)\\s+(?:el\\s+|o\\s+)?(?:follow\\b|seguir(?:me|nos)\\b|"
    "seguir(?=\\s*(?:[!.,;:]|$)))";

/*
 * What makes a post to the client with a link a plug, whatever it asks:
 * an app ("free on Android 👉 link"), a price by the month or credit
 * terms ("₦25k/month 👉 link", "con financiamiento a 12 meses 👉 link").
 * A customer's "do you make anything gluten free? (photo link)" is none.
 */
static const char plug_pattern[] =
    "\\bfree\\s+on\\s+(?:android|ios|iphone)\\b|\\b(?:app\\s+store|google\\s+play|play\\s+store)\\b"
    "|\\b(?:financiamiento|financiacion|financiamento|financing\\s+(?:available|from|at|plans?))\\b"
    "|(?:[$\\x{20AC}\\x{00A3}\\x{20A6}]\\s?\\d[\\d.,]*\\s*k?|\\d[\\d.,]*\\s*k)\\s*"
    "(?:/|\\bper\\b|\\ba\\b|\\bal\\b|\\bpor\\b)\\s*(?:month|mes|mo)\\b"
    /* a finger pointing at the link: "Enter the 2027 Awards, early-bird €220 👉 https://..." */
    "|\\x{1F449}|\\x{1F447}|\\x{2B07}"
    /* "Thanks for the mention! Download KodeWorld free: https://..." */
    "|\\bdownload\\b";

/* An account that posts by itself. */
static const char automated_pattern[] =
    "\\b(?:automated|automatically|auto-?posted|auto-?generated|bot|not\\s+affiliated|"
    "every\\s+\\d+\\s+(?:minutes|mins|hours))\\b"
    /* an engagement pod or a seller of followers: nobody to talk with */
    "|\\bengagement\\s+(?:group|pod|circle)s?\\b|\\bdrop\\s+your\\s+@|\\bjual\\s+followers\\b"
    "|\\b(?:buy|sell|jual|compra|comprar|vendo)\\s+(?:\\w+\\s+)?(?:followers|seguidores|likes)\\b";

/* Someone else's words or news: a headline, gossip, a credit, congratulations to others. */
static const char others_pattern[] =
    "^(?:breaking|rumou?rs?|spotted|confirmed|exclusive|just\\s+in|reportedly|congrats|"
    "congratulations|kudos|shout-?out|big\\s+up|(?:great|nice|amazing|brilliant)\\s+work|well\\s+done|"
    "bravo|felicidades|enhorabuena|parabens|(?:muy\\s+)?buen\\s+trabajo|(?:muito\\s+)?bom\\s+trabalho)\\b"
    "|^(?:new|update|report|watch|listen|read)\\s*:|\\bvia\\s+@|\\bh/t\\b|\\(via\\b";

/* A question others ask them, which the post answers: advice, not their question. */
static const char asked_pattern[] =
    "^(?:the\\s+|a\\s+)?(?:questions?\\s+i\\s+(?:get|hear)|(?:a\\s+)?pergunta\\s+que\\s+mais\\s+recebo|"
    "(?:la\\s+)?pregunta\\s+que\\s+mas\\s+(?:recibo|me\\s+hacen)|people\\s+(?:always\\s+|often\\s+)?ask\\s+me|"
    "me\\s+(?:preguntan|perguntam))\\b";

/* An offer to share, not a thing shared: "happy to share my sign-up sheet if useful". */
static const char offer_pattern[] =
    "\\bif\\s+(?:it'?s\\s+|it\\s+is\\s+)?(?:useful|helpful|it\\s+helps|anyone|any\\s+of\\s+you|"
    "you(?:'d|\\s+would)?\\s+(?:like|want|need)|interested|there'?s\\s+interest)\\b"
    "|\\b(?:just\\s+ask|ask\\s+(?:me|away)|anyone\\s+(?:want|need)s?|who\\s+wants)\\b"
    "|\\b(?:can|could|will|i'?ll|we'?ll|would\\s+love\\s+to)\\s+share\\b"
    "|\\b(?:dm|message|email)\\s+(?:me|us)\\s+(?:for|if)\\b";

/*
 * An offer, an invitation or a request to the client: "happy to send you
 * the footprint", "if you ever need a venue", "would you speak at our
 * club", "si quieres te paso el protocolo", "fica o convite".
 */
static const char offer_to_you_pattern[] =
    "\\b(?:happy|glad|more\\s+than\\s+happy)\\s+to\\s+(?:send|share|help|lend|bring|drop|host|"
    "introduce|connect|donate|give|supply|test|review|show|walk|chat|talk|cover|sponsor|print|ship|"
    "deliver|put\\s+you|set\\s+you|get\\s+you)\\b"
    "|\\b(?:i|we)\\s+(?:can|could|(?:'d|would)\\s+(?:be\\s+happy|love)\\s+to)\\s+(?:send|share|lend|"
    "bring|drop|host|introduce|connect|donate|give|supply|test|review|show|cover|sponsor|print|ship|"
    "deliver|put\\s+you|set\\s+you|get\\s+you|help|offer|provide|have\\s+you)\\b"
    "|\\b(?:i'?ll|we'?ll)\\s+(?:send|bring|drop\\s+off|introduce|connect|lend|host|donate|ship)\\b"
    "|\\bif\\s+you\\s+(?:ever\\s+)?(?:need|want|fancy|'d\\s+like|would\\s+like|are\\s+ever)\\b"
    "|\\blet\\s+(?:me|us)\\s+know\\s+if\\b"
    "|\\b(?:would|will|could)\\s+you\\s+(?:like\\s+to|want\\s+to|be\\s+(?:up\\s+for|interested|open|free|"
    "willing|able\\s+to\\s+(?:come|join|speak|test|help)))\\b"
    "|\\b(?:want|fancy)\\s+to\\s+(?:come|join|speak|visit|drop\\s+by|test|try)\\b"
    "|\\byou(?:'re|\\s+are)\\s+(?:welcome|invited)\\b|\\bcome\\s+(?:by|visit|and\\s+see|speak|talk)\\b"
    "|\\bjoin\\s+us\\b|\\b(?:invite|inviting)\\s+you\\b|\\b(?:(?:i|we)'?d|would)\\s+love\\s+(?:to\\s+have\\s+you|you\\s+to|an?|"
    "to\\s+(?:host|invite|feature|stock|sell|supply|collaborate|work\\s+with|interview|do|come|"
    "bring|run|visit|help|hold|join))\\b"
    /* "If your kids' club ever wants a draw-along": an offer whoever wants it */
    "|\\bif\\s+your\\s+(?:\\S+\\s+){0,3}?(?:ever\\s+)?(?:wants?|needs?)\\b"
    "|\\bwould\\s+you\\s+(?:ever\\s+)?(?:sell|come|speak|talk|join|consider|host|visit|supply|stock|"
    "collaborate|partner|give\\s+(?:us|me)|be\\s+our)\\b|\\b(?:could|can|shall)\\s+we\\b"
    "|\\b(?:te|le|les)\\s+gustaria\\b|\\b(?:podriamos|podemos|poderiamos)\\s+(?:hablar|vernos|coordinar|"
    "conversar|falar|combinar|colaborar)\\b|\\b(?:voce|vc|voces)\\s+(?:toparia|aceitaria|venderia)\\b"
    "|\\b(?:te|le|les)\\s+(?:puedo|podemos|paso|pasamos|mando|mandamos|envio|enviamos|regalo|presto|"
    "llevo|llevamos|invito|invitamos|ofrezco|ofrecemos)\\b"
    "|\\bsi\\s+(?:algun\\s+dia\\s+)?(?:quieres|quiere|quieren|necesitas|necesita|necesitan|te\\s+sirve|le\\s+sirve|"
    "te\\s+interesa|le\\s+interesa)\\b|\\bcon\\s+gusto\\s+(?:te|le|les)\\b|\\b(?:te|le)\\s+gustaria\\b"
    "|\\b(?:quieres|quiere|quieren)\\s+venir\\b|\\bestas?\\s+invitad[ao]s?\\b"
    "|\\b(?:podemos|puedo|posso)\\s+(?:te\\s+|lhe\\s+)?(?:donar|doar|llevar|levar|mandar|enviar|"
    "compartir|compartilhar|prestar|emprestar|passar|ajudar|apresentar)\\b"
    "|\\b(?:te|lhe)\\s+(?:mando|envio|passo|empresto|convido|ofereco)\\b"
    "|\\bse\\s+(?:um\\s+dia\\s+|algum\\s+dia\\s+)?(?:quiser|quiserem|precisar|precisarem|te\\s+interessar)\\b|\\b(?:voce|vc)\\s+gostaria\\b"
    "|\\b(?:queres|querem|querias|queriam|queres|quereis)\\s+(?:vir|aparecer|participar|colaborar)\\b"
    "|\\b(?:gostavas|gostavam|gostarias|gostariam)\\s+de\\s+(?:vir|participar|aparecer|colaborar|"
    "estar)\\b|\\bpass(?:a|em)\\s+ca\\b|\\b(?:te\\s+animas|se\\s+animan|se\\s+anima|te\\s+copas|"
    "se\\s+copan)\\b"
    "|\\b(?:levo|mando|envio|empresto|ofereco|passo)-(?:te|vos|lhe|lhes)\\b"
    "|\\b(?:fazemos|facamos|hacemos|hagamos)\\s+(?:\\w+\\s+){0,3}?(?:juntos|juntas)\\b"
    "|\\b(?:les|te|os)\\s+dejo\\b|\\b(?:deixo|mando|passo)\\s+(?:pra|para)\\s+(?:voces|voce|vcs|ti)\\b"
    /* "se a horta quiser eu doo", "300 kg de composto sobrando", "Deixamos umas sacolas pra vocês" */
    "|\\bse\\s+(?:\\S+\\s+){1,3}?(?:quiser|quiserem|precisar|precisarem)\\b|\\b(?:eu|nos)\\s+(?:doo|doamos)\\b"
    "|\\bsobrando\\b|\\b(?:deixamos|deixei|trouxemos|trouxe)\\b[^.!?]{0,50}?\\b(?:pra|para)\\s+(?:voces|vcs|voce)\\b"
    "|\\blet'?s\\s+(?:do|make|plan|organi[sz]e|collab\\w*|team\\s+up)\\b"
    "|\\bfancy\\s+(?:doing|coming|joining|popping|having|a\\s+(?:chat|coffee|pint|collab\\w*))\\b"
    "|\\bquer\\s+vir\\b|\\bfica\\s+o\\s+convite\\b|\\b(?:convi[dt]|invit)\\w*"
    /* asking leave or a hand: "ok if I use the photo?", "Could I call you?", "Posso te marcar?" */
    "|\\b(?:ok|okay|alright|all\\s+right)\\s+if\\s+(?:i|we)\\b|\\b(?:can|could|may)\\s+(?:i|we)\\s+(?:use|call|"
    "stop|come|visit|tag|share|feature|interview|send|bring|borrow|book|order|reserve)\\b"
    "|\\b(?:posso|podemos)\\s+(?:te\\s+|lhe\\s+)?(?:marcar|usar|ligar|passar|visitar|repostar)\\b"
    "|\\b(?:puedo|podemos)\\s+(?:usar|llamar|pasar|visitar|etiquetar|apartar)\\b|\\bapartar\\b"
    "|\\b(?:les|te|le)\\s+interesar\\w*|\\bwould\\s+you\\s+(?:guys\\s+|all\\s+)?(?:want|like)\\b"
    "|\\btopa[ms]?\\b|^vem\\b|\\bvem\\s+(?:pro|pra|para|tomar|comer|no|na|aqui)\\b"
    "|\\b(?:come|stop|swing|drop)\\s+(?:by|over|round)\\b|\\bi'?ll\\s+hold\\b|\\blet\\s+me\\s+know(?!\\s+what\\s+you\\s+think)\\b"
    "|\\b(?:ven|vengan|venga)\\s+(?:a|al|por)\\b|\\bos\\s+esperamos\\b|\\bte\\s+esperamos\\b"
    /* coffee, lunch or a call, asked: "Coffee next week?" */
    "|\\b(?:coffee|lunch|dinner|drinks?|a\\s+call|a\\s+chat|catch\\s+up|un\\s+cafe|um\\s+cafe|cafezinho|"
    "almocar|almorzar)\\b[^.!?]{0,40}\\?";

/* Thanks, or kind words about the client's work. */
static const char thanks_pattern[] =
    "\\b(?:thank\\s+you|thanks|thx|ty\\s+for|cheers\\s+for|grateful|appreciate[ds]?|gracias|"
    "agradezco|agradecemos|agradecid[oa]s?|obrigad[oa]s?|valeu|agradeco)\\b"
    "|\\b(?:congrats|congratulations|well\\s+done|felicidades|felicitaciones|enhorabuena|parabens|"
    "happy\\s+birthday|wishing\\s+you|best\\s+wishes|feliz\\s+(?:cumple\\w*|aniversario))\\b"
    "|\\b(?:love[ds]?|loving|great|brilliant|fantastic|amazing|excellent|wonderful|lovely|"
    "(?:super|so|very|really)\\s+(?:helpful|useful))\\s+(?:this\\s+|your\\s+|the\\s+)?(?:thread|post|talk|"
    "article|piece|video|advice|tips?|work|read|episode|class|session|workshop|explanation)\\b"
    "|^(?:cheers|merci|que\\s+(?:rico|rica|lindo|linda|bonito|bonita|delicia|maravilla|buen[oa]))\\b"
    "|^(?:lovely|beautiful|gorgeous|great|amazing|stunning|brilliant|fantastic|wonderful|awesome|"
    "excellent|delicious|nice|so\\s+good|what\\s+an?|love|loved|que\\s+(?:lindo|linda|bonito|bonita|"
    "maravilla|delicia)|hermos[oa]|lind[oa]|precios[oa]|maravilhos[oa])\\b"
    "|\\byour\\s+\\w+(?:\\s+\\w+)?\\s+(?:saved|made|makes|is\\s+(?:the\\s+best|amazing|great|gorgeous|"
    "delicious|lovely))\\b"
    /* praise of what they had from the client: "a broa estava impecável", "the pie was perfect" */
    "|\\b(?:was|were|estava|estavam|estaba|estaban|estuvo|estuvieron|quedo|ficou)\\s+(?:(?:so|really|"
    "absolutely|simply|muy|super|mesmo|simplesmente)\\s+)?(?:impecavel|perfeit[oa]|perfect[oa]?|"
    "deliciosa?|delicioso|divinal|incrivel|increible|espetacular|espectacular|riquisim[oa]|"
    "buenisim[oa]|excelente|otim[oa]|maravilhos[oa]|spot\\s+on|delicious|amazing|incredible|"
    "superb|fantastic|brilliant)\\b";

/*
 * Banter that starts a short reply ("haha yes", "lol same", "jaja"): not
 * something to answer with a draft.
 */
static const char banter_pattern[] =
    "^(?:ha(?:ha)+|lol|lmao|yes|yeah|yep|same|agreed?|exactly|true|so\\s+true|right|ja(?:ja)+|"
    "je(?:je)+|k{3,}|rs+|claro|isso|eso|verdad)\\b";

/* Advice told to someone: "because", "you don't need", "the fix is". */
static const char advice_pattern[] =
    "\\b(?:because|probably|usually|in\\s+my\\s+experience|the\\s+(?:trick|fix|key|problem|issue)|"
    "you\\s+(?:need|want|don'?t\\s+need|can|could|might|should)|try|porque|normalmente|"
    "(?:tienes|tenes|voce\\s+tem)\\s+que|prueba|prueben|proba|tente|tenta|tentem|experimenta|"
    "experimente|o\\s+truque|el\\s+truco|(?:um|meu|un|mi)\\s+(?:conselho|consejo)|my\\s+advice|"
    "cuidem|cuiden|evitem|eviten|deixem|dejen|coloquem|pongan|usem|usen|avisen|avisem|ojo\\s+con|"
    "cuidado\\s+con|fica\\s+a\\s+dica|yo\\s+(?:pasaria|haria|pondria|cambiaria|moveria)|"
    "eu\\s+(?:passaria|faria|mudaria)|i'?d\\s+(?:move|switch|shift|swap)|"
    "pro\\s+tip|a\\s+tip)\\b";

/* A complaint or sad news: a loss, an accident, an injury, a theft, a closure, a fright. */
static const char down_pattern[] =
    "\\b(?:accident|crashed|car\\s+crash|hit\\s+by|knocked\\s+(?:off|down|over)|doored|"
    "injur(?:y|ies|ed)|hospital|surgery|fractur\\w*|broke\\s+my|torn\\s+(?:acl|ligament|muscle|"
    "hamstring)|sprain\\w*|stolen|robbed|burgl\\w*|laid\\s+off|redundan\\w*|"
    "closing\\s+(?:down|for\\s+good|our\\s+doors)|shutting\\s+down|scary|terrifying|close\\s+call|"
    "near\\s+miss|(?:nearly|almost)\\s+(?:died|killed|hit)|condolences|heartbroken|devastated|"
    "accidente|atropell\\w*|lesion|lesionad[oa]|me\\s+lesione|urgencias|quirofano|me\\s+operaron|"
    "fractura|robaron|asalt\\w*|cerramos|despidieron|susto|casi\\s+me\\s+(?:mata|atropell\\w*)|"
    "por\\s+poco|qepd|descanse\\s+en\\s+paz|falleci\\w*|acidente|atropelad[oa]|lesao|cirurgia|"
    "fui\\s+operad[oa]|fratura|roubaram|assaltad[oa]|fechamos|fechar\\s+(?:as\\s+)?portas|"
    "fui\\s+(?:despedid|demitid)[oa]|safei-me|por\\s+um\\s+(?:triz|palmo|fio)|"
    "quase\\s+(?:fui|morri|cai|bati)|"
    "ugh+|argh+|sigh|fml|smh|hate|hated|hates|annoying|annoyed|worst|sucks|sucked|terrible|"
    "awful|horrible|nightmare|frustrat\\w*|furious|angry|rant|cancel+ed|delayed|broken|broke\\s+down|"
    "exhausted|disappointed|disappointing|sadly|unfortunately|rip|died|dies|passed\\s+away|funeral|"
    "grief|grieving|cancer|sick|from\\s+hell|no\\s+one|nobody|lost\\s+(?:my|our)|"
    "miss\\s+(?:you|him|her|them)|otra\\s+vez|de\\s+nuevo|de\\s+novo|odio|harto|harta|que\\s+asco|"
    "lamentablemente|infelizmente|murio|morreu|faleceu|triste|pesimo|pessimo|horrivel|que\\s+raiva|"
    "rejected|turned\\s+down|no\\s+luck|never\\s+(?:launched|shipped|finished|published|released|"
    "made\\s+it|happened)|(?:didn'?t|did\\s+not|couldn'?t|could\\s+not)\\s+(?:win|get|make|finish|"
    "launch|ship|pass)|(?:could|would|should)(?:'ve|\\s+have))\\b"
    "|\\x{1F622}|\\x{1F62D}|\\x{1F494}|\\x{1F61E}|\\x{1F629}|\\x{1F644}|\\x{1F621}|\\x{1F624}|\\x{1F614}";

/*
 * Hard news: a death, grief, a grave illness, someone in hospital, an
 * accident, a theft, a closure, a lost job. A template reads breezy next
 * to it, whatever it rests on. Injuries and surgery are not here: they are
 * what a physiotherapist's or a coach's followers talk about every day.
 */
static const char hard_news_pattern[] =
    "\\b(?:passed\\s+away|funeral|memorial|rip|grief|grieving|mourning|condolences|"
    /* "cancer pain", "terminal patients": what a palliative nurse's followers talk shop
       about; "Cáncer: día ideal ...", a horoscope's sign */
    "cancer(?!\\s*:|\\s+(?:pain|patients?|care|research|screening|awareness|cent(?:re|er)s?|prevention|"
    "ward|nurs\\w+|services?|drugs?|treatments?|survivors?|registry))|"
    "chemo\\w*|terminal(?!\\s+(?:pts|patients?|care|cases?|illness\\s+care))|hospitali[sz]ed|in\\s+hospital|intensive\\s+care|icu|miscarriage|accident|"
    "hit\\s+by\\s+a|knocked\\s+(?:off|down)|stolen|robbed|burgl\\w*|break-?in|broken\\s+into|nicked|"
    "laid\\s+off|"
    "made\\s+redundant|closing\\s+(?:down|for\\s+good|our\\s+doors)|"
    "lost\\s+(?:my|our)\\s+(?:job|dad|mum|mom|father|mother|husband|wife|son|daughter|brother|"
    "sister|friend|dog|cat|home|house|baby)|"
    "fallecio|falleci\\w*|velorio|qepd|descanse\\s+en\\s+paz|duelo|quimio\\w*|internad[oa]|"
    "terapia\\s+intensiva|cuidados\\s+intensivos|(?:le|me)\\s+(?:den|dieron|dan)\\s+el\\s+alta|"
    "accidente|atropell\\w*|(?:nos|me|le)\\s+robaron|despidieron|"
    "cerramos\\s+(?:definitivamente|para\\s+siempre|el\\s+local)|cierre\\s+definitivo|"
    "faleceu|falecimento|luto|descanse\\s+em\\s+paz|cancro|acidente|atropelad[oa]|"
    "roubaram|assaltad[oa]|fui\\s+(?:despedid|demitid)[oa]|"
    "(?:fechamos|vamos\\s+fechar)\\s+(?:definitivamente|de\\s+vez|as\\s+portas))\\b"
    /* a death is a person's: "my dad died", not "the old kiln died", "my taioba died again" */
    "|\\b(?:my|our|mi|mis|nuestr[oa]|meu|minha|nosso|nossa|o|a|el|la)\\s+(?:\\w+\\s+)?(?:dad|father|mum|"
    "mom|mother|gran\\w*|husband|wife|partner|son|daughter|brother|sister|friend|uncle|aunt|papa|mama|"
    "padre|madre|abuel[oa]|herman[oa]|hij[oa]|amig[oa]|ti[oa]|pai|mae|avo|irmao|irma|filh[oa]|esposo|"
    "esposa|marido|mujer|companer[oa]|companheir[oa])\\s+(?:\\w+\\s+)?(?:died|has\\s+died|passed|"
    "murio|se\\s+murio|fallecio|morreu|faleceu)\\b"
    "|\\b(?:se\\s+nos\\s+fue|nos\\s+dejo|we\\s+lost|perdimos\\s+a|perdemos\\s+[oa])\\s+(?:a\\s+)?(?:my|our|mi|nuestr[oa]|"
    "meu|minha|nosso|nossa)?\\s*\\w+\\b"
    "|\\x{1F494}";

/* Weather, greetings and coffee. */
static const char smalltalk_pattern[] =
    "\\b(?:weather|rain|raining|rainy|drizzle|drizzly|snow|snowing|snowed|frost|frosty|sunny|"
    "sunshine|cloudy|fog|foggy|storm|stormy|windy|heatwave|freezing|forecast|lluvia|llueve|"
    "lloviendo|nieve|nevando|chuva|chovendo|neve)\\b"
    "|^(?:good\\s+(?:morning|night|evening|afternoon)|gm|gn|morning\\s+all|"
    "hello\\s+(?:everyone|all|friends)|happy\\s+(?:monday|tuesday|wednesday|thursday|friday|"
    "saturday|sunday|weekend|new\\s+week)|tgif|buenos\\s+dias|buenas\\s+(?:noches|tardes)|"
    "bom\\s+dia|boa\\s+(?:noite|tarde)|feliz\\s+(?:lunes|martes|miercoles|jueves|viernes|sabado|"
    "domingo|finde)|sextou)\\b"
    "|^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\s+(?:coffee|vibes|mood)\\b";

/* Advice, a lesson or an opinion, in its first sentence: a cue, or an imperative to start. */
static const char tip_pattern[] =
    "\\b(?:tips?|pro\\s+tip|lessons?|advice|reminder|psa|rule\\s+of\\s+thumb|hot\\s+take|opinion|"
    "til|note\\s+to\\s+self|here'?s\\s+how|how\\s+to|the\\s+trick|the\\s+key|the\\s+secret|"
    "should|shouldn'?t|avoid|make\\s+sure|beats?|better\\s+than|worse\\s+than|more\\s+than|"
    "less\\s+than|underrated|overrated|matters?|consejo|truco|hay\\s+que|deberias|dica|"
    "vale\\s+a\\s+pena)\\b"
    "|^(?:don'?t|do\\s+not|never|always|most|every|pick|pay|write|add|send|try|use|ask|start|stop|"
    "keep|make|read|test|check|focus|set|put|give|offer|charge|raise|cut|hire|plan|post|reply|"
    "answer|share|build|talk|listen|call|learn|treat|price|batch|save)\\b";

/* A general claim: "is", "are" (es "es", "son") ... */
static const char claim_pattern[] = "\\b(?:is|are|isn'?t|aren'?t|es|son)\\b";
/* ... not about oneself. */
static const char first_person_pattern[] =
    "\\b(?:i|i'm|i've|i'd|my|me|mine|we|we're|we've|our|us|yo|mi|nos|eu|meu|minha|nosso|nossa)\\b";

/*
 * The cue of an achievement. English verbs (1), "excited to announce"
 * (2), "promoted to" (3), "accepted at" (4); Spanish and Portuguese (5).
 */
static const char news_pattern[] =
    "\\b(launched|published|shipped|released|opened|finished|won(?!\\s*['\xe2\x80\x99]\\s*t\\b)|"
    "signed|completed|hit|passed|reached|crossed|raised|graduated|defended|announced)\\b"
    "|\\b(?:excited|thrilled|proud|happy|delighted)\\s+to\\s+(announce|share)\\b(?:\\s+that\\b)?"
    "|\\b(?:got\\s+)?(promoted)\\s+to\\b"
    "|\\b(?:got\\s+)?(accepted\\s+(?:at|to|into))\\b"
    "|(\\b(?:acabo|acabamos|acabei|acabou)\\s+de\\s+(?:lanzar|publicar|abrir|lancar|terminar|ganar|"
    "ganhar|inaugurar|estrenar|estrear)\\b|\\b(?:ganamos|gane|ganhamos|ganhei|publique|publiquei|"
    "publicamos|lance|lancei|lancamos|lanzamos|inauguramos|terminei|estrenamos|estreamos|"
    "passei|aprobe|aprovei|me\\s+recibi|formei-me|me\\s+formei)\\b)";

/* "Our series was shortlisted for ...": the thing (1) and what happened to it (2). */
static const char passive_news_pattern[] =
    "\\b(?:my|our)\\s+((?:[^\\s.!?,;:]+\\s+){0,5}?[^\\s.!?,;:]+)\\s+"
    "(?:is|are|was|were|has\\s+been|have\\s+been|got|just\\s+got)\\s+"
    "(?:now\\s+|officially\\s+|finally\\s+|just\\s+)?"
    "(out|live|published|released|launched|shortlisted|nominated|named|featured|accepted|funded|"
    "approved|sold\\s+out)\\b";

/* What may come before an achievement in its clause: "We've just", "After two years, I". */
static const char *const news_lead_words[] = {
	"a", "after", "al", "also", "am", "and", "announce", "ao", "are", "at", "beyond", "big",
	"days", "delighted", "e", "enfim", "eu", "excited", "few", "fin", "finalmente", "finally",
	"guess", "happy", "have", "hoje", "hoy", "i", "incredibly", "ja", "just", "last", "long", "m",
	"many", "month", "months", "morning", "news", "nos", "nosotras", "nosotros", "now", "of",
	"officially", "ok", "okay", "personal", "por", "proud", "re", "really", "recently", "say",
	"share", "so", "some", "super", "tambem", "tambien", "that", "this", "three", "thrilled", "to",
	"today", "tonight", "two", "update", "ve", "very", "we", "week", "weekend", "weeks", "well",
	"what", "woohoo", "work", "wow", "y", "ya", "yay", "year", "years", "yesterday", "yo", NULL
};

/* The object of an achievement does not start with these. */
static const char *const not_an_object[] = {
	"about", "after", "again", "all", "already", "also", "although", "and", "anything", "as",
	"at", "away", "back", "because", "before", "but", "by", "down", "early", "earlier",
	"everything", "finally", "for", "from", "her", "here", "him", "how", "i", "i'm", "i've",
	"in", "into", "it", "it's", "its", "just", "late", "me", "never", "no", "not", "nothing",
	"now", "of", "off", "on", "one", "or", "out", "over", "really", "recently", "so", "some",
	"something", "soon", "that", "them", "then", "there", "these", "they", "this", "those",
	"though", "to", "today", "together", "tonight", "too", "up", "us", "very", "we", "we're",
	"we've", "what", "when", "where", "which", "who", "why", "with", "yesterday", "yet", "you",
	NULL
};

/* Words that say when, not what. */
static const char *const time_words[] = {
	"afternoon", "ago", "am", "day", "days", "evening", "hour", "hours", "hrs", "last", "mins",
	"minute", "minutes", "month", "months", "morning", "night", "pm", "this", "today", "tonight",
	"week", "weekend", "weeks", "year", "years", "yesterday", "yrs", NULL
};

struct post_reader {
	pcre2_code *scam, *promo, *automated, *others, *down, *hard_news, *smalltalk, *tip, *claim;
	pcre2_code *first_person;
	pcre2_code *news, *passive_news, *offer, *asked, *offer_to_you, *thanks, *banter, *advice;
	pcre2_code *plug, *follow_thanks;
	pcre2_match_data *md;
	struct textnorm norm;
	struct buf object, rest;
};

struct post_reader *
post_reader_new(void)
{
	struct post_reader *r = xcalloc(1, sizeof *r);

	r->scam = builtin_pattern(scam_pattern);
	r->promo = builtin_pattern(promo_pattern);
	r->automated = builtin_pattern(automated_pattern);
	r->others = builtin_pattern(others_pattern);
	r->down = builtin_pattern(down_pattern);
	r->hard_news = builtin_pattern(hard_news_pattern);
	r->smalltalk = builtin_pattern(smalltalk_pattern);
	r->tip = builtin_pattern(tip_pattern);
	r->claim = builtin_pattern(claim_pattern);
	r->first_person = builtin_pattern(first_person_pattern);
	r->news = builtin_pattern(news_pattern);
	r->passive_news = builtin_pattern(passive_news_pattern);
	r->offer = builtin_pattern(offer_pattern);
	r->asked = builtin_pattern(asked_pattern);
	r->offer_to_you = builtin_pattern(offer_to_you_pattern);
	r->thanks = builtin_pattern(thanks_pattern);
	r->banter = builtin_pattern(banter_pattern);
	r->advice = builtin_pattern(advice_pattern);
	r->plug = builtin_pattern(plug_pattern);
	r->follow_thanks = builtin_pattern(follow_thanks_pattern);
	r->md = pcre2_match_data_create(16, NULL);
	textnorm_init(&r->norm);
	return r;
}

void
post_reader_free(struct post_reader *r)
{
	if (r == NULL)
		return;
	pcre2_code_free(r->scam);
	pcre2_code_free(r->promo);
	pcre2_code_free(r->automated);
	pcre2_code_free(r->others);
	pcre2_code_free(r->down);
	pcre2_code_free(r->hard_news);
	pcre2_code_free(r->smalltalk);
	pcre2_code_free(r->tip);
	pcre2_code_free(r->claim);
	pcre2_code_free(r->first_person);
	pcre2_code_free(r->news);
	pcre2_code_free(r->passive_news);
	pcre2_code_free(r->offer);
	pcre2_code_free(r->asked);
	pcre2_code_free(r->offer_to_you);
	pcre2_code_free(r->thanks);
	pcre2_code_free(r->banter);
	pcre2_code_free(r->advice);
	pcre2_code_free(r->plug);
	pcre2_code_free(r->follow_thanks);
	pcre2_match_data_free(r->md);
	textnorm_free(&r->norm);
	buf_free(&r->object);
	buf_free(&r->rest);
	free(r);
}

/* Whether re matches the normalised text between from and to. */
static int
match(struct post_reader *r, pcre2_code *re, size_t from, size_t to)
{
	return from <= to && pcre2_match(re, (PCRE2_SPTR)r->norm.out.p, to, from, PCRE2_NO_UTF_CHECK,
	    r->md, NULL) > 0;
}

static PCRE2_SIZE *
ovector(struct post_reader *r)
{
	return pcre2_get_ovector_pointer(r->md);
}

/* The offset in the original text of byte b of the normalised text. */
static size_t
original_at(const struct post_reader *r, size_t b)
{
	size_t c0, c1;

	textnorm_span(&r->norm, b, b, &c0, &c1);
	return textnorm_cp_offset(&r->norm, c0);
}

/* The offset in the original text just past normalised bytes [b0, b1). */
static size_t
original_end(const struct post_reader *r, size_t b0, size_t b1)
{
	size_t c0, c1;

	textnorm_span(&r->norm, b0, b1, &c0, &c1);
	return textnorm_cp_offset(&r->norm, c1);
}

/* Where the clause holding byte at of the normalised text starts. */
static size_t
clause_start(const struct post_reader *r, size_t at)
{
	while (at > 0 && !quote_sentence_ends(r->norm.out.p, at - 1, r->norm.out.len, 1))
		at--;
	return at;
}

/* Where the sentence holding byte at of the normalised text starts. */
static size_t
sentence_start(const struct post_reader *r, size_t at)
{
	while (at > 0 && !quote_sentence_ends(r->norm.out.p, at - 1, r->norm.out.len, 0))
		at--;
	while (at < r->norm.out.len && r->norm.out.p[at] == ' ')
		at++;
	return at;
}

/* Where the sentence holding byte at of the normalised text ends (at its mark). */
static size_t
sentence_end(const struct post_reader *r, size_t at)
{
	while (at < r->norm.out.len && !quote_sentence_ends(r->norm.out.p, at, r->norm.out.len, 0))
		at++;
	return at;
}

/* Whether every word of s[from, to) is one of list (digits and punctuation aside). */
static int
only_words_of(const char *const *list, const char *s, size_t from, size_t to)
{
	size_t i = from;

	while (i < to) {
		size_t n = 0;

		while (i + n < to && (isalpha((unsigned char)s[i + n]) || (unsigned char)s[i + n] >= 0x80))
			n++;
		if (n > 0 && !in_word_list(list, s + i, n))
			return 0;
		i += n ? n : 1;
	}
	return 1;
}

/* Their words, said back to them: "my first 50k" is "your first 50k". */
static void
second_person(struct buf *out, const char *s)
{
	static const struct { const char *from, *to; } swap[] = {
		{"my", "your"}, {"our", "your"}, {"mine", "yours"}, {"ours", "yours"},
		{"me", "you"}, {"us", "you"}, {"i", "you"}, {"we", "you"}, {"i'm", "you're"},
		{"we're", "you're"}, {"i've", "you've"}, {"we've", "you've"}, {"myself", "yourself"},
	};
	const char *p = s;

	while (*p) {
		size_t n = 0, k;

		while (p[n] && (isalpha((unsigned char)p[n]) || p[n] == '\''))
			n++;
		if (n == 0) {
			buf_addc(out, *p++);
			continue;
		}
		for (k = 0; k < sizeof swap / sizeof swap[0]; k++)
			if (strlen(swap[k].from) == n && strncasecmp(p, swap[k].from, n) == 0)
				break;
		if (k < sizeof swap / sizeof swap[0])
			buf_adds(out, swap[k].to);
		else
			buf_add(out, p, n);
		p += n;
	}
}

/* The words of s, each as a span; returns how many (at most max). */
static int
split_words(const char *s, const char **w, size_t *wl, int max)
{
	int n = 0;

	while (*s && n < max) {
		size_t len = 0;

		while (*s == ' ')
			s++;
		while (s[len] && s[len] != ' ')
			len++;
		if (len == 0)
			break;
		/* without the punctuation around it */
		w[n] = s;
		wl[n] = len;
		while (wl[n] > 0 && ispunct((unsigned char)w[n][wl[n] - 1]) && w[n][wl[n] - 1] != '\'')
			wl[n]--;
		while (wl[n] > 0 && ispunct((unsigned char)*w[n]) && *w[n] != '\'') {
			w[n]++;
			wl[n]--;
		}
		if (wl[n] > 0)
			n++;
		s += len;
	}
	return n;
}

/* "3-1", "2:0": a score, not a thing achieved. */
static int
is_score(const char *w, size_t len)
{
	size_t i = 0;

	while (i < len && isdigit((unsigned char)w[i]))
		i++;
	if (i == 0 || i == len || !strchr("-:", w[i]))
		return 0;
	for (i++; i < len && isdigit((unsigned char)w[i]); i++)
		;
	return i == len;
}

/* Whether a word has three letters or more and says what, not when. */
static int
content_word(const char *w, size_t len)
{
	size_t i, letters = 0;

	for (i = 0; i < len; i++)
		letters += isalpha((unsigned char)w[i]) || (unsigned char)w[i] >= 0x80;
	return letters >= 3 && !in_word_list(time_words, w, len) && !in_word_list(not_an_object, w, len);
}

/*
 * Whether the words hold a count of something, not of time: "1,000
 * subscribers", "10k", but not "after 3 weeks" ("hit the gym after 3 weeks").
 */
static int
counted(const char *const *w, const size_t *wl, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcspn(w[i], "0123456789") < wl[i] &&
		    (i + 1 == n || !in_word_list(time_words, w[i + 1], wl[i + 1])))
			return 1;
	return 0;
}

/*
 * A real object: two words or more, not starting with a pronoun, an adverb,
 * a conjunction, a score or an @mention, with a word that says what. Milestones ("hit",
 * "passed", "raised") need a count: "passed 10,000 books", not "passed away".
 */
static int
real_object(const char *object, int milestone)
{
	const char *w[OBJECT_WORDS + 1];
	size_t wl[OBJECT_WORDS + 1];
	int n = split_words(object, w, wl, OBJECT_WORDS + 1), i, content = 0;

	if (n < 2 || *object == '@' || in_word_list(not_an_object, w[0], wl[0]) || is_score(w[0], wl[0]))
		return 0;
	for (i = 0; i < n; i++)
		content |= content_word(w[i], wl[i]);
	return content && (!milestone || counted(w, wl, n));
}

/*
 * Whether what they "finished", "completed" or "opened" is theirs to be
 * congratulated on: their own, a new one or a first ("my thesis", "our
 * mural", "a 10k", "the first draft", "the new studio"), or a number, and
 * not a book, series or film they read or watched ("finished The Covenant
 * of Water", "finished two books in one weekend", "finished reading ..."):
 * reviewers would not send "Congratulations! Which part are you proudest
 * of?" for a novel someone else wrote, nor for "we opened the windows".
 */
static int
own_finish(const char *object)
{
	static const char *const own[] = {"my", "our", "first", "a", "an", "new", NULL};
	static const char *const possessive[] = {"my", "our", NULL};
	static const char *const consumed[] = {
		"audiobook", "audiobooks", "binge", "binging", "book", "books", "episode", "episodes",
		"film", "films", "listening", "movie", "movies", "novel", "novels", "podcast", "reading",
		"season", "series", "show", "trilogy", "watching", NULL
	};
	const char *w[OBJECT_WORDS + 1];
	size_t wl[OBJECT_WORDS + 1];
	int n = split_words(object, w, wl, OBJECT_WORDS + 1), i, mine = strpbrk(object, "0123456789") != NULL;

	for (i = 0; i < n; i++) {
		/* "my book", "our first novel": theirs */
		if (in_word_list(consumed, w[i], wl[i]) &&
		    !(i > 0 && in_word_list(possessive, w[i - 1], wl[i - 1])) &&
		    !(i > 1 && in_word_list(possessive, w[i - 2], wl[i - 2])))
			return 0;
		mine |= in_word_list(own, w[i], wl[i]);
	}
	return mine;
}

/*
 * Whether the cue at [b0, b1) of the normalised text opens a clause of the
 * person's own that states a fact: nothing but "I", "we", "just", "finally"
 * ... before it, no question mark ending its sentence, no complaint in it
 * and no "but" after it.
 */
static int
own_statement(struct post_reader *r, size_t b0, size_t b1)
{
	size_t start = clause_start(r, b0), end = sentence_end(r, b1);
	const char *n = r->norm.out.p;

	if (!only_words_of(news_lead_words, n, start, b0))
		return 0;
	if (end < r->norm.out.len && n[end] == '?')
		return 0;
	if (memmem(n + start, b0 - start, "\xc2\xbf", 2) != NULL)	/* "¿" */
		return 0;
	if (match(r, r->down, start, end))
		return 0;
	return !(match(r, r->others, start, end)) &&
	    !memmem(n + b1, end - b1, " but ", 5) && !memmem(n + b1, end - b1, " pero ", 6);
}

/* "... with you all": whom they told, which said back to them would mean them. */
static void
drop_audience(struct buf *object)
{
	static const char *const audiences[] = {
		" with you", " with y'all", " with everyone", " with all of you", NULL
	};
	size_t i;
	char *at;

	for (i = 0; audiences[i]; i++)
		if ((at = strcasestr(object->p, audiences[i])) != NULL) {
			object->len = (size_t)(at - object->p);
			object->p[object->len] = '\0';
		}
}

/* The achievement slot from an English verb cue, or 0 when its object is no real one. */
static int
verb_achievement(struct post_reader *r, const char *text, size_t len, PCRE2_SIZE *ov,
    struct buf *achievement)
{
	static const char *const milestones[] = {"hit", "passed", "reached", "crossed", "raised", NULL};
	const char *verb;
	int milestone = 0;

	if (ov[2] != PCRE2_UNSET) {
		size_t o0 = original_at(r, ov[2]), o1 = original_end(r, ov[2], ov[3]);

		buf_reset(&r->rest);
		buf_add(&r->rest, text + o0, o1 - o0);
		for (o0 = 0; o0 < r->rest.len; o0++)
			r->rest.p[o0] = (char)tolower((unsigned char)r->rest.p[o0]);
		milestone = in_word_list(milestones, r->rest.p, r->rest.len);
		verb = r->rest.p;
	} else if (ov[4] != PCRE2_UNSET) {
		verb = r->norm.out.p[ov[4]] == 'a' ? "announced" : "shared";
	} else if (ov[6] != PCRE2_UNSET) {
		verb = "got promoted to";
	} else {
		size_t o0 = original_at(r, ov[8]), o1 = original_end(r, ov[8], ov[9]);

		buf_reset(&r->rest);
		buf_adds(&r->rest, "got ");
		buf_add(&r->rest, text + o0, o1 - o0);
		verb = r->rest.p;
	}
	quote_words(&r->object, text, original_end(r, ov[0], ov[1]), len, OBJECT_WORDS, 1, NULL);
	drop_audience(&r->object);
	if (!real_object(r->object.p, milestone))
		return 0;
	if ((strcmp(verb, "finished") == 0 || strcmp(verb, "completed") == 0 ||
	    strcmp(verb, "opened") == 0) && !own_finish(r->object.p))
		return 0;
	buf_reset(achievement);
	buf_adds(achievement, verb);
	buf_addc(achievement, ' ');
	second_person(achievement, r->object.p);
	return 1;
}

/* "Our series was shortlisted for X" says "got your series shortlisted for X". */
static void
passive_achievement(struct post_reader *r, const char *text, size_t len, PCRE2_SIZE *ov,
    struct buf *achievement)
{
	static const char *const as_launch[] = {"out", "live", "launched", "released", NULL};
	size_t t0 = original_at(r, ov[2]), t1 = original_end(r, ov[2], ov[3]);
	size_t p0 = original_at(r, ov[4]), p1 = original_end(r, ov[4], ov[5]);
	const char *what = text + p0;
	const char *w[OBJECT_WORDS + 1];
	size_t wl[OBJECT_WORDS + 1];
	int i, n, content = 0;

	buf_reset(&r->object);
	buf_add(&r->object, text + t0, t1 - t0);
	quote_words(&r->rest, text, p1, len, OBJECT_WORDS, 1, NULL);
	n = split_words(r->rest.p, w, wl, OBJECT_WORDS + 1);
	for (i = 0; i < n; i++)
		content |= content_word(w[i], wl[i]);
	buf_reset(achievement);
	if (in_word_list(as_launch, what, p1 - p0) || strncasecmp(what, "published", 9) == 0) {
		buf_adds(achievement, strncasecmp(what, "published", 9) == 0 ? "published your " :
		    "launched your ");
		second_person(achievement, r->object.p);
	} else if (strncasecmp(what, "sold", 4) == 0) {
		buf_adds(achievement, "sold out your ");
		second_person(achievement, r->object.p);
	} else {
		buf_adds(achievement, "got your ");
		second_person(achievement, r->object.p);
		buf_addc(achievement, ' ');
		buf_add(achievement, what, p1 - p0);
		/* "shortlisted" alone says too little: "... for the Regional Press Awards" */
		content = content || n > 0;
	}
	if (content) {
		buf_addc(achievement, ' ');
		second_person(achievement, r->rest.p);
	}
}

/* A Spanish or Portuguese cue has a real object when two words or more follow it. */
static int
iberian_object(struct post_reader *r, const char *text, size_t len, PCRE2_SIZE *ov)
{
	quote_words(&r->object, text, original_end(r, ov[0], ov[1]), len, OBJECT_WORDS, 1, NULL);
	return strchr(r->object.p, ' ') != NULL;
}

/*
 * An achievement of their own in the post: where its clause starts (*at) and,
 * read in English, what they did (the achievement). Spanish and Portuguese
 * cues give the clause only, which templates quote.
 */
static int
read_news(struct post_reader *r, const char *text, size_t len, size_t *at,
    struct buf *achievement)
{
	size_t from;
	PCRE2_SIZE *ov;
	int offers = match(r, r->offer, 0, r->norm.out.len);

	buf_reset(achievement);
	/* "Our podcast is live" says more than the "excited to announce" before it. */
	for (from = 0; match(r, r->passive_news, from, r->norm.out.len); from = ov[1]) {
		ov = ovector(r);
		if (own_statement(r, ov[0], ov[1])) {
			passive_achievement(r, text, len, ov, achievement);
			*at = original_at(r, clause_start(r, ov[0]));
			return 1;
		}
	}
	for (from = 0; match(r, r->news, from, r->norm.out.len); from = ov[1]) {
		ov = ovector(r);
		/* "Happy to share X if useful" offers X: nothing is done yet. */
		if (offers && ov[4] != PCRE2_UNSET && r->norm.out.p[ov[4]] == 's')
			continue;
		if (own_statement(r, ov[0], ov[1]) && (ov[10] != PCRE2_UNSET ?
		    iberian_object(r, text, len, ov) : verb_achievement(r, text, len, ov, achievement))) {
			*at = original_at(r, clause_start(r, ov[0]));
			return 1;
		}
	}
	return 0;
}

/*
 * A question they ask, among the first few sentences: where it starts,
 * when it has three to twenty words.
 */
static int
find_question(const char *text, size_t len, int max_sentences, int max_words, size_t *at)
{
	size_t i, start = 0;
	int sentences = 0;

	for (i = 0; i < len && sentences < max_sentences; i++) {
		if (!quote_sentence_ends(text, i, len, 0))
			continue;
		if (text[i] == '?') {
			const char *w[ADDRESS_QUESTION_WORDS + 1], *mark;
			size_t wl[ADDRESS_QUESTION_WORDS + 1];
			struct buf q = {0};
			int n;

			start += quote_start(text + start, i - start);
			start = quote_after_emoji(text, start, i);
			/* "pero ¿apoyando o sin apoyar?": Spanish marks where the question starts. */
			if ((mark = memmem(text + start, i - start, "\xc2\xbf", 2)) != NULL)
				start = (size_t)(mark - text);
			buf_add(&q, text + start, i - start);
			n = split_words(q.p, w, wl, max_words + 1);
			buf_free(&q);
			if (n >= 3 && n <= max_words) {
				*at = start;
				return 1;
			}
		}
		start = i + 1;
		sentences++;
	}
	return 0;
}

/*
 * Hard news in the normalised text: a headline or a paper's title with its
 * link ("READ: what the law means for cancer patients https://..."), in
 * no one's own voice, is a feed's, not news of the person's own.
 */
static int
own_hard_news(struct post_reader *r)
{
	return match(r, r->hard_news, 0, r->norm.out.len) &&
	    !(strstr(r->norm.out.p, "http") && !match(r, r->first_person, 0, r->norm.out.len));
}

/* Advice or an opinion: a cue, or a general claim that is not about themselves. */
static int
is_tip(struct post_reader *r)
{
	size_t end = sentence_end(r, 0);

	return match(r, r->tip, 0, end) ||
	    (match(r, r->claim, 0, end) && !match(r, r->first_person, 0, end));
}

void
post_read(struct post_reader *r, const char *text, size_t len, struct post_reading *out)
{
	size_t at = quote_start(text, len), news_at = 0, question_at = 0;
	const char *words = text + at;
	size_t wlen = len - at;

	out->quote_at = at;
	buf_reset(&out->achievement);
	textnorm_run(&r->norm, words, wlen);
	out->hard_news = own_hard_news(r);
	if (match(r, r->scam, 0, r->norm.out.len) || match(r, r->promo, 0, r->norm.out.len))
		out->kind = POST_PROMO;
	else if (wlen > 0 && (strchr("\"'", *words) || strncmp(words, "\xe2\x80\x9c", 3) == 0 ||
	    strncmp(words, "\xe2\x80\x98", 3) == 0 || strncmp(words, "\xc2\xab", 2) == 0 ||
	    match(r, r->others, 0, r->norm.out.len)))
		out->kind = POST_OTHERS;
	else if (match(r, r->asked, 0, r->norm.out.len))
		out->kind = POST_TIP;
	else if (read_news(r, words, wlen, &news_at, &out->achievement)) {
		out->kind = POST_NEWS;
		out->quote_at += news_at;
	} else if (find_question(words, wlen, 3, QUESTION_WORDS, &question_at)) {
		out->kind = POST_QUESTION;
		out->quote_at += question_at;
	} else if (match(r, r->down, 0, r->norm.out.len))
		out->kind = POST_DOWN;
	else if (match(r, r->smalltalk, 0, r->norm.out.len))
		out->kind = POST_SMALLTALK;
	else if (is_tip(r))
		out->kind = POST_TIP;
	else
		out->kind = POST_STORY;
}

/* A lead-in of this many words or fewer before ": " is not quoted ("Quick q: ...", "Disagree slightly: ..."). */
#define LEAD_WORDS 8
/* A word or two before a comma at the start is a name or a greeting: "Ana, ...", "Minha filha, ...". */
#define VOCATIVE_WORDS 2

/* An apology before a comma is not the question: "Sorry if this is a silly question, what ...?" */
static const char *const apologies[] = {
	"sorry", "perdon", "perdón", "perdona", "disculpa", "disculpe", "desculpa", "desculpe", NULL
};

/*
 * Where the words of a sentence start, past a short lead-in that ends in
 * ": " ("Question for the piece: do you deliver ...?") and, with vocative,
 * a name before a comma ("Ana, dor no joelho ...?"): quoted back, they
 * read clumsily.
 */
static size_t
past_lead_in(const char *text, size_t len, size_t at, int vocative)
{
	size_t i, first = at;
	int words = 0, in_word = 0, apology;

	while (first < len && text[first] != ' ' && text[first] != ',')
		first++;
	apology = in_word_list(apologies, text + at, first - at);

	for (i = at; i + 1 < len && !quote_sentence_ends(text, i, len, 0); i++) {
		if (text[i] == ':' && text[i + 1] == ' ')
			return words <= LEAD_WORDS ? i + 2 : at;
		/* "Ana, dor na lateral ...?", "bro the horchata ...": a name or a call first */
		if (vocative && text[i] == ',' && text[i + 1] == ' ' &&
		    (words <= VOCATIVE_WORDS || (apology && words <= LEAD_WORDS)))
			return i + 2;
		if (text[i] == ' ')
			in_word = 0;
		else if (!in_word && (in_word = 1))
			words++;
	}
	return at;
}

/* Where the sentence before the one at starts in text, or at. */
static size_t
sentence_before(const char *text, size_t from, size_t at)
{
	size_t i = at;

	while (i > from && (text[i - 1] == ' ' || text[i - 1] == '\n'))
		i--;
	if (i == from || !quote_sentence_ends(text, i - 1, at, 0))
		return at;
	/* "... behind it!! Is that Peacham?": the marks of one sentence end it once. */
	while (i > from && quote_sentence_ends(text, i - 1, at, 0))
		i--;
	for (; i > from && !quote_sentence_ends(text, i - 1, at, 0); i--)
		;
	while (i < at && text[i] == ' ')
		i++;
	return i;
}

/*
 * Where the quote of what matched at normalised byte pos starts in text
 * (whose words start at at): its sentence, past the last emoji before it
 * ("Hola vecinos 👋 Les podemos donar ..."), which ends what came before.
 */
static size_t
quoted_from(struct post_reader *r, const char *text, size_t at, size_t pos)
{
	return quote_after_emoji(text, at + original_at(r, sentence_start(r, pos)),
	    at + original_at(r, pos));
}

/* Fewer words than this, told to the client, say too little to answer ("lol same", "this!"). */
#define REMARK_WORDS 6
/* A reply that opens with banter is banter, up to this many words. */
#define BANTER_WORDS 12

void
post_read_address(struct post_reader *r, const char *text, size_t len, struct address_reading *out)
{
	size_t at = quote_start(text, len), question_at = 0, question_end = 0, offer_at, offer_from;
	const char *words = text + at;
	size_t wlen = len - at;
	int has_offer, has_question, link, follow_thanks;
	const char *w[BANTER_WORDS];
	size_t wl[BANTER_WORDS];
	struct buf copy = {0};
	int nwords;

	out->kind = ADDRESS_NONE;
	out->quote_at = out->context_at = at;
	textnorm_run(&r->norm, words, wlen);
	out->hard_news = own_hard_news(r);
	has_offer = match(r, r->offer_to_you, 0, r->norm.out.len);
	offer_at = has_offer ? original_at(r, ovector(r)[0]) : 0;
	offer_from = has_offer ? quoted_from(r, text, at, ovector(r)[0]) : 0;
	/*
	 * "DM me for a free audit", "from $450, quote here: link" and "Thanks
	 * for the follow! Grab our free pack: link" sell; "Are you taking
	 * pre-orders?" asks, and "Happy to host a session. DM us" offers.
	 */
	link = strstr(r->norm.out.p, "http") != NULL;
	follow_thanks = match(r, r->follow_thanks, 0, r->norm.out.len);
	if (match(r, r->scam, 0, r->norm.out.len) || (match(r, r->promo, 0, r->norm.out.len) &&
	    (link || (!memchr(words, '?', wlen) && !has_offer))) ||
	    (link && (follow_thanks || match(r, r->plug, 0, r->norm.out.len)))) {
		out->kind = ADDRESS_PITCH;
		return;
	}
	has_question = find_question(words, wlen, 6, ADDRESS_QUESTION_WORDS, &question_at);
	if (has_question) {
		const char *mark = memchr(words + question_at, '?', wlen - question_at);

		question_end = mark ? (size_t)(mark - words) : wlen;
	}
	/*
	 * An offer asked as a question ("would you speak at our club?"), or
	 * followed by one ("We'd love to meet at the shop. Could we talk?"), is
	 * an offer; a question before an offer ("Are you taking apprentices?
	 * ... Happy to send a portfolio") is the question.
	 */
	if (has_offer && (!has_question || offer_at <= question_end)) {
		out->kind = ADDRESS_OFFER;
		out->quote_at = offer_from;
	} else if (has_question) {
		out->kind = ADDRESS_QUESTION;
		out->quote_at = at + question_at;
	} else if (follow_thanks) {
		return;
	} else if (match(r, r->thanks, 0, r->norm.out.len)) {
		out->kind = ADDRESS_THANKS;
		out->quote_at = quoted_from(r, text, at, ovector(r)[0]);
	} else {
		/*
		 * Whatever else they told the client is theirs to answer too:
		 * advice, news, warm words, a setback; a few words of banter
		 * ("haha yes, same") need none.
		 */
		buf_add(&copy, words, wlen);
		/*
		 * Two characters of a script without spaces count as a word:
		 * "電子レンジは大丈夫でしょうか？" is one run of letters, but says
		 * as much as "is it safe in the microwave?".
		 */
		nwords = (copy.p ? split_words(copy.p, w, wl, BANTER_WORDS) : 0) +
		    (int)(utf8_unspaced(words, wlen) / 2);
		buf_free(&copy);
		if (nwords < REMARK_WORDS || (nwords < BANTER_WORDS && match(r, r->banter, 0,
		    r->norm.out.len)))
			return;
		out->kind = ADDRESS_REMARK;
		/* The sentence with the advice is quoted, not the "Agree!" before it. */
		if (match(r, r->tip, 0, r->norm.out.len) || match(r, r->advice, 0, r->norm.out.len))
			out->quote_at = quoted_from(r, text, at, ovector(r)[0]);
	}
	if (out->kind != ADDRESS_NONE) {
		out->context_at = sentence_before(text, at, out->quote_at);
		out->quote_at = past_lead_in(text, len, out->quote_at, out->kind == ADDRESS_QUESTION);
	}
}

int
post_reader_unwritable(struct post_reader *r, const char *name, const char *bio,
    const char *username)
{
	textnorm_run(&r->norm, username, strlen(username));
	if ((r->norm.out.len > 3 && strcmp(r->norm.out.p + r->norm.out.len - 3, "bot") == 0) ||
	    strstr(r->norm.out.p, "_bot") || strstr(r->norm.out.p, "bot_"))
		return 1;
	textnorm_run(&r->norm, name, strlen(name));
	if (match(r, r->scam, 0, r->norm.out.len))
		return 1;
	textnorm_run(&r->norm, bio, strlen(bio));
	return match(r, r->scam, 0, r->norm.out.len) || match(r, r->automated, 0, r->norm.out.len);
}

#define _GNU_SOURCE	/* memmem */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "relevance.h"
#include "util.h"

/* Whether the ", "-separated list holds key as one of its items. */
static int
has_word_key(const char *list, const char *key)
{
	size_t n = strlen(key);
	const char *p = list;

	while ((p = strstr(p, key)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p++;
	}
	return 0;
}

/*
 * A crude stemmer that needs no language: a word's first STEM characters
 * ("marke" for marketing and marketer, "coffe" and "coffees"). Words
 * that say nothing of a topic on their own are left out. Scripts written
 * without spaces (Chinese, Japanese) have no words to stem: their terms
 * are kept whole and found anywhere in a run of text.
 */
#define STEM 5

/* The bytes of the first max characters of the UTF-8 text p[0..n). */
static size_t
utf8_prefix(const char *p, size_t n, size_t max)
{
	size_t i = 0, chars = 0;

	while (i < n) {
		if (((unsigned char)p[i] & 0xC0) != 0x80 && chars++ == max)
			break;
		i++;
	}
	return i;
}

static int
stop_word(const char *w, size_t n)
{
	static const char *const stop[] = {
		"and", "the", "for", "with", "from", "into", "your", "our", "are", "about",
		"small", "local", "new", "good", "best", "top", "more", "big", "de", "del",
		"la", "las", "los", "el", "y", "e", "o", "para", "por", "con", "com", "do",
		"da", "dos", "das", "em", "no", "na", "en", "et", "le", "les", "du", "des",
		"und", "der", "die", "das", "den", "im", "a", "of", "to", "in", "on", "at", "by",
	};
	size_t i;

	for (i = 0; i < sizeof stop / sizeof stop[0]; i++)
		if (strlen(stop[i]) == n && memcmp(stop[i], w, n) == 0)
			return 1;
	return 0;
}

static void
add_stems(struct relevance *r, const char *in)
{
	const char *p = in;

	while (*p) {
		size_t n = 0, i;
		char *stem;

		while (*p == ' ')
			p++;
		while (p[n] && p[n] != ' ')
			n++;
		if (n == 0)
			break;
		if (!stop_word(p, n)) {
			stem = xstrndup(p, utf8_unspaced(p, 1) ? n : utf8_prefix(p, n, STEM));
			for (i = 0; i < r->nstems && strcmp(r->stems[i], stem) != 0; i++)
				;
			if (i < r->nstems) {
				free(stem);
			} else {
				r->stems = xrealloc(r->stems, (r->nstems + 1) * sizeof *r->stems);
				r->stems[r->nstems++] = stem;
			}
		}
		p += n;
	}
}


/*
 * Common topics of interests, each in the words that people use for it in
 * English, Portuguese, Spanish, German, French, Italian and Japanese (and
 * Korean and Chinese for the newer ones, Turkish and Arabic where their
 * clients' followers write them). An
 * interest that is one of a topic's terms or holds one of its phrases gets
 * all of them; so does one that starts with a term, where no topic is
 * named so ("marathon training" is running: add_topics). Another single
 * word inside an interest does not name the topic ("commerce" in
 * "e-commerce" is no shop, "infrastructure" in "cycling infrastructure" no
 * DevOps). A term is a whole word or phrase (an "s" may follow it); one in
 * a script that puts no spaces between words matches anywhere.
 */
static const char *const topics[] = {
	"marketing|marketer|mercadotecnia|publicidad|publicidade|advertising|werbung|pubblicita|"
	"copywriter|copywriting|content marketing|content strategist|seo|local seo|growth marketing|"
	"email marketing|campaign|マーケティング|広告|集客",
	"social media|redes sociales|redes sociais|soziale medien|reseaux sociaux|social network|"
	"instagram|tiktok|facebook|linkedin|youtube|sns|community manager|engagement|followers|"
	"content creator|influencer",
	"branding|brand|marca|marke|marque|brand identity|identidad visual|identidade visual|"
	"logo|logotipo|packaging|brand designer|ロゴ|ブランド|看板",
	"small business|local business|business owner|small shop|shop owner|shopkeeper|retailer|"
	"retail|merchant|high street|main street|small firm|sme|smb|pyme|pymes|negocio|negocio local|"
	"pequeno negocio|pequena empresa|pequenas empresas|comercio local|comercio de barrio|"
	"empreendedor|empreendedora|emprendedor|emprendedora|entrepreneur|kleinunternehmen|"
	"einzelhandel|laden|geschaft|commerce|commercant|epicerie|boutique|negozio|bottega|"
	"loja|lojinha|tienda|cafe|coffee shop|bakery|restaurant|ristorante|trattoria|taqueria|"
	"shop|shops|store|owner|co-owner|"
	"brewery|florist|salon|market stall|maker market|個人店|お店|商店街|小売店|喫茶店|店主",
	"e-commerce|ecommerce|online shop|online store|loja online|loja virtual|tienda online|"
	"onlineshop|shopify|etsy|marketplace|tiktok shop|vendas online|ventas online",
	"entrepreneur|empreendedorismo|emprendimiento|founder|fundadora|fundador|startup|"
	"female founders|mulheres empreendedoras|empreendedorismo feminino|unternehmerin|起業",
	"coffee|specialty coffee|cafe especial|cafes especiais|kaffee|caffe|koffie|kawa|barista|"
	"espresso|roaster|roastery|coffee roasting|torrefacao|torra|tostador|rosterei|pour over|"
	"filter coffee|cafeteria|cafeterias|coffee producer|produtor de cafe|produtores de cafe|torra de cafe|コーヒー|珈琲|喫茶",
	"bread|baking|baker|bakery|sourdough|levain|pao|pao de fermentacao natural|fermentacao natural|"
	"padaria|padeiro|padeira|masa madre|panaderia|panadero|panadera|hogaza|brot|backer|backerei|"
	"sauerteig|backen|pain|boulangerie|boulanger|levure|pane|panificio|lievito madre|chleb|"
	"zakwas|piekarnia|パン|パン屋|pastry|pastry chef|patisserie|patissier|patissiere|viennoiserie|"
	"croissant|croissants|pasteleria|pastelero|pastelera|confeitaria|confeiteira|confeiteiro|konditorei",
	"local food|farmers market|farmers markets|food market|feira|feira livre|mercado de productores|"
	"wochenmarkt|bauernmarkt|marche|mercato contadino|local producers|produtores locais|farm shop",
	"board game|board games|boardgame|boardgames|tabletop|jogo de tabuleiro|jogos de tabuleiro|"
	"juego de mesa|juegos de mesa|brettspiel|brettspiele|jeu de societe|jeux de societe|"
	"gioco da tavolo|giochi da tavolo|meeple|meeples|ludoteca|ボードゲーム",
	"rpg|tabletop rpg|role playing|roleplaying|rol de mesa|rpg de mesa|juego de rol|"
	"jogo de rpg|pen and paper|rollenspiel|jeu de role|d&d|dungeons|game master|mestre|"
	"director de juego|TRPG",
	"game design|game designer|diseno de juegos|design de jogos|spieldesign|prototype|playtest|"
	"playtesting|ゲームデザイン",
	"cycling|bicycle|bike|bikes|cargo bike|cargo bikes|e-bike|cyclist|fahrrad|fahrrader|rad|"
	"radverkehr|radweg|radfahren|lastenrad|lastenrader|fahrradwerkstatt|bakfiets|bicicleta|"
	"ciclismo|ciclovia|ciclovias|bici|velo|velo cargo|cyclists|bisiklet|bisikletli|"
	"bisikletciler|fiets|fietsen|fietser|fietsers|fietsroute|fietsroutes|自転車|자전거|骑行",
	"maps|map|mapping|mapper|mappers|cartography|cartographer|gis|qgis|postgis|arcgis|"
	"geospatial|geodata|openstreetmap|osm|mapa|mapas|cartografia|cartografo|cartographie|"
	"carto|kartografie|kartographie|kaart|kaarten|mappa|mappe|harita|地図|지도|地图",
	"sustainable|sustainability|sustentavel|sustentabilidade|sostenible|sostenibilidad|"
	"nachhaltig|nachhaltigkeit|durable|eco friendly|slow fashion|recycled|reciclado|reciclada|"
	"recycle|recycelt|econyl|upcycling|moda sustentavel|tecido reciclado|sustainable fashion",
	"fashion|moda|mode|swimwear|beachwear|moda praia|bikini|biquini|maillot|maillots|banador|"
	"roupa|ropa|clothing|apparel|textile|tecido|tejido",
	"physiotherapy|physio|physiotherapist|physical therapy|physical therapist|fisioterapia|"
	"fisioterapeuta|physiotherapie|physiotherapeut|kinesitherapie|kine|rehab|rehabilitation|"
	"reabilitacao|rehabilitacion|dpt|sports medicine|medicina desportiva|medicina deportiva|"
	"sportmedizin|理学療法",
	"running|runner|runners|corrida|corredor|corredora|correr|laufen|laufer|course a pied|"
	"marathon|maratona|maraton|running injuries|lesoes|lesiones|tendinopathy|tendinopatia|"
	"ランニング",
	"strength training|strength|lifting|weightlifting|powerlifting|treino de forca|forca|"
	"entrenamiento de fuerza|fuerza|krafttraining|musculation|musculacao|gym|mobility|"
	"mobilidade|movilidad|筋トレ",
	"journalism|journalist|reporter|local news|news|newsroom|jornalismo|jornalista|periodismo|"
	"periodista|journalismus|journaliste|noticias|nachrichten|notizie|giornalista|ニュース|記者",
	"coding|coding for kids|computing education|programming|programmer|code club|scratch|python|programacao|programacion|"
	"programmieren|informatik|computing|computer science|プログラミング",
	"teaching|teacher|teachers|education|stem|classroom|school|educacao|educacion|ensino|escola|"
	"escuela|unterricht|schule|lehrer|lehrerin|enseignement|professeur|docencia|docente|docentes|"
	"maestra|maestro|maestras|maestros|profesora|profesor|professora|ensenanza|secundaria|"
	"bachillerato|enseignante|insegnante|insegnamento|教育|先生|教師|교사|선생님|老师",
	"chemistry|chemist|science|sciences|science communication|scicomm|quimica|quimico|quimicos|"
	"ciencia|ciencias|divulgacion cientifica|divulgacao cientifica|chemie|chemiker|chimie|chimiste|"
	"chimica|wissenschaft|vulgarisation scientifique|laboratory|laboratorio|化学|科学|과학|화학",
	"motorcycles|motorcycle|motorbike|motorbikes|motos|moto|motocicleta|motocicletas|motorrad|"
	"motorrader|motocyclette|motociclismo|cafe racer|cafe racers|scrambler|bobber|chopper|"
	"biker|bikers|motard|motero|motoqueiro|carburetor|sepeda motor|bengkel|"
	"バイク|オートバイ|単車|カフェレーサー|レストア|キャブ|오토바이|바이크|摩托车|机车|"
	"มอเตอร์ไซค์|คาเฟ่เรเซอร์|xe may",
	"robotics|robot|robots|robotica|robotik|robotique|micro:bit|microbit|arduino|ロボット",
	"open source|opensource|free software|codigo aberto|codigo abierto|github|オープンソース",
	"observability|opentelemetry|monitoring|tracing|metrics|telemetry|prometheus|grafana|"
	"devops|sre|site reliability|on call|on-call|oncall|incident|kubernetes|k8s|helm|"
	"infrastructure|platform engineering",
	"crime fiction|mystery|mysteries|mystery novels|thriller|thrillers|noir|detective|"
	"novela negra|novela policiaca|romance policial|policial|polar|polars|roman noir|krimi|"
	"krimis|giallo|gialli|cosy mystery|ミステリー|推理小説",
	"writing craft|writing|writer|author|escrita|escritor|escritora|escritura|autor|autora|"
	"schreiben|schriftsteller|ecriture|ecrivain|scrittura|scrittore|novel|novela|roman|"
	"manuscript|draft|小説",
	"publishing|publisher|editora|editorial|verlag|maison d'edition|casa editrice|literary agent|"
	"self-publishing|出版",
	"podcast|podcasts|audiobook|audiobooks|audiolibro|audiolibros|audiolivro|audiolivros|"
	"horbuch|horbucher|livre audio|audible",
	"analytics|data analytics|marketing analytics|data analysis|analise de dados|"
	"analisis de datos|datenanalyse|dashboard|dashboards|sql|bigquery|looker|tableau|power bi|"
	"attribution|b2b|demand gen|pipeline|データ分析",
	"local government|city council|council|county commission|prefeitura|camara municipal|"
	"ayuntamiento|gemeinderat|stadtrat|mairie|comune|school board|zoning",
	"community events|community|event|events|festival|evento|eventos|veranstaltung|"
	"fete|meetup",
	"women's health|womens health|menopause|pregnancy|postpartum|saude da mulher|"
	"salud de la mujer|frauengesundheit",
	"sports nutrition|nutrition|nutricao|nutricion|ernahrung|protein|dietitian|nutricionista",
	"photography|photographer|photographers|film photography|analog photography|"
	"analogue photography|camera|cameras|film camera|film cameras|analog|analogue|darkroom|35mm|"
	"medium format|lens|lenses|fotografia|fotografo|fotografa|fotografie|fotograf|fotografin|"
	"photographie|photographe|argentique|appareil photo|kamera|kameras|camara|camaras|"
	"fotocamera|pellicola|pelicula|filme fotografico|写真|カメラ|フィルムカメラ|사진|카메라|필름카메라|"
	"摄影|相机|胶片",
	"repair|repairs|repairing|repairer|restoration|refurbishing|servicing|conserto|consertos|"
	"reparo|reparacion|reparaciones|reparatur|reparaturen|reparation|reparateur|riparazione|"
	"riparazioni|修理|수리|维修",
	"football|soccer|futbol|futebol|fussball|calcio|voetbal|pilka nozna|footballer|"
	"goalkeeper|striker|midfielder|premier league|la liga|bundesliga|serie a|champions league|"
	"super eagles|npfl|サッカー|축구|足球",
	"coaching|coach|coaches|youth sport|youth sports|youth football|grassroots|academy|"
	"entrenador|entrenadora|treinador|treinadora|trainer|trainerin|entraineur|allenatore|"
	"コーチ|코치|教练",
	"video games|videogames|video game|gaming|gamer|gamers|indie games|indie game|indie dev|"
	"gamedev|game dev|game developer|game developers|pixel art|steam|nintendo|playstation|xbox|"
	"videojuegos|videojuego|games indie|jeux video|jeu video|videogiochi|videospiele|"
	"ゲーム|インディーゲーム|ドット絵|게임|인디게임|游戏|独立游戏",
	"korean|korean language|learning korean|hangul|hangeul|topik|coreano|lingua coreana|"
	"koreanisch|coreen|한국어|한글|韓国語|ハングル|韩语",
	"k culture|k pop|kpop|k drama|kdrama|korean culture|hallyu|케이팝|한류|드라마|韓流|韩流",
	"language learning|languages|language|linguistics|grammar|vocabulary|idiomas|idioma|"
	"linguas|lingua|sprachen|sprache|sprachenlernen|langues|langue|lingue|語学|언어|外语",
	"travel|traveller|traveler|travelling|traveling|trip|backpacking|viagem|viagens|viajar|"
	"viaje|viajes|reisen|reise|voyage|voyages|viaggio|viaggi|旅行|여행|旅游",
	"climate|climate science|climate change|global warming|emissions|carbon|co2|arctic|"
	"glacier|glaciers|sea ice|permafrost|clima|mudanca climatica|mudancas climaticas|"
	"cambio climatico|klima|klimawandel|klimaforschung|climat|rechauffement|"
	"cambiamento climatico|気候|気候変動|기후|기후변화|气候|气候变化",
	"music|musician|musicians|band|song|songs|album|guitar|piano|musica|musico|musik|"
	"musiker|musique|musicien|musicista|音楽|음악|音乐",
	"art|artist|artists|illustration|illustrator|drawing|painting|arte|artista|ilustracion|"
	"ilustracao|ilustrador|kunst|kunstler|illustrateur|dessin|peinture|illustrazione|"
	"イラスト|絵|그림|일러스트|插画|绘画",
	"food|cooking|cook|chef|recipe|recipes|cuisine|culinary|comida|cocina|culinaria|receita|"
	"receitas|receta|recetas|kochen|rezept|rezepte|ricetta|ricette|mara kai|料理|요리|美食",
	"veterinary|veterinary medicine|vet|vets|veterinarian|veterinarians|vet nurse|vet clinic|"
	"animal health|veterinario|veterinaria|medico veterinario|medica veterinaria|"
	"clinica veterinaria|tierarzt|tierarztin|tiermedizin|veterinaire|clinique veterinaire|"
	"獣医|動物病院|수의사|동물병원|兽医|宠物医院|طبيب بيطري",
	"animal welfare|animal rescue|rescue dogs|rescue dog|rescue cats|dog rescue|cat rescue|"
	"rescue|shelter|animal shelter|adoption|adopt|foster|fostering|bienestar animal|"
	"rescate|rescatista|adopcion|adopta|refugio|albergue|protectora|bem estar animal|resgate|"
	"adocao|adote|abrigo|tierschutz|tierheim|protection animale|refuge|保護犬|保護猫|"
	"유기견|유기묘|流浪动物",
	"pets|pet|pet nutrition|pet food|pet care|dogs|dog|cats|cat|puppy|puppies|kitten|kittens|"
	"mascota|mascotas|perro|perros|perrito|perritos|gato|gatos|cachorro|cachorros|hund|"
	"hunde|katze|katzen|chien|chiens|chiots|cane|cani|gatti|ペット|犬|猫|반려동물|강아지|"
	"고양이|宠物|狗",
	"3d printing|3d printer|3d printers|3d print|3d printed|3d prints|filament|resin printing|"
	"prusa|bambu|bambu lab|slicer|impresion 3d|impresora 3d|impressao 3d|impressora 3d|"
	"3d druck|3d drucker|impression 3d|imprimante 3d|stampa 3d|stampante 3d|3dプリンタ|"
	"3dプリンター|3dプリント|3d프린터|3d프린팅|3d打印",
	"electronics|electronic|electrical engineering|pcb|pcbs|circuit|circuits|kicad|soldering|"
	"microcontroller|microcontrollers|esp32|arduino|raspberry pi|embedded|firmware|fpga|"
	"electronica|eletronica|elektronik|electronique|elettronica|電子工作|電子回路|回路|基板|"
	"マイコン|はんだ|전자공학|회로|전자|电子|电路",
	"keyboards|keyboard|mechanical keyboard|mechanical keyboards|custom keyboard|keycaps|"
	"keycap|qmk|zmk|split keyboard|teclado mecanico|teclados mecanicos|mechanische tastatur|"
	"clavier mecanique|tastiera meccanica|キーボード|自作キーボード|キーキャップ|키보드|기계식 키보드|"
	"键盘|机械键盘",
	"maker|makers|maker projects|makerspace|hackerspace|diy|tinkering|tinkerer|fablab|"
	"bricolaje|selbermachen|bricolage|fai da te|ものづくり|メイカー|전자공작|创客",
	"books|book|reading|reader|readers|bookworm|book lover|booklover|book blogger|book blog|"
	"book review|book reviews|bookstagram|booktok|literary fiction|literature|fiction|novels|"
	"short story|short stories|poetry|translator|literary translator|libros|libro|lectura|"
	"lector|lectora|literatura|livros|livro|leitura|leitor|leitora|bucher|buch|lesen|"
	"literatur|livres|livre|lecture|litterature|lettres|libri|lettura|letteratura|読書|"
	"文学|小説|책|독서|문학|小说|读书|كتب|قراءة|أدب",
	"libraries|library|librarian|librarians|public library|biblioteca|bibliotecas|"
	"bibliotecario|bibliotecaria|bibliothek|bibliothekar|bibliothekarin|bibliotheque|"
	"bibliotheques|bibliothecaire|図書館|司書|도서관|사서|图书馆|مكتبة",
	"databases|database|postgres|postgresql|mysql|mariadb|sqlite|redis|mongodb|sql|"
	"query planner|banco de dados|bancos de dados|base de datos|bases de datos|datenbank|"
	"datenbanken|base de donnees|bases de donnees|database relazionali|データベース|데이터베이스|"
	"数据库|قواعد البيانات|قاعدة بيانات",
	"backend development|backend|back end|backend developer|backend engineer|api|apis|"
	"microservices|django|flask|fastapi|distributed systems|desarrollo backend|"
	"desenvolvimento backend|バックエンド|백엔드|后端|باك اند|الباك اند|مطور باك اند|برمجة|"
	"بايثون",
	"organic farming|organic|organic farm|organics|farming|farm|farmer|farmers|farms|"
	"regenerative|regenerative agriculture|agriculture|soil|compost|permaculture|agroecology|"
	"market garden|smallholder|smallholding|orchard|livestock|sheep|cows|herd|agricultura|"
	"agricultor|agricultora|organico|organica|agroecologia|fazenda|landwirtschaft|"
	"bauernhof|okologisch|ferme|fermier|agriculture biologique|maraicher|"
	"agricoltura|agricoltore|biologico|農業|有機|農家|농업|유기농|농장|农业|有机|农场",
	"dairy|dairy farm|dairy farmer|dairy farming|milk|raw milk|cheese|cheeses|cheesemaker|"
	"cheesemaking|butter|yoghurt|yogurt|creamery|lacteos|leche|queso|quesos|quesero|"
	"quesera|laticinios|leite|queijo|queijos|queijaria|milch|milchvieh|kase|kaserei|molkerei|"
	"laitier|laitiere|lait|lait cru|fromage|fromages|fromager|fromagere|fromagerie|"
	"formaggio|formaggi|caseificio|乳製品|牛乳|チーズ|酪農|유제품|치즈|우유|乳制品|奶酪|牛奶",
	"urban planning|urbanism|urbanist|city planning|town planning|transport planning|"
	"street design|complete streets|bike lane|bike lanes|cycle lane|cycle lanes|cycleway|"
	"cycle path|protected bike lane|traffic calming|public transport|transit|urbanismo|"
	"planeamiento urbano|planejamento urbano|mobilidade urbana|movilidad urbana|stadtplanung|"
	"verkehrsplanung|verkehrswende|radweg|radwege|urbanisme|piste cyclable|urbanistica|"
	"pista ciclabile|sehir planlama|kentsel|bisiklet yolu|bisiklet yollari|cycling infrastructure|"
	"urban mobility|mobilite urbaine|mobilita urbana|mobility planning|planificacion de movilidad|"
	"public transit|transporte publico|transports en commun|trasporto pubblico|nahverkehr|oepnv|"
	"openbaar vervoer|carril bici|ciclofaixa|ciclorruta|ciclorrutas|amenagements cyclables|"
	"cyclable|cyclables|ciclabile|fietspad|fietspaden|都市計画|도시계획|城市规划|公共交通|대중교통",
	"beekeeping|beekeeper|beekeepers|bees|honeybee|honeybees|beehive|beehives|hive|hives|apiary|"
	"apiarist|pollinator|pollinators|swarm|swarms|varroa|apicultura|apicultor|apicultora|"
	"colmena|colmenas|abejas|miel|apiario|abelhas|colmeia|colmeias|imkerei|imker|imkerin|"
	"bienen|bienenvolk|apiculture|apiculteur|apicultrice|ruche|ruches|rucher|abeilles|"
	"apicoltura|apicoltore|alveare|pszczelarz|pszczoly|cebelar|cebelarstvo|cebele|"
	"養蜂|ミツバチ|양봉|꿀벌|养蜂|蜜蜂",
	"printmaking|printmaker|printmakers|risograph|riso|riso print|screen printing|screenprint|"
	"screen print|silkscreen|letterpress|linocut|lino print|woodcut|etching|intaglio|zine|zines|"
	"fanzine|fanzines|grabado|grabador|grabadora|linograbado|xilografia|serigrafia|serigrafo|"
	"impresion risografica|gravura|gravador|gravadora|druckgrafik|siebdruck|holzschnitt|"
	"linolschnitt|radierung|gravure|graveur|graveuse|serigraphie|linogravure|microedition|"
	"incisione|incisore|serigrafia artigianale|版画|シルクスクリーン|リソグラフ|판화|실크스크린|版画艺术|丝网印刷",
	"knitting|knitter|knitters|knit|crochet|yarn|yarns|hand dyed yarn|hand-dyed yarn|wool|"
	"fibre arts|fiber arts|fibre|fiber|spinning|weaving|ravelry|tricot|tricoter|tricoteuse|"
	"laine|tejido|tejer|tejedora|ganchillo|croche|trico|fios|"
	"stricken|strickerin|wolle|garn|hakeln|maglia|lavorare a maglia|uncinetto|lana merino|"
	"strikking|ull|breien|wol|編み物|毛糸|뜨개질|털실|编织|毛线",
	"climbing|climber|climbers|bouldering|boulder|boulderer|climbing gym|climbing wall|"
	"route setting|routesetting|route setter|crag|sport climbing|trad climbing|belay|"
	"escalada|escalador|escaladora|rocodromo|escalada en roca|klettern|kletterer|"
	"kletterin|kletterhalle|bouldern|boulderhalle|escalade|grimpeur|grimpeuse|salle d'escalade|"
	"arrampicata|arrampicatore|palestra di arrampicata|wspinaczka|wspinacz|sciana wspinaczkowa|"
	"クライミング|ボルダリング|클라이밍|볼더링|攀岩",
	"nursing|nurse|nurses|registered nurse|nclex|nurse educator|midwife|midwives|"
	"healthcare|health care|health workers|health worker|hospital|clinic|patient care|"
	"enfermeria|enfermera|enfermero|enfermeiras|enfermeira|enfermeiro|enfermagem|"
	"pflege|krankenpflege|pflegekraft|krankenschwester|infirmiere|infirmier|soins infirmiers|"
	"infermiere|infermiera|infermieristica|nars|pielegniarka|看護|看護師|간호|간호사|护士|护理|ممرضة|تمريض",
	"dermatology|dermatologist|dermatologists|skin care|skincare|skin|acne|eczema|psoriasis|"
	"sunscreen|spf|rosacea|dermatologia|dermatologista|dermatologo|dermatologa|cuidado de la piel|"
	"cuidados com a pele|pele|piel|dermatologie|dermatologe|dermatologin|hautpflege|"
	"dermatologue|soin de la peau|peau|皮膚科|スキンケア|피부과|피부|皮肤科|护肤",
	"solar energy|solar|solar power|solar panels|solar panel|photovoltaic|off-grid|off grid|"
	"mini-grid|renewable energy|renewables|clean energy|clean tech|cleantech|batteries|"
	"energia solar|paineis solares|paneles solares|energia renovable|energias renovables|"
	"energia renovavel|solarenergie|photovoltaik|erneuerbare energien|energie solaire|"
	"panneaux solaires|energies renouvelables|energia solare|pannelli solari|rinnovabili|"
	"太陽光|太陽光発電|再生可能エネルギー|태양광|재생에너지|太阳能|光伏|可再生能源",
	"jazz|jazz musician|live jazz|jazz club|jazz venue|bebop|big band|improvisation|"
	"saxophone|sax|trumpet|double bass|live music|gig|gigs|concert|concerts|jam session|"
	"musica ao vivo|musica en vivo|en vivo|ao vivo|konzert|konzerte|livemusik|concert live|"
	"musique live|musica dal vivo|concerto|ジャズ|ライブ|재즈|공연|爵士|现场音乐",
	"ramen|noodles|noodle|japanese food|japanese cuisine|izakaya|sushi|udon|soba|tonkotsu|"
	"shoyu|miso|broth|comida japonesa|cozinha japonesa|cuisine japonaise|japanische kuche|"
	"cucina giapponese|ラーメン|らーめん|つけ麺|和食|日本料理|라멘|라면|일식|拉面",
	"chess|chess club|chess coach|chess player|blitz|lichess|chess.com|grandmaster|ajedrez|"
	"ajedrecista|xadrez|xadrezista|schach|schachklub|echecs|joueur d'echecs|scacchi|"
	"szachy|satranc|チェス|체스|国际象棋|شطرنج",
	"gardening|garden|gardens|gardener|gardeners|community garden|allotment|allotments|"
	"vegetable garden|growing food|compost|seeds|seedlings|huerto|huerto urbano|huertos|"
	"jardineria|jardin|horta|hortas|horta comunitaria|jardinagem|jardim|garten|gartnern|"
	"gemeinschaftsgarten|schrebergarten|jardinage|potager|jardin partage|giardinaggio|orto|"
	"orto urbano|家庭菜園|ガーデニング|텃밭|정원|园艺|菜园",
	"yoga|yogi|yoga teacher|yoga studio|pilates|meditation|mindfulness|breathwork|asana|"
	"vinyasa|hatha|ashtanga|yin yoga|meditacion|meditacao|atencion plena|"
	"achtsamkeit|meditazione|ヨガ|瞑想|요가|명상|瑜伽|冥想",
	"swimming|swimmer|swimmers|open water|open water swimming|sea swimming|wild swimming|"
	"cold water|triathlon|natacion|nadador|nadadora|aguas abiertas|natacao|nadar|aguas abertas|"
	"schwimmen|schwimmer|freiwasser|natation|nageur|nageuse|eau libre|nuoto|nuotatore|"
	"acque libere|水泳|オープンウォーター|수영|游泳",
	"surfing|surf|surfer|surfers|surfboard|surfboards|surf school|lifesaving|surf lifesaving|"
	"lifeguard|lifeguards|bodyboard|surfista|escuela de surf|prancha|salva-vidas|socorrista|"
	"wellenreiten|surfen|rettungsschwimmer|surfeur|surfeuse|sauveteur|サーフィン|서핑|冲浪",
	"rowing|rower|rowers|rowing club|sculling|sculls|regatta|coxswain|ergo|remo|remero|"
	"remera|remador|remadora|rudern|ruderer|ruderin|ruderverein|aviron|rameur|rameuse|"
	"canottaggio|canottiere|ボート競技|조정|赛艇",
	"tattoo|tattoos|tattoo artist|tattooist|tattoo studio|fineline|blackwork|"
	"tatuaje|tatuajes|tatuador|tatuadora|tatuagem|tatuagens|tattoo-studio|"
	"tatowierung|tatowierer|tatouage|tatoueur|tatoueuse|tatuaggio|tatuatore|タトゥー|刺青|타투|文身|纹身",
	"film|films|cinema|movies|movie|filmmaker|filmmaking|documentary|documentaries|film club|"
	"cineclub|cine club|screening|screenings|short film|short films|cine|pelicula|peliculas|"
	"documental|cinefilo|filme|filmes|curtas|cineclube|kino|dokumentarfilm|filmemacher|"
	"cineaste|cinephile|court metrage|documentaire|regista|cortometraggio|映画|영화|电影",
	"wine|wines|winemaker|winemaking|winery|vineyard|vineyards|natural wine|sommelier|"
	"vino|vinos|bodega|vinedo|enologia|enologo|vinho|vinhos|vinicola|vinhedo|wein|weingut|"
	"winzer|winzerin|vin|vins|vigneron|vigneronne|domaine|cantina|vigneto|ワイン|와인|葡萄酒",
	"beer|beers|craft beer|brewery|brewer|brewing|homebrew|homebrewing|ipa|stout|lager|"
	"cerveza|cervezas|cerveza artesanal|cerveceria|cervecero|cerveja|cervejas|cerveja artesanal|"
	"cervejaria|cervejeiro|bier|brauerei|brauer|craft bier|biere|bieres|brasserie|brasseur|"
	"birra|birre|birrificio|birra artigianale|クラフトビール|ビール|수제맥주|맥주|精酿|啤酒",
	"dance|dancer|dancers|dancing|ballet|flamenco|salsa|tango|capoeira|samba|frevo|"
	"choreography|choreographer|baile|bailarin|bailarina|danza|danca|dancarino|bailaora|"
	"bailaor|tanz|tanzer|tanzerin|danse|danseur|danseuse|ballerina|ダンス|춤|댄스|舞蹈",
	"choir|choirs|chorus|singing|singer|singers|vocal|a cappella|coro|corista|"
	"cantante|cantor|cantora|chor|chorgesang|sanger|sangerin|chorale|choeur|chant|chanteur|"
	"chanteuse|合唱|합창|合唱团",
	"hiking|hiker|hikers|trekking|mountains|mountaineering|outdoors|outdoor|trail|trails|"
	"senderismo|montanismo|trilha|trilhas|caminhada|wandern|bergsteigen|berge|"
	"randonnee|montagne|escursionismo|montagna|turystyka gorska|登山|ハイキング|"
	"등산|하이킹|徒步",
	"cardiology|cardiologist|cardiologie|cardiologue|cardiologia|cardiologo|kardiologie|kardiologe|"
	"heart health|heart disease|hypertension|hipertension|hipertensao|bluthochdruck|blood pressure|"
	"tension arterielle|pression arterielle|presion arterial|pressao arterial|echocardiography|"
	"echocardiographie|امراض القلب|ضغط الدم|الضغط الدموي|심장|고혈압|心臓|高血圧|心脏|高血压",
	"commuting|commute|commuter|commuters|bike to work|ride to work|bike commuting|"
	"bike commute|pendeln|pendler|velotaf|desplazamiento|ir al trabajo en bici|bisikletle ise|"
	"通勤|출퇴근",
	"ceramics|ceramic|ceramicist|ceramist|pottery|potter|potters|stoneware|porcelain|glaze|"
	"glazes|kiln|wood firing|wood-fired|keramik|keramiker|keramikerin|topferei|topfer|"
	"ceramica|ceramista|olaria|ceramique|ceramiste|poterie|ceramiche|ceramika|seramik|"
	"陶芸|陶器|焼き物|やきもの|窯|釉|도자기|도예|陶瓷",
	"astronomy|astronomer|astronomers|astrophysics|astrophysicist|exoplanet|exoplanets|"
	"telescope|telescopes|cosmology|observatory|astronomie|astrophysik|sternwarte|"
	"astronomia|astronomo|astrofisica|astrophysique|astronome|天文|天体|宇宙物理|천문|천체|天文学",
	"skateboarding|skateboard|skateboards|skate|skater|skaters|skatepark|skateparks|sk8|"
	"patineta|skate park|pista de skate|スケボー|スケートボード|스케이트보드|滑板",
	"palliative care|palliative|hospice|end of life|end-of-life|pain management|"
	"cuidados paliativos|soins palliatifs|palliativmedizin|hospiz|cure palliative|"
	"緩和ケア|ホスピス|호스피스|완화의료|安宁疗护",
	"olive oil|olive|olives|olive grove|olive oils|zeytinyagi|zeytinyagı|zeytin|aceite de oliva|azeite|"
	"huile d'olive|olio d'oliva|olio extravergine|olivenol|ελαιολαδο|ελιες|オリーブオイル|올리브유|橄榄油",
	"sign language|deaf|interpreting|interpreter|interpreters|asl|bsl|lsq|lsf|libras|"
	"langue des signes|interprete|lengua de senas|lingua de sinais|gebardensprache|"
	"sourd|sourds|sourde|sordo|sordos|surdo|surdos|gehorlos|手話|수어|手语",
	"tacos|taco|taqueria|mexican food|comida mexicana|tortilla|tortillas|tamales|tamal|"
	"antojitos|birria|pozole|carnitas|al pastor|salsa verde|タコス|타코|墨西哥菜",
	"batik|batik tulis|batik cap|pembatik|tenun|songket|ikat|kain|tekstil|textiles|textile design|"
	"weaving|weaver|handwoven|wastra|バティック|바틱|蜡染",
};

/*
 * What the character at p (n bytes left) is, and in *size its length:
 * WORD, a letter or digit of a script that puts spaces between words;
 * UNSPACED, one of a script that does not (Thai, kana, CJK, Hangul), where
 * a word of another script ends ("Rustで", "地図 OSM"); or NONE
 * (punctuation, symbols, emoji, "。").
 */
enum { NONE, WORD, UNSPACED };

static int
char_class(const char *p, size_t n, size_t *size)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &cp);

	if (k <= 0) {
		*size = 1;
		return NONE;
	}
	*size = (size_t)k;
	if (cp < 0x80)
		return isalnum((unsigned char)cp) ? WORD : NONE;
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp < 0x2C00) ||
	    (cp >= 0x3000 && cp < 0x3040) || (cp >= 0xFE00 && cp < 0xFE10) ||
	    (cp >= 0xFF00 && cp < 0xFFF0) || cp >= 0x1F000)
		return NONE;
	if ((cp >= 0x0E00 && cp < 0x0F00) || (cp >= 0x1000 && cp < 0x10A0) ||
	    (cp >= 0x1780 && cp < 0x1800) || cp >= 0x3000)
		return UNSPACED;
	return WORD;
}

/* The class of the character that ends before byte i of t (i > 0). */
static int
class_before(const char *t, size_t i)
{
	size_t start = i - 1, size;

	while (start > 0 && i - start < 4 && ((unsigned char)t[start] & 0xC0) == 0x80)
		start--;
	return char_class(t + start, i - start, &size);
}

/* Whether a word goes on across byte i of t: a WORD character on each side. */
static int
joined_at(const char *t, size_t len, size_t i)
{
	size_t size;

	return i > 0 && i < len && class_before(t, i) == WORD && char_class(t + i, len - i, &size) == WORD;
}

size_t
relevance_words(const struct relevance *r, const char *t, size_t len, struct buf *found,
    size_t *nfound)
{
	size_t i = 0, j, occur = 0;

	while (i < len) {
		size_t n = 0, size;
		int class = NONE;

		while (i < len && (class = char_class(t + i, len - i, &size)) == NONE)
			i += size;
		while (i + n < len && char_class(t + i + n, len - i - n, &size) == class)
			n += size;
		for (j = 0; n && j < r->nstems; j++) {
			const char *stem = r->stems[j];
			size_t k = strlen(stem);

			/* A short word must be whole ("ux", "seo"); a long one starts alike. */
			if (utf8_unspaced(stem, 1) ? !(n >= k && memmem(t + i, n, stem, k)) :
			    !(k < STEM ? n == k : n >= k) || memcmp(t + i, stem, k) != 0)
				continue;
			occur++;
			if (found->p && has_word_key(found->p, stem))
				continue;
			if (found->len)
				buf_adds(found, ", ");
			buf_adds(found, stem);
			(*nfound)++;
		}
		i += n;
	}
	return occur;
}


/* Whether needle occurs in hay as a whole word or phrase. */
static int
has_phrase(const char *hay, size_t len, const char *needle)
{
	const char *p = hay, *at;
	size_t n = strlen(needle);

	while (n && (at = memmem(p, (size_t)(hay + len - p), needle, n)) != NULL) {
		if (!joined_at(hay, len, (size_t)(at - hay)) && !joined_at(hay, len, (size_t)(at - hay) + n))
			return 1;
		p = at + 1;
	}
	return 0;
}

/*
 * Whether a topic's term occurs in text: a whole word or phrase, which an
 * "s" may end; in a script without spaces between words, anywhere.
 */
static int
has_term(const char *hay, size_t len, const char *term)
{
	const char *p = hay, *at, *end;
	size_t n = strlen(term);

	if ((unsigned char)term[0] >= 0xE3)
		return n && memmem(hay, len, term, n) != NULL;
	while (n && (at = memmem(p, (size_t)(hay + len - p), term, n)) != NULL) {
		end = at + n;
		if (end < hay + len && *end == 's')
			end++;
		if (!joined_at(hay, len, (size_t)(at - hay)) && !joined_at(hay, len, (size_t)(end - hay)))
			return 1;
		p = at + 1;
	}
	return 0;
}

/* An alias found: its interest goes into found, unless it is there already. */
static void
alias_found(const struct relevance *r, const struct relevance_alias *a, struct buf *found)
{
	const char *in = r->interests[a->interest];

	if (!(found->p && has_phrase(found->p, found->len, in)))
		buf_printf(found, "%s%s (%s)", found->len ? ", " : "", in, a->term);
}

/*
 * The aliases in text, in one pass: at each start of a word only the
 * terms that begin with its byte are tried. Terms in a script without
 * spaces (first byte 0xE3 and above) are looked for anywhere.
 */
static void
match_aliases(const struct relevance *r, const char *t, size_t len, struct buf *found)
{
	size_t i, j;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c >= 0xE3 || r->by_byte[c] == r->by_byte[c + 1] || joined_at(t, len, i))
			continue;
		for (j = r->by_byte[c]; j < r->by_byte[c + 1]; j++) {
			const struct relevance_alias *a = &r->aliases[j];
			size_t n = a->len, end = i + n;

			if (n > len - i || t[i + n - 1] != a->term[n - 1] || memcmp(t + i, a->term, n) != 0)
				continue;
			if (end < len && t[end] == 's')
				end++;
			if (!joined_at(t, len, end))
				alias_found(r, a, found);
		}
	}
	for (j = r->by_byte[0xE3]; j < r->naliases; j++)
		if (memmem(t, len, r->aliases[j].term, r->aliases[j].len))
			alias_found(r, &r->aliases[j], found);
}

/*
 * Hyphens and underscores count as spaces ("small-business"), and an
 * interest written as one word matches too (#smallbusiness).
 */
void
relevance_phrases(const struct relevance *r, const char *text, size_t len, struct buf *found)
{
	char *t = xstrndup(text, len), joined[256];
	size_t i, j, k;

	for (i = j = 0; i < len; i++) {
		char c = t[i] == '-' || t[i] == '_' ? ' ' : t[i];

		if (c != ' ' || j == 0 || t[j - 1] != ' ')
			t[j++] = c;
	}
	len = j;
	for (i = 0; i < r->ninterests; i++) {
		const char *in = r->interests[i];

		if (found->p && has_phrase(found->p, found->len, in))
			continue;
		for (j = k = 0; in[j] && k + 1 < sizeof joined; j++)
			if (in[j] != ' ')
				joined[k++] = in[j];
		joined[k] = '\0';
		if (has_phrase(t, len, in) || (strcmp(joined, in) != 0 && has_phrase(t, len, joined))) {
			if (found->len)
				buf_adds(found, ", ");
			buf_adds(found, in);
		}
	}
	match_aliases(r, t, len, found);
	free(t);
}


/* The terms of topic t, normalised as interests are, one at a time into term. */
static const char *
next_term(const char **t, struct textnorm *norm, char *term, size_t size)
{
	size_t n = strcspn(*t, "|"), i;

	if (**t == '\0')
		return NULL;
	textnorm_run(norm, *t, n);
	snprintf(term, size, "%.*s", (int)norm->out.len, norm->out.p);
	for (i = 0; term[i]; i++)
		if (term[i] == '-' || term[i] == '_')
			term[i] = ' ';
	*t += n + ((*t)[n] == '|');
	return term;
}

/* Whether the interest in starts with the one-word term, as a word of its own. */
static int
first_word(const char *in, const char *term)
{
	size_t n = strlen(term);

	return !strchr(term, ' ') && strncmp(in, term, n) == 0 && in[n] == ' ';
}

/*
 * Whether interest in names topic k: it is one of its terms or holds one of
 * its phrases; or, with by_first_word, its first word is one of its terms.
 */
static int
names_topic(struct textnorm *norm, const char *in, size_t k, int by_first_word)
{
	const char *t = topics[k];
	char term[128];

	while (next_term(&t, norm, term, sizeof term))
		if (by_first_word ? first_word(in, term) :
		    strcmp(in, term) == 0 || (strchr(term, ' ') && has_term(in, strlen(in), term)))
			return 1;
	return 0;
}

/* The terms of topic k as aliases of interest i. */
static void
add_topic(struct relevance *r, struct textnorm *norm, size_t i, size_t k)
{
	const char *in = r->interests[i], *t = topics[k];
	char term[128];

	while (next_term(&t, norm, term, sizeof term)) {
		size_t j;

		if (strcmp(term, in) == 0)
			continue;
		for (j = 0; j < r->naliases && !(r->aliases[j].interest == i &&
		    strcmp(r->aliases[j].term, term) == 0); j++)
			;
		if (j < r->naliases)
			continue;
		r->aliases = xrealloc(r->aliases, (r->naliases + 1) * sizeof *r->aliases);
		r->aliases[r->naliases].term = xstrdup(term);
		r->aliases[r->naliases].len = strlen(term);
		r->aliases[r->naliases++].interest = i;
	}
}

/*
 * The terms of every topic that interest i names, as aliases of it; its
 * first word counts only where the whole interest names none ("movilidad
 * urbana" is urban mobility, not the gym's mobility).
 */
static void
add_topics(struct relevance *r, struct textnorm *norm, size_t i)
{
	size_t k, named = 0;
	int by_first_word;

	for (by_first_word = 0; by_first_word < 2 && !named; by_first_word++)
		for (k = 0; k < sizeof topics / sizeof topics[0]; k++)
			if (names_topic(norm, r->interests[i], k, by_first_word)) {
				add_topic(r, norm, i, k);
				named++;
			}
}

static int
by_term(const void *a, const void *b)
{
	const struct relevance_alias *x = a, *y = b;
	int d = strcmp(x->term, y->term);

	return d ? d : (x->interest > y->interest) - (x->interest < y->interest);
}

/* Sorts the aliases by term, and notes where each first byte starts. */
static void
index_aliases(struct relevance *r)
{
	size_t b, j = 0;

	if (r->naliases)
		qsort(r->aliases, r->naliases, sizeof *r->aliases, by_term);
	for (b = 0; b < 257; b++) {
		while (j < r->naliases && (unsigned char)r->aliases[j].term[0] < b)
			j++;
		r->by_byte[b] = j;
	}
}

void
relevance_add(struct relevance *r, struct textnorm *norm, const char *list)
{
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, ",\n");
		const char *a = p, *b = p + n;

		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		if (b > a) {
			char *in, *q;

			textnorm_run(norm, a, (size_t)(b - a));
			in = xstrndup(norm->out.p, norm->out.len);
			for (q = in; *q; q++)
				if (*q == '-' || *q == '_')
					*q = ' ';
			for (q = in; *q; q++)	/* runs of spaces become one */
				while (q[0] == ' ' && q[1] == ' ')
					memmove(q, q + 1, strlen(q));
			r->interests = xrealloc(r->interests, (r->ninterests + 1) * sizeof *r->interests);
			r->interests[r->ninterests++] = in;
			add_stems(r, in);
			add_topics(r, norm, r->ninterests - 1);
			index_aliases(r);
			r->given = xrealloc(r->given,
			    (r->given ? strlen(r->given) + 2 : 0) + strlen(in) + 1);
			if (r->ninterests == 1)
				*r->given = '\0';
			else
				strcat(r->given, ", ");
			strcat(r->given, in);
		}
		p += n + (p[n] != '\0');
	}
}

void
relevance_free(struct relevance *r)
{
	size_t i;

	for (i = 0; i < r->ninterests; i++)
		free(r->interests[i]);
	free(r->interests);
	free(r->given);
	for (i = 0; i < r->nstems; i++)
		free(r->stems[i]);
	free(r->stems);
	for (i = 0; i < r->naliases; i++)
		free(r->aliases[i].term);
	free(r->aliases);
}

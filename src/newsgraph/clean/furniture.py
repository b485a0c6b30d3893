"""The words of page furniture beyond English: what sites write on their comment,
share, related-links, sign-up and cookie boxes, in the languages of Europe's larger
web (German, French, Spanish, Italian, Portuguese, Dutch, Polish, the Nordic ones).

These are words of *language*, not of the news, and a supplement only: the cleaner
finds the article by the shape of the page (line lengths, punctuation, repeated
template lines, blocks, position) in any language; these lists let it name a box
("Kommentare", "Lesen Sie auch") the way ``vocab.py`` does in English. Each entry is
a regular-expression fragment matched against the lower-cased line unless noted.
"""
from __future__ import annotations

# a header after which the article is over: comments, most read, about the author
END_HEADERS = "|".join((
    # German
    r"(?:leser)?kommentare?|kommentar(?:e)? (?:schreiben|verfassen|hinterlassen|abgeben|anzeigen|lesen)|"
    r"(?:schreibe|hinterlasse|verfasse) (?:einen kommentar|eine antwort)|kommentieren sie hier|"
    r"kommentare (?:sind )?geschlossen|diskutieren sie mit|meistgelesen(?:e [\w ]+)?|am meisten gelesen|"
    r"beliebte (?:artikel|beiträge)|neueste (?:beiträge|kommentare)|letzte (?:beiträge|kommentare)|"
    r"über (?:den|die) autor(?:in)?|über mich|folgen sie uns(?: auf [\w ]+)?|antwort abbrechen|"
    r"(?:kommentar verfassen|leave a (?:reply|comment)|schreibe einen kommentar) (?:antwort abbrechen|cancel reply)",
    # French, Spanish, Italian, Portuguese
    r"commentaires?|(?:laisser|ajouter|écrire) un commentaire|laisser une réponse|réagissez|les plus lus|"
    r"à propos de l'auteur|suivez-nous|"
    r"comentarios?|(?:deja|dejar|escribe) (?:un comentario|una respuesta)|lo más (?:leído|visto)|más leídas?|"
    r"sobre el autor|síguenos|"
    r"commenti|lascia un commento|(?:i )?più letti|seguici|"
    r"comentários?|deixe (?:um comentário|uma resposta)|mais lidas?",
    # Dutch, Polish, Nordic
    r"reacties?|(?:laat|plaats) een reactie(?: achter)?|meest gelezen|"
    r"komentarze|dodaj komentarz|najczęściej czytane|najpopularniejsze|"
    r"kommentarer|kommentoi|mest lästa|mest læste|mest leste|luetuimmat",
))

# a header that opens a list of links (the article may go on after it)
LIST_HEADERS = "|".join((
    r"lesen sie auch|lies auch|auch lesen|siehe auch|mehr zum thema|mehr dazu|zum thema|"
    r"(?:das(?: thema)? )?könnte (?:sie|dich|euch) auch interessieren|schon gelesen|auch interessant|"
    r"auch (?:auf|bei) [\w .'-]+|"
    r"(?:ähnliche|verwandte|weitere|passende) (?:beiträge|artikel|nachrichten|meldungen|themen|rezepte|news|berichte)|"
    r"(?:weitere )?empfehlungen|schlagw(?:ö|o)rter|schlagworte|themen|kategorien|aktuelle (?:beiträge|artikel|berichte|nachrichten)|"
    r"top[- ]themen|mehr aus [\w .'-]+|mehr von [\w .'-]+",
    r"à lire aussi|lire aussi|à lire également|voir aussi|sur le même (?:sujet|thème)|"
    r"articles? (?:similaires|liés|associés)|vous aimerez aussi|dans la même rubrique|mots-clés|"
    r"lea también|lee también|ver también|vea también|te puede interesar|también te puede interesar|"
    r"te podría interesar|noticias relacionadas|artículos relacionados|etiquetas|"
    r"leggi anche|vedi anche|potrebbe interessarti|ti potrebbe interessare|articoli correlati|"
    r"leia também|veja também|notícias relacionadas|você também pode gostar",
    r"lees ook|zie ook|gerelateerde artikelen|meer over [\w ]+|"
    r"czytaj (?:też|także)|zobacz (?:też|także)|przeczytaj (?:też|także)|powiązane(?: artykuły)?|podobne artykuły|"
    r"läs också|læs også|les også|lue myös",
))

# a line that starts a link to elsewhere: "Lesen Sie auch: ...", "Lea también: ..."
INLINE_LINKS = (r"lesen sie auch|lies auch|auch lesen|mehr zum thema|siehe auch|weiterlesen|"
                r"à lire aussi|lire aussi|voir aussi|lea también|lee también|lea más|vea también|ver también|lea|"
                r"leggi anche|leia também|lees ook|czytaj (?:też|także|więcej)|zobacz (?:też|także)|"
                r"läs också|læs også|les også")

# a photo credit or caption opening a line: "Foto: ...", "Bild: ...", "Imagen: ..."
PHOTO_WORDS = (r"foto|fotos|fotograf(?:ie|ía|o)?|bild|bilder|bildquelle|quelle|abbildung|symbolbild|"
               r"crédits? photos?|illustration|imagen|imágenes|immagine|imagem|beeld|fot|zdjęcie|kuva")

# exact lines of page chrome (lower case, outer punctuation stripped)
CHROME = frozenset("""
teilen|drucken|teilen mit|beitrag teilen|artikel teilen|inhalt teilen|seite teilen|weiterlesen|mehr lesen|
mehr|zurück|zurück zur übersicht|nach oben|anzeige|werbung|suche|suchen|menü|startseite|schließen|
zum inhalt springen|zur navigation springen|weiter|vorherige|nächste|merken|gefällt mir|antworten|
partager|imprimer|lire la suite|publicité|rechercher|fermer|accueil|suivant|précédent|répondre|
compartir|imprimir|leer más|publicidad|buscar|cerrar|inicio|siguiente|anterior|responder|
condividi|stampa|leggi di più|pubblicità|cerca|chiudi|rispondi|
compartilhar|partilhar|leia mais|publicidade|pesquisar|fechar|
delen|lees meer|advertentie|zoeken|sluiten|reageren|
udostępnij|czytaj więcej|reklama|szukaj|zamknij|odpowiedz|
dela|del|läs mer|læs mere|les mer|annons|annonse|jaa|lue lisää|mainos
""".replace("\n", "").split("|"))

# share buttons and social media
SOCIAL = r"teilen|partager|compartir|condividi|compartilhar|partilhar|delen|udostępnij|folgen sie uns"

# sign-up, log-in, subscription
SUBSCRIBE = (r"abonnieren|abonniere|abonnement|anmelden|registrieren|einloggen|eingeloggt|e-mail-adresse|"
             r"adresse e-mail|adresse électronique|correo electrónico|indirizzo e-?mail|e-mailadres|adres e-mail|"
             r"s'abonner|abonnez-vous|inscrivez-vous|connectez-vous|suscríbete|suscribirse|regístrate|"
             r"iscriviti|abbonati|assine|inscreva-se|abonneer|schrijf je in|zapisz się|subskrybuj|prenumerera|tilaa")

# the reader addressed (matched with case: German "Sie" is the reader, "sie" is not)
ADDRESSED_CASED = r"Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihnen"
ADDRESSED = (r"du|dein|deine|deinen|deinem|deiner|dich|dir|euch|euer|eure|"
             r"vous|votre|vos|usted|ustedes|tus|voi|vostro|vostra|você|vocês|uw|jij|jouw|"
             r"państwo|ciebie|twoje|dig|din|ditt|dina|dere")

# words beside "cookies" in a consent box
COOKIE_CONTEXT = (r"webseite|internetseite|seite|einwilligung|zustimmung|datenschutz\w*|dienste|analyse|statistik|"
                  r"navigateur|consentement|navegador|navegación|consentimiento|consenso|navigazione|"
                  r"toestemming|zgod\w*|samtycke|samtykke")

# a box that calls the reader to do something: sign up, donate, follow
CALL = (r"abonnieren|anmelden|newsletter|spenden?|unterstützen sie|jetzt (?:testen|bestellen|anmelden|lesen)|"
        r"abonnez-vous|inscrivez-vous|faites un don|suscríbete|dona|iscriviti|assine|doneer|wesprzyj")

# footer notices
FOOTER = (r"alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|"
          r"todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|"
          r"datenschutzerklärung|impressum|mentions légales|aviso legal|política de privacidad|"
          r"alla rättigheter förbehållna|kaikki oikeudet pidätetään")

# a byline's lead word
BYLINE_LEAD = r"von|verfasst von|geschrieben von|autor(?:in)?|par|publié par|por|escrito por|publicado por|di|scritto da|door|przez"

# reading time: "4 Min. Lesedauer", "Lesezeit: 3 Minuten", "3 min de lecture"
READING_TIME = (r"(?:lesedauer|lesezeit|temps de lecture|tiempo de lectura|tempo di lettura|leestijd|czas czytania)"
                r":? ?(?:ca\.? )?\d+ ?(?:min\.?|minuten?|minutes?|minutos?|minuti|minut)|"
                r"(?:ca\.? )?\d+ ?(?:min\.?|minuten?|minutes?|minutos?|minuti|minut) "
                r"(?:lesedauer|lesezeit|de lecture|de lectura|di lettura|leestijd|czytania)")

# a call to action opening a line: "Abonniere ...", "Melden Sie sich ...", "Suivez-nous"
IMPERATIVE = (r"abonniere|abonnieren sie|melde dich|melden sie sich|registriere|registrieren sie|jetzt|hol dir|"
              r"holen sie sich|verpasse|verpassen sie|folge|folgen sie|unterstütze|unterstützen sie|"
              r"abonnez|inscrivez|suivez|ne manquez|suscríbete|regístrate|síguenos|no te pierdas|únete|"
              r"iscriviti|seguici|non perdere|assine|inscreva|siga|abonneer|volg|zapisz|obserwuj|nie przegap")

# the site speaking of itself: "our newsletter", "unser Newsletter", "notre newsletter"
SELF = (r"(?:unser|unsere|unseren|unserem|unserer|notre|nos|nuestro|nuestra|nuestros|nuestras|nostro|nostra|"
        r"nosso|nossa|onze|nasz|nasza|nasze|vår|vårt|våra|vores|meidän)")

# the comment box: the words a site writes about comments
COMMENT_WORDS = (r"kommentar\w*|kommentier\w*|comment\w*|comentar\w*|comentário\w*|reactie\w*|reageren|"
                 r"komentarz\w*|komentowa\w*|kommentti\w*|kommentoi\w*")

# how a site words its comment rules: moderation, publication, registration
COMMENT_RULES = (r"moderi\w*|freigeschaltet|veröffentlich\w*|regeln|richtlinien|netiquette|registrier\w*|"
                 r"anmelden|eingeloggt|geschlossen|deaktiviert|modér\w*|règles|charte|publié\w*|fermés?|"
                 r"moderad\w*|publicad\w*|normas|registr\w*|cerrados?|moderat\w*|pubblicat\w*|regole|chiusi|"
                 r"gemodereerd|gesloten|moderowan\w*|zamknięte")

# a disclosure of the site's advertising: "We may receive a commission", "Werbelinks"
ADVERTISING = (r"werbung|werbelinks?|anzeige|affiliate[- ]?links?|partnerlinks?|publicité|publicidad|"
               r"pubblicità|publicidade|reclame|reklama|annons\w*|mainos\w*|comisión|commissione|commission")
# a site or article speaking of itself: "this site", "diese Seite", "ce site"
THIS_SITE = (r"diese[rsnm]? (?:seite|website|webseite|artikel|beitrag|blog)|ce site|cet article|este sitio|"
             r"este artículo|questo sito|questo articolo|deze site|dit artikel|ta strona|ten artykuł")

# words a date line may hold besides the date: "Veröffentlicht am 3. Mai 2021 um 14:00 Uhr",
# "publié le 3 mai", "4 de mayo de 2022", "vor 2 Stunden"
DATE_WORDS = frozenset("""
veröffentlicht aktualisiert erstellt geändert zuletzt stand datum am um uhr h den vom von bis vor
stunde stunden minute minuten tag tagen woche wochen monat monaten jahr jahren gestern heute
publié publiée mis à jour le la les du au il y a heure heures jour jours hier aujourd'hui
publicado publicada actualizado actualizada el de del a las hace hora horas hrs hs día días ayer hoy
pubblicato aggiornato il alle ore giorni ieri oggi publicado atualizado em às dias ontem hoje
gepubliceerd bijgewerkt op om uur dagen gisteren vandaag opublikowano zaktualizowano dnia godz
publicerad uppdaterad publiceret opdateret publisert oppdatert kl klo julkaistu päivitetty
""".split())

# a date line that gives the last change: "Aktualisiert ...", "Mis à jour le ..."
UPDATED = (r"aktualisiert|zuletzt aktualisiert|geändert|stand|mis à jour|màj|actualizad[oa]|aggiornato|"
           r"atualizad[oa]|bijgewerkt|zaktualizowano|aktualizacja|uppdaterad|opdateret|oppdatert|päivitetty|"
           r"更新|최종 수정|수정")

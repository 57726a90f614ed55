### opstap teksten voor redenen en stappenplannen, Nederlands (nl).
### review-status: geschreven door de ontwikkelaars, moedertaalsprekers (de Nederlandse referentie)
### De waarde van elk bericht spreekt de deelnemer aan ("je"), in eenvoudig Nederlands (B1:
### korte zinnen, gewone woorden). Het attribuut .caseworker spreekt over de deelnemer, tegen
### een consulent. Namen en labels hebben één stem. Bericht-id's van redenen zijn de redencodes.

vacancy-closed = Deze vacature is gesloten sinds { $date }.
    .caseworker = Deze vacature is gesloten sinds { $date }.
excluded-sector = Je zei dat je niet wilt werken in de sector { $sector }.
    .caseworker = De deelnemer wil niet werken in de sector { $sector }.
excluded-occupation = Je zei dat je dit soort werk niet wilt doen (ISCO { $isco }).
    .caseworker = De deelnemer wil dit soort werk niet doen (ISCO { $isco }).
auth-unknown = Vraag: mag je werken? En heeft de werkgever voor jou een werkvergunning (TWV) nodig?
    .caseworker = Vraag: mag de deelnemer werken, en is een tewerkstellingsvergunning (TWV) nodig?
w-document-expired = Vraag: je W-document is verlopen op { $date }. Voor een werkvergunning hebben de werkgever en UWV een geldig W-document nodig. Is het verlengd?
    .caseworker = Vraag: het W-document van de deelnemer is verlopen op { $date }. Voor een werkvergunning hebben werkgever en UWV een geldig document nodig: is het verlengd?
auth-not-allowed = Je mag nog niet werken in Nederland.
    .caseworker = De deelnemer mag nog niet werken in Nederland.
auth-track-may-not-work = Volgens de regel "{ $rule }" mogen mensen in jouw asielprocedure niet werken.
    .caseworker = Volgens de regel "{ $rule }" mogen aanvragers in het spoor van de deelnemer niet werken.
auth-twv-after-closing = De vacature sluit op { $closes }. Een werkvergunning (TWV) is dan nog niet klaar, ook als de werkgever die nu aanvraagt. UWV beslist binnen { $weeks } weken.
    .caseworker = De vacature sluit op { $closes }: eerder dan een werkvergunning (TWV) die de werkgever nu aanvraagt rond kan zijn (UWV beslist binnen { $weeks } weken).
auth-eligible-after-closing = Je mag pas werken vanaf { $date }. De vacature sluit eerder.
    .caseworker = De deelnemer mag pas werken vanaf { $date }, na het sluiten van de vacature.
auth-free = Je hebt geen werkvergunning nodig. Met je verblijfsvergunning mag je vrij werken.
    .caseworker = Geen TWV nodig: verblijfsvergunning met arbeid vrij toegestaan.
auth-notification-only = Je hebt geen werkvergunning nodig. De werkgever meldt het alleen bij UWV.
    .caseworker = Geen TWV nodig: de werkgever meldt het alleen bij UWV.
twv-experienced = De werkgever heeft al eerder een werkvergunning (TWV) aangevraagd.
    .caseworker = De werkgever heeft eerder een TWV aangevraagd.
twv-willing = De werkgever wil de werkvergunning (TWV) aanvragen.
    .caseworker = De werkgever wil de TWV aanvragen.
twv-unknown = Vraag: wil de werkgever de werkvergunning (TWV) aanvragen? Je consulent kan het vragen.
    .caseworker = Vraag: wil de werkgever de tewerkstellingsvergunning (TWV) aanvragen?
volunteer-statement-held = Vrijwilligerswerk: je hebt geen werkvergunning nodig. De organisatie heeft een vrijwilligersverklaring van UWV.
    .caseworker = Vrijwilligerswerk: geen werkvergunning nodig; de organisatie heeft een vrijwilligersverklaring van UWV.
volunteer-statement-unknown = Vraag: voor vrijwilligerswerk heb je geen werkvergunning nodig. Maar de organisatie heeft wel een vrijwilligersverklaring van UWV nodig. Heeft ze die? Zo niet, dan kan ze die aanvragen. UWV beslist binnen ongeveer { $weeks } weken. Je mag beginnen zodra UWV zegt dat de aanvraag binnen is.
    .caseworker = Vraag: voor vrijwilligerswerk is geen werkvergunning nodig, maar de organisatie heeft een vrijwilligersverklaring van UWV nodig. Heeft ze die? Zo niet, dan kan ze die aanvragen: UWV beslist binnen ongeveer { $weeks } weken, en het werk mag beginnen zodra UWV de aanvraag heeft ontvangen.
twv-unwilling = De werkgever vraagt geen werkvergunning (TWV) aan.
    .caseworker = De werkgever vraagt geen TWV aan.
language-met = Gevraagd: { $lang-name } op niveau { $level }. Jij hebt { $held }.
    .caseworker = { $lang-name } op niveau { $level } gevraagd; de deelnemer heeft { $held }.
language-gap = Gevraagd: { $lang-name } op niveau { $level }. Jij hebt { $held }. Je hebt ongeveer { $weeks } weken taalles nodig.
    .caseworker = { $lang-name } op niveau { $level } gevraagd; de deelnemer heeft { $held }. Ongeveer { $weeks } weken taal leren.
language-too-far = Gevraagd: { $lang-name } op niveau { $level }. Jij hebt { $held }. Dat is nu nog te ver weg.
    .caseworker = { $lang-name } op niveau { $level } gevraagd; de deelnemer heeft { $held }. Dat is nu te ver weg.
language-unknown = Vraag: welk niveau { $lang-name } heb je? Gevraagd is { $level }.
    .caseworker = Vraag: welk niveau { $lang-name } heeft de deelnemer? Gevraagd is { $level }.
certificate-held = Je hebt { $cert-name }.
    .caseworker = De deelnemer heeft { $cert-name }.
registration-held = Dit is een beroep met eigen regels. Je hebt de { $registration-name }.
    .caseworker = Gereglementeerd beroep: de deelnemer heeft de { $registration-name }.
registration-route = Dit is een beroep met eigen regels. Voor deze baan heb je de { $registration-name } nodig ({ $authority }). De route: { $route }. Dat duurt meestal { $weeks_min } tot { $weeks_max } weken en kost ongeveer €{ $cost_min }–{ $cost_max }. Nederlands op { $dutch } hoort erbij. Bron: { $source }.
    .caseworker = Gereglementeerd beroep: voor deze baan is de { $registration-name } nodig ({ $authority }). De route: { $route }. Dat duurt meestal { $weeks_min } tot { $weeks_max } weken en kost ongeveer €{ $cost_min }–{ $cost_max }; Nederlands op { $dutch } hoort erbij. Bron: { $source }.
registration-unknown = Vraag: heb je de { $registration-name } ({ $authority })? Deze baan vraagt die. Zonder duurt de route { $weeks_min } tot { $weeks_max } weken.
    .caseworker = Vraag: heeft de deelnemer de { $registration-name } ({ $authority })? Deze gereglementeerde baan vraagt die; zonder duurt de route { $weeks_min } tot { $weeks_max } weken.
certificate-course = Gevraagd: { $cert-name }. Dat haal je met een cursus van ongeveer { $weeks } weken.
    .caseworker = { $cert-name } wordt gevraagd: een cursus van ongeveer { $weeks } weken.
certificate-not-obtainable = Gevraagd: { $cert-name }. Dat haal je niet met een korte cursus.
    .caseworker = { $cert-name } wordt gevraagd en is niet met een korte cursus te halen.
certificate-unknown = Vraag: heb je { $cert-name }?
    .caseworker = Vraag: heeft de deelnemer { $cert-name }?
certificate-on-the-job = De werkgever regelt { $cert-name } voor je, op het werk.
    .caseworker = De werkgever regelt { $cert-name } op het werk.
licence-held = Je rijbewijs geldt voor categorie { $licence }.
    .caseworker = Het rijbewijs van de deelnemer geldt voor categorie { $licence }.
licence-gap = Gevraagd: rijbewijs { $licence }. Je hebt ongeveer { $weeks } weken nodig om het te halen.
    .caseworker = Rijbewijs { $licence } wordt gevraagd: ongeveer { $weeks } weken om het te halen.
licence-too-far = Gevraagd: rijbewijs { $licence }. Dat is nu nog te ver weg.
    .caseworker = Rijbewijs { $licence } wordt gevraagd: nu te ver weg.
licence-unknown = Vraag: welke rijbewijzen heb je? Gevraagd is { $licence }.
    .caseworker = Vraag: welke rijbewijzen heeft de deelnemer? { $licence } wordt gevraagd.
education-level-met = Gevraagd: werk- en denkniveau { $nlqf } (NLQF). Jij hebt niveau { $held }.
    .caseworker = Werk- en denkniveau NLQF { $nlqf } gevraagd; de deelnemer heeft niveau { $held }.
education-diploma-recognized = Gevraagd: een diploma op niveau { $nlqf } (NLQF). Jouw diploma is gewaardeerd.
    .caseworker = Diploma op NLQF { $nlqf } gevraagd; het diploma van de deelnemer is gewaardeerd.
education-evaluation-needed = Gevraagd: een diploma op niveau { $nlqf } (NLQF). Laat je diploma waarderen door IDW (ongeveer { $weeks } weken).
    .caseworker = Diploma op NLQF { $nlqf } gevraagd: het diploma van de deelnemer moet gewaardeerd worden (IDW, ongeveer { $weeks } weken).
education-evaluation-pending = Gevraagd: een diploma op niveau { $nlqf } (NLQF). Je diploma wordt nu gewaardeerd (nog ongeveer { $weeks } weken).
    .caseworker = Diploma op NLQF { $nlqf } gevraagd: de diplomawaardering van de deelnemer loopt (nog ongeveer { $weeks } weken).
education-evaluation-unknown = Vraag: is je diploma gewaardeerd door IDW? Gevraagd is een diploma op niveau { $nlqf } (NLQF).
    .caseworker = Vraag: is het diploma van de deelnemer gewaardeerd (IDW)? Een diploma op NLQF { $nlqf } wordt gevraagd.
education-too-low = Gevraagd: opleiding op niveau { $nlqf } (NLQF). Jij hebt niveau { $held }.
    .caseworker = Opleiding op NLQF { $nlqf } gevraagd; de deelnemer heeft niveau { $held }.
education-level-unconfirmed = Vraag: gevraagd is niveau { $nlqf } (NLQF). Je zegt zelf dat je niveau { $held } hebt, maar dat is niet gewaardeerd. Telt de werkgever je ervaring mee? Of kom je met een diplomawaardering (IDW) hoger uit?
    .caseworker = Vraag: werk- en denkniveau NLQF { $nlqf } gevraagd; de deelnemer noemt zelf niveau { $held }, niet gewaardeerd. Telt de werkgever de ervaring mee, of zou een diplomawaardering (IDW) hoger uitkomen?
education-unknown = Vraag: welke opleiding heb je, en op welk niveau? Gevraagd is niveau { $nlqf } (NLQF).
    .caseworker = Vraag: wat is het opleidingsniveau van de deelnemer? NLQF { $nlqf } wordt gevraagd.
experience-met = Gevraagd: { $years } jaar ervaring. Die heb je.
    .caseworker = { $years } jaar ervaring gevraagd: die heeft de deelnemer.
experience-short = Gevraagd: { $years } jaar ervaring in dit vak.
    .caseworker = { $years } jaar ervaring in dit vak wordt gevraagd.
experience-unknown = Vraag: hoeveel jaar heb je gewerkt? Gevraagd is { $years } jaar.
    .caseworker = Vraag: hoeveel werkervaring heeft de deelnemer? { $years } jaar wordt gevraagd.
distance-met = { $km } km reizen. Je kunt tot { $max } km reizen.
    .caseworker = { $km } km reizen (de deelnemer reist tot { $max } km).
distance-too-far = { $km } km reizen. Dat is verder dan de { $max } km die je kunt reizen.
    .caseworker = { $km } km reizen: verder dan de { $max } km die de deelnemer kan reizen.
distance-unknown = Vraag: hoe ver is het reizen? We weten niet waar het werk is.
    .caseworker = Vraag: hoe ver is het reizen? De locatie is niet bekend.

level-explicit = De werkgever zegt: deze baan geeft { $level-name } zelfontwikkeling.
    .caseworker = De werkgever noemt deze baan: { $level-name } zelfontwikkeling.
level-label-not-for-you = De werkgever zegt: deze baan geeft { $label-name } zelfontwikkeling. Voor jou is het { $level-name }. De baan is niet in je eigen vak, of heeft er geen verband mee.
    .caseworker = De werkgever noemt deze baan: { $label-name } zelfontwikkeling; voor de deelnemer is het { $level-name }: de baan ligt niet in het eigen vak, of heeft er geen verband mee.
level-strong = Veel zelfontwikkeling: in je eigen vak of het vak dat je wilt, met opleiding of kans om door te groeien.
    .caseworker = Sterke zelfontwikkeling: in het eigen of gewenste vak van de deelnemer, met opleiding of doorgroei.
level-some = Wat zelfontwikkeling: past bij wat je leuk vindt of kunt, met oefenen van de taal of met collega's.
    .caseworker = Enige zelfontwikkeling: past bij de interesses of vaardigheden van de deelnemer, met taaloefening of collega's.
level-minimal = Weinig zelfontwikkeling: weinig verband met je vak, en je leert weinig op het werk.
    .caseworker = Weinig zelfontwikkeling: weinig verband met het vak van de deelnemer, en weinig leren op het werk.
fits-preference = Past bij je wens: { $level-name } zelfontwikkeling (je wilde { $preference-name }).
    .caseworker = Past bij de wens van de deelnemer: { $level-name } zelfontwikkeling (gevraagd: { $preference-name }).
partly-fits-preference = Past een beetje bij je wens: { $level-name } zelfontwikkeling (je wilde { $preference-name }).
    .caseworker = Past deels bij de wens van de deelnemer: { $level-name } zelfontwikkeling (gevraagd: { $preference-name }).
does-not-fit-preference = Past niet bij je wens: { $level-name } zelfontwikkeling (je wilde { $preference-name }).
    .caseworker = Past niet bij de wens van de deelnemer: { $level-name } zelfontwikkeling (gevraagd: { $preference-name }).
preference-assumed = Je hebt niet gezegd hoeveel je wilt leren en groeien in je werk. We gaan uit van { $preference-name }.
    .caseworker = Geen wens voor zelfontwikkeling opgegeven; uitgegaan van { $preference-name }.
own-field = In je eigen vak of het vak dat je wilt (ISCO { $isco }).
    .caseworker = In het eigen of gewenste vak van de deelnemer (ISCO { $isco }).
related-field = Lijkt op je eigen vak (ISCO { $isco }).
    .caseworker = Verwant aan het vak van de deelnemer (ISCO { $isco }).
matched-terms = Past bij wat je kunt en leuk vindt: { $terms }.
    .caseworker = Past bij de vaardigheden en interesses van de deelnemer: { $terms }.
practical-application = Solliciteren gaat praktisch: een proefdag in plaats van een gesprek.
    .caseworker = Praktische sollicitatie: een proefdag in plaats van een gesprek.
appointment-flexibility = De werkgever geeft je vrij voor afspraken met IND en COA.
    .caseworker = De werkgever is flexibel bij afspraken met IND en COA.
on-call-contract = Let op: oproepcontract (nul uren). Je weet niet zeker hoeveel je verdient.
    .caseworker = Let op: oproepcontract (nuluren), onzeker inkomen.
weekend-work = Je werkt ook in het weekend.
    .caseworker = Met werk in het weekend.
day-parts-outside-availability = Je werkt ook op tijden dat je niet kunt: { $parts-name }.
    .caseworker = Met werk buiten de beschikbare tijden van de deelnemer: { $parts-name }.
hours-outside-availability = { $hours } uur per week. Jij kunt { $wanted } uur.
    .caseworker = { $hours } uur per week; de deelnemer kan { $wanted } uur.
appointment-flexibility-refused = Let op: de werkgever geeft geen vrij voor afspraken met IND en COA. Die afspraken heb je wel. Als je er een mist, kan dat slecht zijn voor je asielzaak.
    .caseworker = Let op: de werkgever geeft geen vrij voor afspraken met IND en COA, en die heeft de deelnemer nodig (een gemiste afspraak kan de asielzaak schaden).
physically-demanding = Zwaar werk voor je lichaam, en dat wil je liever niet.
    .caseworker = Lichamelijk zwaar werk, en dat wil de deelnemer liever niet.
not-yet-eligible = Je mag werken vanaf { $date }.
    .caseworker = De deelnemer mag beginnen met werken vanaf { $date }.
not-yet-eligible-by-rule = Je mag werken vanaf { $date }. Dat volgt uit de regel "{ $rule }", gerekend vanaf je asielaanvraag op { $applied }.
    .caseworker = De deelnemer mag beginnen met werken vanaf { $date }: volgens de regel "{ $rule }", gerekend vanaf de asielaanvraag op { $applied }.

step-certificate = Haal { $cert-name } (ongeveer { $weeks } weken)
    .caseworker = { $cert-name } halen (ongeveer { $weeks } weken)
step-language = Leer { $lang-name } tot { $level } (nu { $held }; ongeveer { $weeks } weken)
    .caseworker = { $lang-name } { $level } halen (nu { $held }; ongeveer { $weeks } weken)
step-licence = Haal rijbewijs { $licence } (ongeveer { $weeks } weken)
    .caseworker = Rijbewijs { $licence } halen (ongeveer { $weeks } weken)
step-registration = De route naar de { $registration-name } ({ $authority }): ongeveer { $weeks } weken, vaak { $weeks_min }–{ $weeks_max }; €{ $cost_min }–{ $cost_max }
    .caseworker = De route naar de { $registration-name } ({ $authority }): ongeveer { $weeks } weken, vaak { $weeks_min }–{ $weeks_max }; €{ $cost_min }–{ $cost_max }
step-diploma-evaluation = Laat je diploma waarderen door IDW (ongeveer { $weeks } weken)
    .caseworker = Diploma laten waarderen door IDW (ongeveer { $weeks } weken)
step-renewal = Vernieuw { $cert-name } (verlopen op { $date }; ongeveer { $weeks } weken)
    .caseworker = { $cert-name } vernieuwen (verlopen op { $date }; ongeveer { $weeks } weken)
step-employer-application = { $cert-name }: de werkgever vraagt dit aan als hij je aanneemt. Het besluit duurt tot { $weeks } weken.
    .caseworker = { $cert-name }: de werkgever vraagt dit aan als hij de deelnemer aanneemt; het besluit duurt tot { $weeks } weken.
step-terms = Kost ongeveer €{ $cost_min }–{ $cost_max }. Meestal betaalt: { $who-pays }. Examen in: { $exam-languages-name }. Duur: { $effort_source }. Bron: { $source }{ $verified ->
        [yes] {""}
       *[no] {" (een schatting, nog te bevestigen)"}
    }.
    .caseworker = Kost ongeveer €{ $cost_min }–{ $cost_max }; meestal betaald door: { $who-pays }. Examen in: { $exam-languages-name }. Duur: { $effort_source }. Bron: { $source }{ $verified ->
        [yes] {""}
       *[no] {" (een schatting, nog te bevestigen)"}
    }.
step-min-age = Vanaf { $age } jaar. Je kunt hiermee beginnen op { $date }.
    .caseworker = Vanaf { $age } jaar: de deelnemer kan hiermee beginnen op { $date }.
step-min-age-unknown = Vanaf { $age } jaar. Vertel je consulent je geboortedatum.
    .caseworker = Minimumleeftijd { $age } jaar: controleer de leeftijd (geen geboortedatum bekend).
step-prerequisites = Eerst nodig: { $prerequisites } (staat in dit plan ervoor als je het nog niet hebt).
    .caseworker = Eerst nodig: { $prerequisites } (in dit plan ervoor gezet als de deelnemer het nog niet heeft).
plan-option = { $steps }: { $count } passende vacatures zijn nog open als je klaar bent (rond { $finish }). Er komen er ongeveer { $flow } per maand bij. Samen ongeveer { $weeks } weken, €{ $cost_min }–{ $cost_max }.
    .caseworker = { $steps }: { $count } passende vacatures nog open als de deelnemer klaar is (rond { $finish }); ongeveer { $flow } nieuwe per maand zoals deze. Samen ongeveer { $weeks } weken, €{ $cost_min }–{ $cost_max }.
plan-long-route-option = Langer dan { $horizon } weken: { $steps }. Ongeveer { $weeks } weken ({ $beyond } meer dan je horizon), €{ $cost_min }–{ $cost_max }. Als je klaar bent (rond { $finish }): { $count } passende vacatures nog open, en er komen er ongeveer { $flow } per maand bij.
    .caseworker = Voorbij de horizon van { $horizon } weken: { $steps }. Ongeveer { $weeks } weken ({ $beyond } meer dan de horizon), €{ $cost_min }–{ $cost_max }. Als de deelnemer klaar is (rond { $finish }): { $count } passende vacatures nog open, ongeveer { $flow } nieuwe per maand zoals deze.
plan-closing-before-finish = Nog { $count } passende vacatures zijn nu open, maar sluiten vóór { $finish }. Die tellen niet mee.
    .caseworker = Nog { $count } passende vacatures die nu open zijn, sluiten vóór { $finish }: niet meegeteld.
plan-assumed-open = Een vacature zonder sluitingsdatum blijft naar aanname nog { $weeks } weken open, vanaf vandaag (instelling { $key }; een schatting).
    .caseworker = Een vacature zonder sluitingsdatum blijft naar aanname nog { $weeks } weken open, vanaf vandaag (instelling { $key }; een schatting).
plan-flow-window = "Nieuwe per maand": passende vacatures die dezelfde stappen openen, geplaatst in de afgelopen { $weeks } weken (alleen die er nog staan). De opties staan op volgorde van wat open is als je klaar bent plus { $months } maanden nieuwe, per week inspanning.
    .caseworker = "Nieuwe per maand zoals deze": passende vacatures die dezelfde stappen openen, geplaatst in de afgelopen { $weeks } weken (alleen die nog vermeld staan). De opties staan op volgorde van wat open is als de deelnemer klaar is plus { $months } maanden nieuwe, per week inspanning.
plan-nothing-to-unlock = Geen stap, binnen { $weeks } weken of langer, maakt een passende vacature voor je bereikbaar.
    .caseworker = Geen stap, binnen { $weeks } weken of langer, maakt een passende vacature bereikbaar.
plan-steps-header = Over de stappen
    .caseworker = Over de stappen
plan-long-route-header = Langer dan je horizon (de lange route)
    .caseworker = Voorbij de horizon (de lange route)
exam-languages-none = geen examen
plan-header = Stappenplan voor { $id } (horizon { $weeks } weken): { $near } bijna passende vacatures, { $fitting } daarvan passend bij de wens; nog { $beyond } voorbij de horizon, { $fitting_beyond } daarvan passend
    .caseworker = Stappenplan voor { $id } (horizon { $weeks } weken): { $near } bijna passende vacatures, { $fitting } daarvan passend bij de wens; nog { $beyond } voorbij de horizon, { $fitting_beyond } daarvan passend
plan-option-detail = waarde { $per-week } per week inspanning; { $total } bijna passende vacatures open als je klaar bent, passend of niet; bijvoorbeeld { $examples }
    .caseworker = waarde { $per-week } per week inspanning; { $total } bijna passende vacatures open als de deelnemer klaar is, passend of niet; bijvoorbeeld { $examples }

component-self-development = Zelfontwikkeling
component-relevance = Relevantie
component-conditions = Voorwaarden
component-twv = Werkvergunning
component-language-growth = Taalgroei
component-application = Sollicitatie
component-distance = Afstand
outcome-met = voldaan
outcome-bridgeable = overbrugbaar
outcome-blocking = blokkerend
outcome-unknown = onbekend
class-eligible = passend
class-near-miss = bijna
class-beyond-horizon = buiten bereik
class-blocked = geblokkeerd

# Names used in parameters: language-name-<ISO 639-1>, level-name-<level>.
language-name-nl = Nederlands
language-name-en = Engels
language-name-ar = Arabisch
language-name-fr = Frans
language-name-de = Duits
language-name-tr = Turks
language-name-fa = Perzisch
language-name-ru = Russisch
language-name-uk = Oekraïens
language-name-ti = Tigrinya
language-name-so = Somalisch
language-name-ps = Pasjtoe
language-name-ku = Koerdisch
language-name-pt = Portugees
language-name-es = Spaans
level-name-minimal = weinig
level-name-some = enige
level-name-strong = sterke
day-part-name-day = overdag
day-part-name-evening = avonden
day-part-name-night = nachten

## Import
posting-quote = gevraagd in de vacaturetekst: ‘{ $quote }’
    .caseworker = gevraagd in de vacaturetekst: ‘{ $quote }’

## Caseworker records
employer-answer = Antwoord van de werkgever op { $date } ({ $source }): { $kind ->
    [TWV] tewerkstellingsvergunning (TWV) { $value }
    [VOLUNTEER_STATEMENT] heeft de vrijwilligersverklaring: { $value }
    [ACCEPTS_LANGUAGE] { $value } is genoeg voor deze baan
    [WAIVES_CERTIFICATE] { $value } is toch niet nodig
    [WAIVES_DRIVING_LICENCE] het rijbewijs is toch niet nodig
    [WAIVES_EXPERIENCE] de ervaring is toch niet nodig
   *[ACCEPTS_WITHOUT_DIPLOMA] het niveau is genoeg, het diploma is niet nodig
}.
    .caseworker = Antwoord van de werkgever op { $date } ({ $source }): { $kind ->
        [TWV] tewerkstellingsvergunning (TWV) { $value }
        [VOLUNTEER_STATEMENT] heeft de vrijwilligersverklaring: { $value }
        [ACCEPTS_LANGUAGE] { $value } is genoeg voor deze baan
        [WAIVES_CERTIFICATE] { $value } is toch niet nodig
        [WAIVES_DRIVING_LICENCE] het rijbewijs is toch niet nodig
        [WAIVES_EXPERIENCE] de ervaring is toch niet nodig
       *[ACCEPTS_WITHOUT_DIPLOMA] het niveau is genoeg, het diploma is niet nodig
    }.

## Datums en getallen (neutraal). format-date bepaalt de volgorde; maanden voluit.
format-date = { $day } { $month } { $year }
format-decimal-separator = ,
format-list-separator = { ", " }
format-group-separator = .
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Het stappenplan op papier (één A4, voor de deelnemer)
page-title = Jouw weg naar werk
    .caseworker = Weg naar werk: { $id }
page-intro = Op deze pagina zie je de banen die vandaag het best bij je passen, de stappen die meer banen openen, en de vragen die nog open zijn.
    .caseworker = Deze pagina toont de banen die vandaag het best bij de deelnemer passen, de stappen die meer banen openen, en de vragen die nog open zijn.
page-matches-header = Banen die bij je passen
    .caseworker = Banen die bij de deelnemer passen
page-match-closes = Solliciteer vóór { $date }.
    .caseworker = Solliciteren vóór { $date }.
page-match-no-closing-date = Geen sluitingsdatum bekend.
    .caseworker = Geen sluitingsdatum bekend.
page-match-employer = Werkgever: { $employer }
    .caseworker = Werkgever: { $employer }
page-no-matches = Vandaag is er geen baan die bij je past en die je nu al mag doen. De stappen hieronder kunnen dat veranderen.
    .caseworker = Vandaag is er geen baan die bij de deelnemer past en die de deelnemer nu al mag doen. De stappen hieronder kunnen dat veranderen.
page-more-matches = Er passen nog { $count } banen bij je. Vraag je consulent om de lijst.
    .caseworker = Er passen nog { $count } banen bij de deelnemer: zie de volledige lijst.
page-steps-header = Stappen die meer banen openen
    .caseworker = Stappen die meer banen openen voor de deelnemer
page-no-steps = Op dit moment opent geen stap een baan die bij je past.
    .caseworker = Op dit moment opent geen stap een baan die bij de deelnemer past.
page-questions-header = Vragen die nog open zijn
    .caseworker = Vragen die nog open zijn
page-questions-intro = Je consulent zoekt de antwoorden samen met jou.
    .caseworker = Zoek de antwoorden samen met de deelnemer.
page-no-questions = Er zijn geen open vragen.
    .caseworker = Er zijn geen open vragen.
page-made-on = Gemaakt op { $date } voor { $id }.
    .caseworker = Gemaakt op { $date } voor { $id }.
page-caseworker-label = Consulent
page-date-label = Datum
page-signature-label = Handtekening

## De tabellen op de opdrachtregel (voor consulenten; één stem)
cli-match-header = Deelnemer { $id }: { $eligible } passende vacatures, de beste { $shown } getoond
cli-match-header-uncounted = Deelnemer { $id }: de beste { $shown } getoond
cli-column-score = score
cli-column-vacancy = vacature
cli-column-title = titel
cli-column-employer = werkgever
cli-column-sector = sector
cli-column-self-development = zelfontwikkeling
cli-fit = past { $fit }
cli-no-match = (geen vacature voldoet aan alle harde eisen; zie het stappenplan)
cli-explain-class = Klasse: { $class } ({ $code }); score { $score }; BM25 { $bm25 }
cli-explain-class-ranked = Klasse: { $class } ({ $code }), plaats { $rank }; score { $score }; BM25 { $bm25 }
cli-requirements-header = Eisen:
cli-components-header = Onderdelen:
cli-column-weight = gewicht
cli-column-value = waarde
cli-column-contribution = bijdrage
cli-self-development = Zelfontwikkeling: { $level } bij een wens van { $preference } (past { $fit }); signalen: { $signals }
cli-signals-none = geen
cli-matched-terms = Overeenkomende woorden: { $terms }
cli-reasons-header = Redenen:

# opstap reden-teksten, Nederlands (taalniveau B1). Message-id's zijn de redencodes.


vacancy-closed = Deze vacature is gesloten sinds { $date }.
excluded-sector = Je gaf aan niet in de sector { $sector } te willen werken.
excluded-occupation = Je gaf aan dit soort werk niet te willen doen (ISCO { $isco }).
auth-unknown = Vraag: mag deze persoon werken, en is een tewerkstellingsvergunning (TWV) nodig?
w-document-expired = Vraag: het W-document van deze persoon is verlopen op { $date }. Voor een werkvergunning hebben werkgever en UWV een geldig document nodig: is het verlengd?
auth-not-allowed = Deze persoon mag nog niet werken in Nederland.
auth-track-may-not-work = Volgens de regel "{ $rule }" mogen aanvragers in het spoor van deze persoon niet werken.
auth-twv-after-closing = De vacature sluit op { $closes }: eerder dan een werkvergunning (TWV) die de werkgever nu aanvraagt rond kan zijn (UWV beslist binnen { $weeks } weken).
auth-eligible-after-closing = Deze persoon mag pas werken vanaf { $date }, na het sluiten van de vacature.
auth-free = Geen TWV nodig: verblijfsvergunning met arbeid vrij toegestaan.
auth-notification-only = Geen TWV nodig: de werkgever meldt het alleen bij UWV.
twv-experienced = De werkgever heeft eerder een TWV aangevraagd.
twv-willing = De werkgever wil de TWV aanvragen.
twv-unknown = Vraag: wil de werkgever de tewerkstellingsvergunning (TWV) aanvragen?
volunteer-statement-held = Vrijwilligerswerk: geen werkvergunning nodig; de organisatie heeft een vrijwilligersverklaring van UWV.
volunteer-statement-unknown = Vraag: voor vrijwilligerswerk is geen werkvergunning nodig, maar de organisatie heeft een vrijwilligersverklaring van UWV nodig. Heeft ze die? Zo niet, dan kan ze die aanvragen: UWV beslist binnen ongeveer { $weeks } weken, en het werk mag beginnen zodra UWV de aanvraag heeft ontvangen.
twv-unwilling = De werkgever vraagt geen TWV aan.
language-met = { $lang-name } op niveau { $level } gevraagd; je hebt { $held }.
language-gap = { $lang-name } op niveau { $level } gevraagd; je hebt { $held }. Ongeveer { $weeks } weken taal leren.
language-too-far = { $lang-name } op niveau { $level } gevraagd; je hebt { $held }. Dat is nu te ver weg.
language-unknown = Vraag: welk niveau { $lang-name } heeft deze persoon? Gevraagd is { $level }.
certificate-held = Je hebt { $cert-name }.
registration-held = Gereglementeerd beroep: je hebt de { $registration-name }.
registration-route = Gereglementeerd beroep: voor deze baan is de { $registration-name } nodig ({ $authority }). De route: { $route }. Dat duurt meestal { $weeks_min } tot { $weeks_max } weken en kost ongeveer €{ $cost_min }–{ $cost_max }; Nederlands op { $dutch } hoort erbij. Bron: { $source }.
registration-unknown = Vraag: heeft deze persoon de { $registration-name } ({ $authority })? Deze gereglementeerde baan vraagt die; zonder duurt de route { $weeks_min } tot { $weeks_max } weken.
certificate-course = { $cert-name } wordt gevraagd: een cursus van ongeveer { $weeks } weken.
certificate-not-obtainable = { $cert-name } wordt gevraagd en is niet met een korte cursus te halen.
certificate-unknown = Vraag: heeft deze persoon { $cert-name }?
certificate-on-the-job = De werkgever regelt { $cert-name } op het werk.
licence-held = Je rijbewijs geldt voor categorie { $licence }.
licence-gap = Rijbewijs { $licence } wordt gevraagd: ongeveer { $weeks } weken om het te halen.
licence-too-far = Rijbewijs { $licence } wordt gevraagd: nu te ver weg.
licence-unknown = Vraag: welke rijbewijzen heeft deze persoon? { $licence } wordt gevraagd.
education-level-met = Werk- en denkniveau NLQF { $nlqf } gevraagd; je hebt niveau { $held }.
education-diploma-recognized = Diploma op NLQF { $nlqf } gevraagd; jouw diploma is gewaardeerd.
education-evaluation-needed = Diploma op NLQF { $nlqf } gevraagd: laat je diploma waarderen (IDW, ongeveer { $weeks } weken).
education-evaluation-pending = Diploma op NLQF { $nlqf } gevraagd: je diplomawaardering loopt (nog ongeveer { $weeks } weken).
education-evaluation-unknown = Vraag: is het diploma van deze persoon gewaardeerd (IDW)? Een diploma op NLQF { $nlqf } wordt gevraagd.
education-too-low = Opleiding op NLQF { $nlqf } gevraagd; je hebt niveau { $held }.
education-level-unconfirmed = Vraag: werk- en denkniveau NLQF { $nlqf } gevraagd; deze persoon noemt zelf niveau { $held }, niet gewaardeerd. Telt de werkgever de ervaring mee, of zou een diplomawaardering (IDW) hoger uitkomen?
education-unknown = Vraag: wat is het opleidingsniveau van deze persoon? NLQF { $nlqf } wordt gevraagd.
experience-met = { $years } jaar ervaring gevraagd: die heb je.
experience-short = { $years } jaar ervaring in dit vak wordt gevraagd.
experience-unknown = Vraag: hoeveel werkervaring heeft deze persoon? { $years } jaar wordt gevraagd.
distance-met = { $km } km reizen (je reist tot { $max } km).
distance-too-far = { $km } km reizen: verder dan de { $max } km die je kunt reizen.
distance-unknown = Vraag: hoe ver is het reizen? De locatie is niet bekend.

level-explicit = De werkgever noemt deze baan: { $level-name } zelfontwikkeling.
level-label-not-for-you = De werkgever noemt deze baan: { $label-name } zelfontwikkeling; voor jou is het { $level-name }: de baan ligt niet in je eigen vak, of heeft er geen verband mee.
level-strong = Sterke zelfontwikkeling: in je eigen of gewenste vak, met opleiding of doorgroei.
level-some = Enige zelfontwikkeling: past bij je interesses of vaardigheden, met taaloefening of collega's.
level-minimal = Weinig zelfontwikkeling: weinig verband met je vak, en weinig leren op het werk.
fits-preference = Past bij je wens: { $level-name } zelfontwikkeling (je wilde { $preference-name }).
partly-fits-preference = Past deels bij je wens: { $level-name } zelfontwikkeling (je wilde { $preference-name }).
does-not-fit-preference = Past niet bij je wens: { $level-name } zelfontwikkeling (je wilde { $preference-name }).
preference-assumed = Geen wens voor zelfontwikkeling opgegeven; uitgegaan van { $preference-name }.
own-field = In je eigen of gewenste vak (ISCO { $isco }).
related-field = Verwant aan je vak (ISCO { $isco }).
matched-terms = Past bij je vaardigheden en interesses: { $terms }.
practical-application = Praktische sollicitatie: een proefdag in plaats van een gesprek.
appointment-flexibility = De werkgever is flexibel bij afspraken met IND en COA.
on-call-contract = Let op: oproepcontract (nuluren), onzeker inkomen.
weekend-work = Met werk in het weekend.
day-parts-outside-availability = Met werk buiten je beschikbare tijden: { $parts-name }.
hours-outside-availability = { $hours } uur per week; jij kunt { $wanted } uur.
appointment-flexibility-refused = Let op: de werkgever geeft geen vrij voor afspraken met IND en COA, en die heb je nodig (een gemiste afspraak kan je asielzaak schaden).
physically-demanding = Lichamelijk zwaar werk, en dat wil je liever niet.
not-yet-eligible = Mag beginnen met werken vanaf { $date }.
not-yet-eligible-by-rule = Mag beginnen met werken vanaf { $date }: volgens de regel "{ $rule }", gerekend vanaf de asielaanvraag op { $applied }.

step-certificate = Haal { $cert-name } (ongeveer { $weeks } weken)
step-language = Haal { $lang-name } { $level } (nu { $held }; ongeveer { $weeks } weken)
step-licence = Haal rijbewijs { $licence } (ongeveer { $weeks } weken)
step-registration = De route naar de { $registration-name } ({ $authority }): ongeveer { $weeks } weken, vaak { $weeks_min }–{ $weeks_max }; €{ $cost_min }–{ $cost_max }
step-diploma-evaluation = Laat je diploma waarderen door IDW (ongeveer { $weeks } weken)
step-renewal = Vernieuw { $cert-name } (verlopen op { $date }; ongeveer { $weeks } weken)
step-employer-application = { $cert-name }: de werkgever vraagt dit aan als hij je aanneemt; het besluit duurt tot { $weeks } weken
step-terms = Kost ongeveer €{ $cost_min }–{ $cost_max }; meestal betaald door: { $who_pays_nl }. Examen in: { $exam-languages-name }. Duur: { $effort_source }. Bron: { $source }{ $verified ->
        [yes] {""}
       *[no] {" (een schatting, nog te bevestigen)"}
    }.
step-min-age = Vanaf { $age } jaar: je kunt hiermee beginnen op { $date }.
step-min-age-unknown = Minimumleeftijd { $age } jaar: controleer de leeftijd (geen geboortedatum bekend).
step-prerequisites = Eerst nodig: { $prerequisites } (in dit plan ervoor gezet als je het nog niet hebt).
plan-option = { $steps }: { $count } passende vacatures nog open als je klaar bent (rond { $finish }); ongeveer { $flow } nieuwe per maand zoals deze. Samen ongeveer { $weeks } weken, €{ $cost_min }–{ $cost_max }.
plan-long-route-option = Voorbij je horizon van { $horizon } weken: { $steps }. Ongeveer { $weeks } weken ({ $beyond } meer dan je horizon), €{ $cost_min }–{ $cost_max }. Als je klaar bent (rond { $finish }): { $count } passende vacatures nog open, ongeveer { $flow } nieuwe per maand zoals deze.
plan-closing-before-finish = Nog { $count } passende vacatures die nu open zijn, sluiten vóór { $finish }: niet meegeteld.
plan-assumed-open = Een vacature zonder sluitingsdatum blijft naar aanname nog { $weeks } weken open, vanaf vandaag (instelling { $key }; een schatting).
plan-flow-window = "Nieuwe per maand zoals deze": passende vacatures die dezelfde stappen openen, geplaatst in de afgelopen { $weeks } weken (alleen die nog vermeld staan). De opties staan op volgorde van wat open is als je klaar bent plus { $months } maanden nieuwe, per week inspanning.
plan-nothing-to-unlock = Geen stap, binnen { $weeks } weken of langer, maakt een passende vacature bereikbaar.
plan-steps-header = Over de stappen
plan-long-route-header = Voorbij je horizon (de lange route)
exam-languages-none = geen examen
plan-header = stappenplan voor { $id } (horizon { $weeks } weken): { $near } bijna passende vacatures, { $fitting } daarvan passend bij de wens; nog { $beyond } voorbij de horizon, { $fitting_beyond } daarvan passend
plan-option-detail = waarde { $per-week } per week inspanning; { $total } bijna passende vacatures open als je klaar bent, passend of niet; bijvoorbeeld { $examples }

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

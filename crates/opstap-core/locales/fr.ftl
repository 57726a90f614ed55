### opstap reason and plan texts, French (fr).
### review-status: machine-drafted, not reviewed by a native speaker (2026-12-01)
### Formal "vous"; gender-neutral wording where possible, else the generic masculine (le participant); Latin digits; no-break spaces before : ; ? ! € km and inside « ».

# Message ids are the reason codes. Value: participant voice; .caseworker: caseworker voice.


vacancy-closed = Cette offre d’emploi est close depuis le { $date }.
    .caseworker = Cette offre d’emploi est close depuis le { $date }.
excluded-sector = Vous avez dit que vous ne voulez pas travailler dans le secteur { $sector }.
    .caseworker = Le participant ne veut pas travailler dans le secteur { $sector }.
excluded-occupation = Vous avez dit que vous ne voulez pas faire ce type de travail (ISCO { $isco }).
    .caseworker = Le participant ne veut pas faire ce type de travail (ISCO { $isco }).
auth-unknown = Question : avez-vous le droit de travailler, et l’employeur a-t-il besoin d’un permis de travail (TWV) pour vous ?
    .caseworker = Question : le participant a-t-il le droit de travailler, et l’employeur a-t-il besoin d’un permis de travail (TWV) ?
w-document-expired = Question : votre W-document a expiré le { $date }. Pour un permis de travail, l’employeur et l’UWV ont besoin d’un document valide. A-t-il été renouvelé ?
    .caseworker = Question : le W-document du participant a expiré le { $date }. Pour un permis de travail, l’employeur et l’UWV ont besoin d’un document valide. A-t-il été renouvelé ?
auth-not-allowed = Vous n’avez pas encore le droit de travailler aux Pays-Bas.
    .caseworker = Le participant n’a pas encore le droit de travailler aux Pays-Bas.
auth-track-may-not-work = Selon la règle « { $rule } », les personnes dans votre procédure d’asile n’ont pas le droit de travailler.
    .caseworker = Selon la règle « { $rule } », les demandeurs dans le type de procédure (spoor) du participant n’ont pas le droit de travailler.
auth-twv-after-closing = L’offre se termine le { $closes }. Si l’employeur demandait maintenant un permis de travail (TWV), il ne serait pas prêt avant cette date (l’UWV décide dans un délai de { $weeks } semaines).
    .caseworker = L’offre se termine le { $closes }, avant qu’un permis de travail (TWV) demandé maintenant par l’employeur puisse être accordé (l’UWV décide dans un délai de { $weeks } semaines).
auth-eligible-after-closing = Vous pouvez travailler seulement à partir du { $date }. L’offre se termine avant cette date.
    .caseworker = Le participant peut travailler seulement à partir du { $date }, après la fin de cette offre.
auth-free = Pas besoin de permis de travail : votre titre de séjour vous permet de travailler librement.
    .caseworker = Pas besoin de permis de travail : titre de séjour avec libre accès au marché du travail.
auth-notification-only = Pas besoin de permis de travail : l’employeur informe seulement l’UWV.
    .caseworker = Pas besoin de permis de travail : l’employeur fait seulement une déclaration à l’UWV.
twv-experienced = L’employeur a déjà demandé des permis de travail (TWV) dans le passé.
    .caseworker = L’employeur a déjà demandé des permis de travail (TWV) dans le passé.
twv-willing = L’employeur est prêt à demander le permis de travail (TWV).
    .caseworker = L’employeur est prêt à demander le permis de travail (TWV).
twv-unknown = Question : l’employeur va-t-il demander le permis de travail (TWV) ? Votre conseiller ou votre conseillère peut lui poser la question.
    .caseworker = Question : demandez à l’employeur s’il va demander le permis de travail (TWV).
volunteer-statement-held = Bénévolat : pas besoin de permis de travail. L’organisation a une déclaration de bénévolat (vrijwilligersverklaring) de l’UWV.
    .caseworker = Bénévolat : pas besoin de permis de travail ; l’organisation a une déclaration de bénévolat (vrijwilligersverklaring) de l’UWV.
volunteer-statement-unknown = Question : le bénévolat ne demande pas de permis de travail, mais l’organisation a besoin d’une déclaration de bénévolat (vrijwilligersverklaring) de l’UWV. L’a-t-elle ? Sinon, elle peut la demander. L’UWV décide dans un délai d’environ { $weeks } semaines, et vous pouvez commencer dès que l’UWV a confirmé avoir reçu la demande.
    .caseworker = Question : le bénévolat ne demande pas de permis de travail, mais l’organisation a besoin d’une déclaration de bénévolat (vrijwilligersverklaring) de l’UWV. L’a-t-elle ? Sinon, elle peut la demander : l’UWV décide dans un délai d’environ { $weeks } semaines, et le travail peut commencer dès que l’UWV a confirmé avoir reçu la demande.
twv-unwilling = L’employeur ne demandera pas de permis de travail (TWV).
    .caseworker = L’employeur ne demandera pas de permis de travail (TWV).
language-met = Niveau { $level } demandé en { $lang-name }. Votre niveau : { $held }.
    .caseworker = Niveau { $level } demandé en { $lang-name } ; niveau du participant : { $held }.
language-gap = Niveau { $level } demandé en { $lang-name }. Votre niveau : { $held }. Cela fait environ { $weeks } semaines d’apprentissage de la langue.
    .caseworker = Niveau { $level } demandé en { $lang-name } ; niveau du participant : { $held }. Environ { $weeks } semaines d’apprentissage de la langue.
language-too-far = Niveau { $level } demandé en { $lang-name }. Votre niveau : { $held }. C’est trop loin pour le moment.
    .caseworker = Niveau { $level } demandé en { $lang-name } ; niveau du participant : { $held }. C’est trop loin pour le moment.
language-unknown = Question : quel est votre niveau en { $lang-name } ? Le niveau { $level } est demandé.
    .caseworker = Question : quel est le niveau du participant en { $lang-name } ? Le niveau { $level } est demandé.
certificate-held = Vous avez « { $cert-name } ».
    .caseworker = Le participant a « { $cert-name } ».
registration-held = Profession réglementée : vous avez « { $registration-name } ».
    .caseworker = Profession réglementée : le participant a « { $registration-name } ».
registration-route = Profession réglementée : ce poste demande « { $registration-name } » ({ $authority }). Le parcours : { $route }. Il dure en général de { $weeks_min } à { $weeks_max } semaines et coûte environ { $cost_min }–{ $cost_max } €. Il comprend le néerlandais au niveau { $dutch }. Source : { $source }.
    .caseworker = Profession réglementée : ce poste demande « { $registration-name } » ({ $authority }). Le parcours : { $route }. Il dure en général de { $weeks_min } à { $weeks_max } semaines et coûte environ { $cost_min }–{ $cost_max } € ; il comprend le néerlandais au niveau { $dutch }. Source : { $source }.
registration-unknown = Question : avez-vous « { $registration-name } » ({ $authority }) ? Ce poste l’exige. Sans cela, le parcours dure de { $weeks_min } à { $weeks_max } semaines.
    .caseworker = Question : le participant a-t-il « { $registration-name } » ({ $authority }) ? Ce poste réglementé l’exige ; sans cela, le parcours dure de { $weeks_min } à { $weeks_max } semaines.
certificate-course = L’offre demande « { $cert-name } ». Vous pouvez l’obtenir avec une formation d’environ { $weeks } semaines.
    .caseworker = L’offre demande « { $cert-name } » : une formation d’environ { $weeks } semaines.
certificate-not-obtainable = L’offre demande « { $cert-name } ». Vous ne pouvez pas l’obtenir avec une formation courte.
    .caseworker = L’offre demande « { $cert-name } », qu’on ne peut pas obtenir par une formation courte.
certificate-unknown = Question : avez-vous « { $cert-name } » ?
    .caseworker = Question : le participant a-t-il « { $cert-name } » ?
certificate-on-the-job = L’employeur vous fait obtenir « { $cert-name } » pendant le travail.
    .caseworker = L’employeur s’occupe de « { $cert-name } » pendant le travail.
licence-held = Votre permis de conduire couvre la catégorie { $licence }.
    .caseworker = Le permis de conduire du participant couvre la catégorie { $licence }.
licence-gap = Permis de conduire { $licence } demandé. Il faut environ { $weeks } semaines pour l’obtenir.
    .caseworker = Permis de conduire { $licence } demandé : environ { $weeks } semaines pour l’obtenir.
licence-too-far = Permis de conduire { $licence } demandé. C’est trop loin pour le moment.
    .caseworker = Permis de conduire { $licence } demandé : trop loin pour le moment.
licence-unknown = Question : quels permis de conduire avez-vous ? Le permis { $licence } est demandé.
    .caseworker = Question : quels permis de conduire le participant a-t-il ? Le permis { $licence } est demandé.
education-level-met = Niveau de travail et de réflexion NLQF { $nlqf } demandé. Vous avez le niveau { $held }.
    .caseworker = Niveau de travail et de réflexion NLQF { $nlqf } demandé ; le participant a le niveau { $held }.
education-diploma-recognized = Un diplôme de niveau NLQF { $nlqf } est demandé. Votre diplôme est reconnu.
    .caseworker = Un diplôme de niveau NLQF { $nlqf } est demandé ; celui du participant est reconnu.
education-evaluation-needed = Un diplôme de niveau NLQF { $nlqf } est demandé. Faites évaluer votre diplôme (IDW, environ { $weeks } semaines).
    .caseworker = Un diplôme de niveau NLQF { $nlqf } est demandé : le diplôme du participant doit être évalué (IDW, environ { $weeks } semaines).
education-evaluation-pending = Un diplôme de niveau NLQF { $nlqf } est demandé. L’évaluation de votre diplôme est en cours (environ { $weeks } semaines).
    .caseworker = Un diplôme de niveau NLQF { $nlqf } est demandé : l’évaluation du diplôme du participant est en cours (environ { $weeks } semaines).
education-evaluation-unknown = Question : votre diplôme a-t-il été évalué (IDW) ? Un diplôme de niveau NLQF { $nlqf } est demandé.
    .caseworker = Question : le diplôme du participant a-t-il été évalué (IDW) ? Un diplôme de niveau NLQF { $nlqf } est demandé.
education-too-low = Une formation de niveau NLQF { $nlqf } est demandée. Vous avez le niveau { $held }.
    .caseworker = Une formation de niveau NLQF { $nlqf } est demandée ; le participant a le niveau { $held }.
education-level-unconfirmed = Question : le niveau NLQF { $nlqf } est demandé. Vous dites avoir le niveau { $held }, mais il n’a pas été évalué. L’employeur tient-il compte de votre expérience ? Ou une évaluation (IDW) vous donnerait-elle un niveau plus élevé ?
    .caseworker = Question : un niveau de travail et de réflexion NLQF { $nlqf } est demandé ; le participant indique le niveau { $held }, sans évaluation. L’employeur tient-il compte de son expérience, ou une évaluation (IDW) lui donnerait-elle un niveau plus élevé ?
education-unknown = Question : quel est votre niveau d’études ? Le niveau NLQF { $nlqf } est demandé.
    .caseworker = Question : quel est le niveau d’études du participant ? Le niveau NLQF { $nlqf } est demandé.
experience-met = { $years } ans d’expérience sont demandés. Vous les avez.
    .caseworker = { $years } ans d’expérience sont demandés : le participant les a.
experience-short = { $years } ans d’expérience dans ce métier sont demandés.
    .caseworker = { $years } ans d’expérience dans ce métier sont demandés.
experience-unknown = Question : combien d’années avez-vous travaillé ? { $years } ans sont demandés.
    .caseworker = Question : combien d’années d’expérience professionnelle le participant a-t-il ? { $years } ans sont demandés.
distance-met = À { $km } km. Vous pouvez vous déplacer jusqu’à { $max } km.
    .caseworker = À { $km } km (le participant se déplace jusqu’à { $max } km).
distance-too-far = À { $km } km. C’est plus loin que les { $max } km que vous pouvez parcourir.
    .caseworker = À { $km } km : plus loin que les { $max } km que le participant peut parcourir.
distance-unknown = Question : quelle est la longueur du trajet ? Le lieu de travail n’est pas connu.
    .caseworker = Question : quelle est la distance du trajet ? Le lieu de travail n’est pas connu.

level-explicit = L’employeur dit que ce poste offre un développement personnel { $level-name }.
    .caseworker = L’employeur présente ce poste comme offrant un développement personnel { $level-name }.
level-label-not-for-you = L’employeur dit que ce poste offre un développement personnel { $label-name }. Pour vous, ce développement est { $level-name } : le poste n’est pas dans votre domaine, ou n’y est pas lié.
    .caseworker = L’employeur présente ce poste comme offrant un développement personnel { $label-name } ; pour le participant, ce développement est { $level-name } : le poste n’est pas dans son domaine, ou n’y est pas lié.
level-strong = Développement personnel fort : dans votre domaine ou dans le domaine que vous voulez, avec une formation ou des possibilités d’évolution.
    .caseworker = Développement personnel fort : dans le domaine actuel ou souhaité du participant, avec une formation ou des possibilités d’évolution.
level-some = Développement personnel moyen : lié à vos centres d’intérêt ou à vos compétences, avec des collègues ou des occasions de pratiquer la langue.
    .caseworker = Développement personnel moyen : lié aux centres d’intérêt ou aux compétences du participant, avec des collègues ou des occasions de pratiquer la langue.
level-minimal = Développement personnel minimal : peu de lien avec votre domaine, et peu d’apprentissage au travail.
    .caseworker = Développement personnel minimal : peu de lien avec le domaine du participant, et peu d’apprentissage au travail.
fits-preference = Correspond à votre souhait : développement personnel { $level-name } (vous avez demandé : { $preference-name }).
    .caseworker = Correspond au souhait du participant : développement personnel { $level-name } (souhait indiqué : { $preference-name }).
partly-fits-preference = Correspond en partie à votre souhait : développement personnel { $level-name } (vous avez demandé : { $preference-name }).
    .caseworker = Correspond en partie au souhait du participant : développement personnel { $level-name } (souhait indiqué : { $preference-name }).
does-not-fit-preference = Ne correspond pas à votre souhait : développement personnel { $level-name } (vous avez demandé : { $preference-name }).
    .caseworker = Ne correspond pas au souhait du participant : développement personnel { $level-name } (souhait indiqué : { $preference-name }).
preference-assumed = Vous n’avez pas dit combien vous voulez apprendre et progresser dans le travail. Nous avons choisi par défaut : { $preference-name }.
    .caseworker = Aucun souhait de développement personnel n’a été indiqué ; hypothèse retenue : { $preference-name }.
own-field = Dans votre domaine ou dans le domaine que vous voulez (ISCO { $isco }).
    .caseworker = Dans le domaine actuel ou souhaité du participant (ISCO { $isco }).
related-field = Proche de votre domaine (ISCO { $isco }).
    .caseworker = Proche du domaine du participant (ISCO { $isco }).
matched-terms = Correspond à vos compétences et à vos centres d’intérêt : { $terms }.
    .caseworker = Correspond aux compétences et aux centres d’intérêt du participant : { $terms }.
practical-application = Vous postulez de façon pratique : une journée d’essai au lieu d’un entretien.
    .caseworker = Candidature pratique : une journée d’essai au lieu d’un entretien.
appointment-flexibility = L’employeur vous donne du temps pour les rendez-vous avec l’IND et le COA.
    .caseworker = L’employeur est flexible pour les rendez-vous avec l’IND et le COA.
on-call-contract = Attention : contrat sur appel (oproepcontract, zéro heure garantie). Votre revenu n’est pas sûr.
    .caseworker = Attention : contrat sur appel (oproepcontract, zéro heure garantie), revenu incertain.
weekend-work = Avec du travail le week-end.
    .caseworker = Avec du travail le week-end.
day-parts-outside-availability = Avec du travail à des moments où vous n’êtes pas disponible : { $parts-name }.
    .caseworker = Avec du travail en dehors des moments où le participant est disponible : { $parts-name }.
hours-outside-availability = { $hours } heures par semaine. Vous êtes disponible pour { $wanted } heures.
    .caseworker = { $hours } heures par semaine ; le participant est disponible pour { $wanted } heures.
appointment-flexibility-refused = Attention : l’employeur ne donne pas de temps libre pour les rendez-vous avec l’IND et le COA, et vous en avez besoin (un rendez-vous manqué peut nuire à votre demande d’asile).
    .caseworker = Attention : l’employeur ne donne pas de temps libre pour les rendez-vous avec l’IND et le COA, alors que le participant en a besoin (un rendez-vous manqué peut nuire à une demande d’asile).
physically-demanding = Travail physiquement dur, que vous préférez éviter.
    .caseworker = Travail physiquement exigeant, que le participant préfère éviter.
not-yet-eligible = Vous pouvez commencer à travailler à partir du { $date }.
    .caseworker = Le participant peut commencer à travailler à partir du { $date }.
not-yet-eligible-by-rule = Vous pouvez commencer à travailler à partir du { $date } : selon la règle « { $rule } », compté à partir de votre demande d’asile du { $applied }.
    .caseworker = Le participant peut commencer à travailler à partir du { $date } : selon la règle « { $rule } », compté à partir de la demande d’asile du { $applied }.

step-certificate = Obtenir « { $cert-name } » (environ { $weeks } semaines)
    .caseworker = Obtenir « { $cert-name } » (environ { $weeks } semaines)
step-language = Atteindre le niveau { $level } en { $lang-name } (actuellement { $held } ; environ { $weeks } semaines)
    .caseworker = Atteindre le niveau { $level } en { $lang-name } (actuellement { $held } ; environ { $weeks } semaines)
step-licence = Obtenir le permis de conduire { $licence } (environ { $weeks } semaines)
    .caseworker = Obtenir le permis de conduire { $licence } (environ { $weeks } semaines)
step-registration = Le parcours vers « { $registration-name } » ({ $authority }) : environ { $weeks } semaines, souvent { $weeks_min }–{ $weeks_max } ; { $cost_min }–{ $cost_max } €
    .caseworker = Le parcours vers « { $registration-name } » ({ $authority }) : environ { $weeks } semaines, souvent { $weeks_min }–{ $weeks_max } ; { $cost_min }–{ $cost_max } €
step-diploma-evaluation = Faire évaluer votre diplôme par l’IDW (environ { $weeks } semaines)
    .caseworker = Faire évaluer le diplôme par l’IDW (environ { $weeks } semaines)
step-renewal = Renouveler « { $cert-name } » (date d’expiration : { $date } ; environ { $weeks } semaines)
    .caseworker = Renouveler « { $cert-name } » (date d’expiration : { $date } ; environ { $weeks } semaines)
step-employer-application = « { $cert-name } » : l’employeur en fait la demande quand il vous embauche. La décision prend jusqu’à { $weeks } semaines.
    .caseworker = « { $cert-name } » : l’employeur en fait la demande quand il embauche le participant ; la décision prend jusqu’à { $weeks } semaines.
step-terms = Coût : environ { $cost_min }–{ $cost_max } €. Payé en général par : { $who-pays }. Examen en : { $exam-languages-name }. Durée : { $effort_source }. Source : { $source }{ $verified ->
        [yes] {""}
       *[no] {" (une estimation, à confirmer)"}
    }.
    .caseworker = Coût : environ { $cost_min }–{ $cost_max } € ; payé en général par : { $who-pays }. Examen en : { $exam-languages-name }. Durée : { $effort_source }. Source : { $source }{ $verified ->
        [yes] {""}
       *[no] {" (une estimation, à confirmer)"}
    }.
step-min-age = À partir de { $age } ans : vous pouvez commencer le { $date }.
    .caseworker = À partir de { $age } ans : le participant peut commencer le { $date }.
step-min-age-unknown = Âge minimum : { $age } ans. Vérifiez votre âge avec votre conseiller ou votre conseillère (date de naissance non indiquée).
    .caseworker = Âge minimum { $age } ans : vérifiez l’âge (date de naissance non indiquée).
step-prerequisites = Il vous faut d’abord : { $prerequisites } (placé avant dans ce plan si vous ne l’avez pas).
    .caseworker = Nécessaire d’abord : { $prerequisites } (placé avant dans ce plan si le participant ne l’a pas).
plan-option = { $steps } : { $count } offres adaptées encore ouvertes quand vous aurez terminé (vers le { $finish }) ; environ { $flow } nouvelles offres de ce type par mois. Environ { $weeks } semaines au total, { $cost_min }–{ $cost_max } €.
    .caseworker = { $steps } : { $count } offres adaptées encore ouvertes quand le participant aura terminé (vers le { $finish }) ; environ { $flow } nouvelles offres de ce type par mois. Environ { $weeks } semaines au total, { $cost_min }–{ $cost_max } €.
plan-long-route-option = Plus long que votre horizon de { $horizon } semaines : { $steps }. Environ { $weeks } semaines ({ $beyond } semaines de plus que votre horizon), { $cost_min }–{ $cost_max } €. Quand vous aurez terminé (vers le { $finish }) : { $count } offres adaptées encore ouvertes, environ { $flow } nouvelles offres de ce type par mois.
    .caseworker = Au-delà de l’horizon de { $horizon } semaines du participant : { $steps }. Environ { $weeks } semaines ({ $beyond } semaines de plus que l’horizon), { $cost_min }–{ $cost_max } €. À la fin du parcours (vers le { $finish }) : { $count } offres adaptées encore ouvertes, environ { $flow } nouvelles offres de ce type par mois.
plan-closing-before-finish = { $count } autres offres adaptées sont ouvertes aujourd’hui, mais se terminent avant le { $finish }. Elles ne sont pas comptées.
    .caseworker = { $count } autres offres adaptées, ouvertes aujourd’hui, se terminent avant le { $finish } : non comptées.
plan-assumed-open = Une offre sans date de clôture est supposée rester ouverte encore { $weeks } semaines à partir d’aujourd’hui (paramètre { $key } ; une estimation).
    .caseworker = Une offre sans date de clôture est supposée rester ouverte encore { $weeks } semaines à partir d’aujourd’hui (paramètre { $key } ; une estimation).
plan-flow-window = « Nouvelles offres de ce type par mois » : offres adaptées que les mêmes étapes rendent accessibles, publiées pendant les { $weeks } dernières semaines (seulement celles encore en ligne). Les options sont classées selon ce qui est ouvert quand vous aurez terminé, plus { $months } mois de nouvelles offres, par semaine d’effort.
    .caseworker = « Nouvelles offres de ce type par mois » : offres adaptées que les mêmes étapes rendent accessibles, publiées pendant les { $weeks } dernières semaines (seulement celles encore en ligne). Les options sont classées selon ce qui est ouvert quand le participant aura terminé, plus { $months } mois de nouvelles offres, par semaine d’effort.
plan-nothing-to-unlock = Aucune étape, en { $weeks } semaines ou plus, ne vous ouvre une offre adaptée.
    .caseworker = Aucune étape, en { $weeks } semaines ou plus, ne rend accessible une offre adaptée.
plan-steps-header = À propos des étapes
    .caseworker = À propos des étapes
plan-long-route-header = Plus long que votre horizon (le long parcours)
    .caseworker = Au-delà de l’horizon (le long parcours)
exam-languages-none = pas d’examen
plan-header = Plan d’étapes pour { $id } (horizon de { $weeks } semaines) : { $near } offres presque accessibles, dont { $fitting } adaptées ; { $beyond } autres au-delà de l’horizon, dont { $fitting_beyond } adaptées
    .caseworker = Plan d’étapes pour { $id } (horizon de { $weeks } semaines) : { $near } offres presque accessibles, dont { $fitting } adaptées ; { $beyond } autres au-delà de l’horizon, dont { $fitting_beyond } adaptées
plan-option-detail = valeur { $per-week } par semaine d’effort ; { $total } offres presque accessibles ouvertes quand vous aurez terminé, adaptées ou non ; par exemple { $examples }
    .caseworker = valeur { $per-week } par semaine d’effort ; { $total } offres presque accessibles ouvertes à la fin, adaptées ou non ; par exemple { $examples }

component-self-development = Développement personnel
component-relevance = Pertinence
component-conditions = Conditions
component-twv = Permis de travail
component-language-growth = Progrès en langue
component-application = Candidature
component-distance = Distance
outcome-met = rempli
outcome-bridgeable = atteignable
outcome-blocking = bloquant
outcome-unknown = inconnu
class-eligible = accessible
class-near-miss = presque accessible
class-beyond-horizon = au-delà de l’horizon
class-blocked = bloqué

# Names used in parameters: language-name-<ISO 639-1>, level-name-<level>.
language-name-nl = néerlandais
language-name-en = anglais
language-name-ar = arabe
language-name-fr = français
language-name-de = allemand
language-name-tr = turc
language-name-fa = persan
language-name-ru = russe
language-name-uk = ukrainien
language-name-ti = tigrigna
language-name-so = somali
language-name-ps = pachto
language-name-ku = kurde
language-name-pt = portugais
language-name-es = espagnol
level-name-minimal = minimal
level-name-some = moyen
level-name-strong = fort
day-part-name-day = en journée
day-part-name-evening = le soir
day-part-name-night = la nuit

## Import
posting-quote = demandé dans l’annonce : « { $quote } »
    .caseworker = demandé dans l’annonce : « { $quote } »

## Caseworker records
employer-answer = Réponse de l’employeur le { $date } ({ $source }) : { $kind ->
    [TWV] permis de travail (TWV) : { $value }
    [VOLUNTEER_STATEMENT] a la déclaration de bénévolat : { $value }
    [ACCEPTS_LANGUAGE] accepte { $value } pour ce poste
    [WAIVES_CERTIFICATE] { $value } n’est finalement pas exigé
    [WAIVES_DRIVING_LICENCE] le permis de conduire n’est finalement pas exigé
    [WAIVES_EXPERIENCE] l’expérience n’est finalement pas exigée
   *[ACCEPTS_WITHOUT_DIPLOMA] le niveau suffit, le diplôme n’est pas exigé
}.
    .caseworker = Réponse de l’employeur le { $date } ({ $source }) : { $kind ->
        [TWV] permis de travail (TWV) : { $value }
        [VOLUNTEER_STATEMENT] a la déclaration de bénévolat : { $value }
        [ACCEPTS_LANGUAGE] accepte { $value } pour ce poste
        [WAIVES_CERTIFICATE] { $value } n’est finalement pas exigé
        [WAIVES_DRIVING_LICENCE] le permis de conduire n’est finalement pas exigé
        [WAIVES_EXPERIENCE] l’expérience n’est finalement pas exigée
       *[ACCEPTS_WITHOUT_DIPLOMA] le niveau suffit, le diplôme n’est pas exigé
    }.

## Dates and numbers (neutral). format-date orders the parts; month names in full, lower case.
format-date = { $day } { $month } { $year }
format-decimal-separator = ,
format-list-separator = { ", " }
format-group-separator = { "\u202F" }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## The printable plan (one A4 page, handed to the participant)
page-title = Votre chemin vers l’emploi
    .caseworker = Chemin vers l’emploi : { $id }
page-intro = Cette page montre les emplois qui vous conviennent le mieux aujourd’hui, les étapes qui ouvrent d’autres emplois, et les questions encore ouvertes.
    .caseworker = Cette page montre les emplois qui conviennent le mieux au participant aujourd’hui, les étapes qui ouvrent d’autres emplois, et les questions encore ouvertes.
page-matches-header = Les emplois qui vous conviennent
    .caseworker = Les emplois qui conviennent au participant
page-match-closes = Postulez avant le { $date }.
    .caseworker = Candidature avant le { $date }.
page-match-no-closing-date = Pas de date limite indiquée.
    .caseworker = Pas de date limite indiquée.
page-match-employer = Employeur : { $employer }
    .caseworker = Employeur : { $employer }
page-no-matches = Aujourd’hui, aucun des emplois qui vous conviennent ne vous est encore accessible. Les étapes ci-dessous peuvent changer cela.
    .caseworker = Aujourd’hui, aucun des emplois qui conviennent au participant ne lui est encore accessible. Les étapes ci-dessous peuvent changer cela.
page-more-matches = { $count } autres emplois vous conviennent. Demandez la liste à votre conseiller ou à votre conseillère.
    .caseworker = { $count } autres emplois conviennent au participant : voir la liste complète.
page-steps-header = Les étapes qui ouvrent d’autres emplois
    .caseworker = Les étapes qui ouvrent d’autres emplois au participant
page-no-steps = Pour le moment, aucune étape n’ouvre un emploi qui vous convient.
    .caseworker = Pour le moment, aucune étape n’ouvre un emploi qui convient au participant.
page-questions-header = Les questions encore ouvertes
    .caseworker = Les questions encore ouvertes
page-questions-intro = Votre conseiller ou votre conseillère cherche les réponses avec vous.
    .caseworker = Cherchez les réponses avec le participant.
page-no-questions = Il n’y a pas de question ouverte.
    .caseworker = Il n’y a pas de question ouverte.
page-made-on = Établi le { $date } pour { $id }.
    .caseworker = Établi le { $date } pour { $id }.
page-caseworker-label = Conseiller/conseillère
page-date-label = Date
page-signature-label = Signature

## Les tableaux de la ligne de commande (lus par les conseillers ; une seule voix)
cli-match-header = Participant { $id } : { $eligible } offres accessibles, les { $shown } meilleures affichées
cli-match-header-uncounted = Participant { $id } : les { $shown } meilleures offres affichées
cli-column-score = score
cli-column-vacancy = offre
cli-column-title = intitulé
cli-column-employer = employeur
cli-column-sector = secteur
cli-column-self-development = développement personnel
cli-fit = adéquation { $fit }
cli-no-match = (aucune offre ne remplit toutes les exigences ; voir le plan d’étapes)
cli-explain-class = Classe : { $class } ({ $code }) ; score { $score } ; BM25 { $bm25 }
cli-explain-class-ranked = Classe : { $class } ({ $code }), rang { $rank } ; score { $score } ; BM25 { $bm25 }
cli-requirements-header = Exigences :
cli-components-header = Composantes :
cli-column-weight = poids
cli-column-value = valeur
cli-column-contribution = contribution
cli-self-development = Développement personnel : { $level } pour un souhait { $preference } (adéquation { $fit }) ; signaux : { $signals }
cli-signals-none = aucun
cli-matched-terms = Termes correspondants : { $terms }
cli-reasons-header = Raisons :

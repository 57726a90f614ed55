# opstap reason texts, English. Message ids are the reason codes in kebab-case.
# Parameters: $cert and $cert-name (certificate), $lang (ISO 639-1), $level, $held,
# $weeks, $date, $licence, $nlqf, $km, $max, $terms, $isco, $preference, $count, $steps.


vacancy-closed = This vacancy closed on { $date }.
excluded-sector = You said you do not want to work in { $sector }.
excluded-occupation = You said you do not want this kind of work (ISCO { $isco }).
auth-unknown = Question: is this person allowed to work, and does the employer need a work permit (TWV)?
w-document-expired = Question: this person's W-document expired on { $date }. An employer and UWV need a valid one for a work permit: has it been renewed?
auth-not-allowed = This person is not allowed to work in the Netherlands yet.
auth-track-may-not-work = Under the rule "{ $rule }", applicants on this person's procedure track may not work.
auth-twv-after-closing = The vacancy closes on { $closes }: before a work permit (TWV) the employer applies for now could be granted (UWV decides within { $weeks } weeks).
auth-eligible-after-closing = This person may only work from { $date }, after this vacancy closes.
auth-free = No work permit needed: residence permit with free access to work.
auth-notification-only = No work permit needed: the employer only notifies UWV.
twv-experienced = The employer has applied for work permits (TWV) before.
twv-willing = The employer is willing to apply for the work permit (TWV).
twv-unknown = Question: ask the employer whether they will apply for the work permit (TWV).
volunteer-statement-held = Volunteer work: no work permit needed; the organisation holds a volunteer statement from UWV.
volunteer-statement-unknown = Question: volunteer work needs no work permit, but the organisation needs a volunteer statement (vrijwilligersverklaring) from UWV. Does it have one? If not, it can apply: UWV decides within about { $weeks } weeks, and the work may start once UWV has confirmed receipt.
twv-unwilling = The employer will not apply for a work permit (TWV).
language-met = { $lang-name } at level { $level } is asked; you have { $held }.
language-gap = { $lang-name } at level { $level } is asked; you have { $held }. About { $weeks } weeks of language learning.
language-too-far = { $lang-name } at level { $level } is asked; you have { $held }. That is too far for now.
language-unknown = Question: what is this person's level in { $lang-name }? Level { $level } is asked.
certificate-held = You have { $cert-name }.
registration-held = Regulated profession: you hold the { $registration-name }.
registration-route = Regulated profession: this job needs the { $registration-name } ({ $authority }). The route: { $route }. It usually takes { $weeks_min } to { $weeks_max } weeks and costs about €{ $cost_min }–{ $cost_max }; Dutch at { $dutch } is part of it. Source: { $source }.
registration-unknown = Question: does this person hold the { $registration-name } ({ $authority })? This regulated job needs it; without it the route takes { $weeks_min } to { $weeks_max } weeks.
certificate-course = { $cert-name } is asked: a course of about { $weeks } weeks.
certificate-not-obtainable = { $cert-name } is asked and cannot be obtained by a short course.
certificate-unknown = Question: does this person have { $cert-name }?
certificate-on-the-job = The employer provides { $cert-name } on the job.
licence-held = Your driving licence covers category { $licence }.
licence-gap = Driving licence { $licence } is asked: about { $weeks } weeks to obtain it.
licence-too-far = Driving licence { $licence } is asked: too far for now.
licence-unknown = Question: which driving licences does this person have? { $licence } is asked.
education-level-met = Work and thinking level NLQF { $nlqf } is asked; you have level { $held }.
education-diploma-recognized = Diploma at NLQF { $nlqf } is asked; yours is recognised.
education-evaluation-needed = A diploma at NLQF { $nlqf } is asked: have your diploma evaluated (IDW, about { $weeks } weeks).
education-evaluation-pending = A diploma at NLQF { $nlqf } is asked: your diploma evaluation is under way (about { $weeks } weeks).
education-evaluation-unknown = Question: has this person's diploma been evaluated (IDW)? A diploma at NLQF { $nlqf } is asked.
education-too-low = Education at NLQF { $nlqf } is asked; you have level { $held }.
education-level-unconfirmed = Question: a work-and-thinking level of NLQF { $nlqf } is asked; this person reports level { $held }, not evaluated. Does the employer count their experience, or would an evaluation (IDW) place them higher?
education-unknown = Question: what is this person's education level? NLQF { $nlqf } is asked.
experience-met = { $years } years of experience asked: you have them.
experience-short = { $years } years of experience in this field are asked.
experience-unknown = Question: how much work experience does this person have? { $years } years are asked.
distance-met = { $km } km away (you travel up to { $max } km).
distance-too-far = { $km } km away: further than the { $max } km you can travel.
distance-unknown = Question: how far is the commute? The location is not known.

level-explicit = The employer labels this job as { $level-name } self-development.
level-label-not-for-you = The employer labels this job as { $label-name } self-development; for you it is { $level-name }: the job is not in your own field, or is not linked to it.
level-strong = Strong self-development: in your own or desired field, with training or a career path.
level-some = Some self-development: linked to your interests or skills, with language practice or colleagues.
level-minimal = Minimal self-development: little link to your field, and little learning on the job.
fits-preference = Fits your wish: { $level-name } self-development (you asked for { $preference-name }).
partly-fits-preference = Partly fits your wish: { $level-name } self-development (you asked for { $preference-name }).
does-not-fit-preference = Does not fit your wish: { $level-name } self-development (you asked for { $preference-name }).
preference-assumed = No wish for self-development was given; { $preference-name } was assumed.
own-field = In your own or desired field (ISCO { $isco }).
related-field = Related to your field (ISCO { $isco }).
matched-terms = Matches your skills and interests: { $terms }.
practical-application = Practical application: a trial day instead of an interview.
appointment-flexibility = The employer is flexible for IND and COA appointments.
on-call-contract = Warning: on-call contract (zero hours), income is uncertain.
weekend-work = Includes weekend work.
day-parts-outside-availability = Includes work outside your available times: { $parts-name }.
hours-outside-availability = { $hours } hours a week; you are available for { $wanted }.
appointment-flexibility-refused = Warning: the employer gives no time off for IND and COA appointments, which you need (a missed appointment can harm an asylum case).
physically-demanding = Physically demanding work, which you prefer to avoid.
not-yet-eligible = May start work from { $date }.
not-yet-eligible-by-rule = May start work from { $date }: by the rule "{ $rule }", counted from the asylum application on { $applied }.

step-certificate = Obtain { $cert-name } (about { $weeks } weeks)
step-language = Reach { $lang-name } { $level } (now { $held }; about { $weeks } weeks)
step-licence = Obtain driving licence { $licence } (about { $weeks } weeks)
step-registration = The route to the { $registration-name } ({ $authority }): about { $weeks } weeks, often { $weeks_min }–{ $weeks_max }; €{ $cost_min }–{ $cost_max }
step-diploma-evaluation = Have your diploma evaluated by IDW (about { $weeks } weeks)
step-renewal = Renew { $cert-name } (expired on { $date }; about { $weeks } weeks)
step-employer-application = { $cert-name }: the employer asks for it when hiring you; the decision takes up to { $weeks } weeks
step-terms = Costs about €{ $cost_min }–{ $cost_max }; usually paid by: { $who_pays_en }. Exam in: { $exam-languages-name }. Time: { $effort_source }. Source: { $source }{ $verified ->
        [yes] {""}
       *[no] {" (an estimate, to be confirmed)"}
    }.
step-min-age = From age { $age }: you can start this on { $date }.
step-min-age-unknown = Minimum age { $age }: check the age (no birth date given).
step-prerequisites = Needs first: { $prerequisites } (put before it in this plan when you lack it).
plan-option = { $steps }: { $count } fitting vacancies still open when you finish (around { $finish }); about { $flow } new ones a month like these. About { $weeks } weeks in all, €{ $cost_min }–{ $cost_max }.
plan-long-route-option = Beyond your { $horizon }-week horizon: { $steps }. About { $weeks } weeks ({ $beyond } more than your horizon), €{ $cost_min }–{ $cost_max }. When you finish (around { $finish }): { $count } fitting vacancies still open, about { $flow } new ones a month like these.
plan-closing-before-finish = { $count } more fitting vacancies, open today, close before { $finish }: not counted.
plan-assumed-open = A vacancy without a closing date is assumed to stay open { $weeks } more weeks from today (setting { $key }; an estimate).
plan-flow-window = "New ones a month like these": fitting vacancies that the same steps open, posted in the last { $weeks } weeks (only those still listed). Options are ordered by what is open when you finish plus { $months } months of new ones, per week of effort.
plan-nothing-to-unlock = No step, within { $weeks } weeks or longer, opens a fitting vacancy.
plan-steps-header = About the steps
plan-long-route-header = Beyond your horizon (the long route)
exam-languages-none = no exam
plan-header = step plan for { $id } (horizon { $weeks } weeks): { $near } near misses, { $fitting } of them fitting; { $beyond } more beyond the horizon, { $fitting_beyond } of them fitting
plan-option-detail = value { $per-week } per week of effort; { $total } near misses open when done, fitting or not; for example { $examples }

component-self-development = Self-development
component-relevance = Relevance
component-conditions = Conditions
component-twv = Work permit
component-language-growth = Language growth
component-application = Application
component-distance = Distance
outcome-met = met
outcome-bridgeable = bridgeable
outcome-blocking = blocking
outcome-unknown = unknown
class-eligible = eligible
class-near-miss = near miss
class-beyond-horizon = beyond horizon
class-blocked = blocked

# Names used in parameters: language-name-<ISO 639-1>, level-name-<level>.
language-name-nl = Dutch
language-name-en = English
language-name-ar = Arabic
language-name-fr = French
language-name-de = German
language-name-tr = Turkish
language-name-fa = Persian
language-name-ru = Russian
language-name-uk = Ukrainian
language-name-ti = Tigrinya
language-name-so = Somali
language-name-ps = Pashto
language-name-ku = Kurdish
language-name-pt = Portuguese
language-name-es = Spanish
level-name-minimal = minimal
level-name-some = some
level-name-strong = strong
day-part-name-day = daytime
day-part-name-evening = evenings
day-part-name-night = nights

## Import
posting-quote = asked in the posting: “{ $quote }”

## Caseworker records
employer-answer = Answered by the employer on { $date } ({ $source }): { $kind ->
    [TWV] work permit (TWV) { $value }
    [VOLUNTEER_STATEMENT] holds the volunteer statement: { $value }
    [ACCEPTS_LANGUAGE] accepts { $value } for this job
    [WAIVES_CERTIFICATE] { $value } is not required after all
    [WAIVES_DRIVING_LICENCE] the driving licence is not required after all
    [WAIVES_EXPERIENCE] the experience is not required after all
   *[ACCEPTS_WITHOUT_DIPLOMA] the level is enough, the diploma is not required
}.

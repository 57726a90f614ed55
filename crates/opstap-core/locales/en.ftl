### opstap reason and plan texts, English (en).
### review-status: written by the developers in English (the reference catalog)
### Each message's value speaks to the participant ("you"); its .caseworker attribute speaks
### about the participant, to a caseworker. Names and labels have one voice only.
### Message ids of reasons are the reason codes in kebab-case. Parameters: $cert-name,
### $lang-name, $level, $held, $weeks, $date, $licence, $nlqf, $km, $max, $isco, $count, …

vacancy-closed = This vacancy closed on { $date }.
    .caseworker = This vacancy closed on { $date }.
excluded-sector = You said you do not want to work in { $sector }.
    .caseworker = The participant does not want to work in { $sector }.
excluded-occupation = You said you do not want this kind of work (ISCO { $isco }).
    .caseworker = The participant does not want this kind of work (ISCO { $isco }).
auth-unknown = Question: are you allowed to work, and does the employer need a work permit (TWV) for you?
    .caseworker = Question: is the participant allowed to work, and does the employer need a work permit (TWV)?
w-document-expired = Question: your W-document expired on { $date }. An employer and UWV need a valid one for a work permit. Has it been renewed?
    .caseworker = Question: the participant's W-document expired on { $date }. An employer and UWV need a valid one for a work permit. Has it been renewed?
auth-not-allowed = You are not allowed to work in the Netherlands yet.
    .caseworker = The participant is not allowed to work in the Netherlands yet.
auth-track-may-not-work = Under the rule "{ $rule }", people in your asylum procedure may not work.
    .caseworker = Under the rule "{ $rule }", applicants on the participant's procedure track may not work.
auth-twv-after-closing = The vacancy closes on { $closes }. That is before a work permit (TWV) could be ready if the employer applied now (UWV decides within { $weeks } weeks).
    .caseworker = The vacancy closes on { $closes }: before a work permit (TWV) the employer applies for now could be granted (UWV decides within { $weeks } weeks).
auth-eligible-after-closing = You may only work from { $date }. The vacancy closes before that.
    .caseworker = The participant may only work from { $date }, after this vacancy closes.
auth-free = No work permit needed: your residence permit lets you work freely.
    .caseworker = No work permit needed: residence permit with free access to work.
auth-notification-only = No work permit needed: the employer only tells UWV.
    .caseworker = No work permit needed: the employer only notifies UWV.
twv-experienced = The employer has applied for work permits (TWV) before.
    .caseworker = The employer has applied for work permits (TWV) before.
twv-willing = The employer is willing to apply for the work permit (TWV).
    .caseworker = The employer is willing to apply for the work permit (TWV).
twv-unknown = Question: will the employer apply for the work permit (TWV)? Your caseworker can ask.
    .caseworker = Question: ask the employer whether they will apply for the work permit (TWV).
volunteer-statement-held = Volunteer work: no work permit needed. The organisation has a volunteer statement from UWV.
    .caseworker = Volunteer work: no work permit needed; the organisation holds a volunteer statement from UWV.
volunteer-statement-unknown = Question: volunteer work needs no work permit, but the organisation needs a volunteer statement (vrijwilligersverklaring) from UWV. Does it have one? If not, it can ask for one. UWV decides within about { $weeks } weeks, and you may start once UWV has confirmed it received the request.
    .caseworker = Question: volunteer work needs no work permit, but the organisation needs a volunteer statement (vrijwilligersverklaring) from UWV. Does it have one? If not, it can apply: UWV decides within about { $weeks } weeks, and the work may start once UWV has confirmed receipt.
twv-unwilling = The employer will not apply for a work permit (TWV).
    .caseworker = The employer will not apply for a work permit (TWV).
language-met = { $lang-name } at level { $level } is asked. You have { $held }.
    .caseworker = { $lang-name } at level { $level } is asked; the participant has { $held }.
language-gap = { $lang-name } at level { $level } is asked. You have { $held }. That is about { $weeks } weeks of language learning.
    .caseworker = { $lang-name } at level { $level } is asked; the participant has { $held }. About { $weeks } weeks of language learning.
language-too-far = { $lang-name } at level { $level } is asked. You have { $held }. That is too far for now.
    .caseworker = { $lang-name } at level { $level } is asked; the participant has { $held }. That is too far for now.
language-unknown = Question: what is your level in { $lang-name }? Level { $level } is asked.
    .caseworker = Question: what is the participant's level in { $lang-name }? Level { $level } is asked.
certificate-held = You have { $cert-name }.
    .caseworker = The participant has { $cert-name }.
registration-held = Regulated profession: you have the { $registration-name }.
    .caseworker = Regulated profession: the participant holds the { $registration-name }.
registration-route = Regulated profession: this job needs the { $registration-name } ({ $authority }). The route: { $route }. It usually takes { $weeks_min } to { $weeks_max } weeks and costs about €{ $cost_min }–{ $cost_max }. Dutch at { $dutch } is part of it. Source: { $source }.
    .caseworker = Regulated profession: this job needs the { $registration-name } ({ $authority }). The route: { $route }. It usually takes { $weeks_min } to { $weeks_max } weeks and costs about €{ $cost_min }–{ $cost_max }; Dutch at { $dutch } is part of it. Source: { $source }.
registration-unknown = Question: do you have the { $registration-name } ({ $authority })? This job needs it. Without it, the route takes { $weeks_min } to { $weeks_max } weeks.
    .caseworker = Question: does the participant hold the { $registration-name } ({ $authority })? This regulated job needs it; without it the route takes { $weeks_min } to { $weeks_max } weeks.
certificate-course = { $cert-name } is asked. You can get it with a course of about { $weeks } weeks.
    .caseworker = { $cert-name } is asked: a course of about { $weeks } weeks.
certificate-not-obtainable = { $cert-name } is asked. You cannot get it with a short course.
    .caseworker = { $cert-name } is asked and cannot be obtained by a short course.
certificate-unknown = Question: do you have { $cert-name }?
    .caseworker = Question: does the participant have { $cert-name }?
certificate-on-the-job = The employer gives you { $cert-name } on the job.
    .caseworker = The employer provides { $cert-name } on the job.
licence-held = Your driving licence covers category { $licence }.
    .caseworker = The participant's driving licence covers category { $licence }.
licence-gap = Driving licence { $licence } is asked. It takes about { $weeks } weeks to get it.
    .caseworker = Driving licence { $licence } is asked: about { $weeks } weeks to obtain it.
licence-too-far = Driving licence { $licence } is asked. That is too far for now.
    .caseworker = Driving licence { $licence } is asked: too far for now.
licence-unknown = Question: which driving licences do you have? { $licence } is asked.
    .caseworker = Question: which driving licences does the participant have? { $licence } is asked.
education-level-met = Work and thinking level NLQF { $nlqf } is asked. You have level { $held }.
    .caseworker = Work and thinking level NLQF { $nlqf } is asked; the participant has level { $held }.
education-diploma-recognized = A diploma at NLQF { $nlqf } is asked. Yours is recognised.
    .caseworker = A diploma at NLQF { $nlqf } is asked; the participant's is recognised.
education-evaluation-needed = A diploma at NLQF { $nlqf } is asked. Have your diploma evaluated (IDW, about { $weeks } weeks).
    .caseworker = A diploma at NLQF { $nlqf } is asked: the participant's diploma needs an evaluation (IDW, about { $weeks } weeks).
education-evaluation-pending = A diploma at NLQF { $nlqf } is asked. Your diploma evaluation is under way (about { $weeks } weeks).
    .caseworker = A diploma at NLQF { $nlqf } is asked: the participant's diploma evaluation is under way (about { $weeks } weeks).
education-evaluation-unknown = Question: has your diploma been evaluated (IDW)? A diploma at NLQF { $nlqf } is asked.
    .caseworker = Question: has the participant's diploma been evaluated (IDW)? A diploma at NLQF { $nlqf } is asked.
education-too-low = Education at NLQF { $nlqf } is asked. You have level { $held }.
    .caseworker = Education at NLQF { $nlqf } is asked; the participant has level { $held }.
education-level-unconfirmed = Question: level NLQF { $nlqf } is asked. You say you have level { $held }, but it has not been evaluated. Does the employer count your experience? Or would an evaluation (IDW) place you higher?
    .caseworker = Question: a work-and-thinking level of NLQF { $nlqf } is asked; the participant reports level { $held }, not evaluated. Does the employer count their experience, or would an evaluation (IDW) place them higher?
education-unknown = Question: what is your level of education? NLQF { $nlqf } is asked.
    .caseworker = Question: what is the participant's education level? NLQF { $nlqf } is asked.
experience-met = { $years } years of experience are asked. You have them.
    .caseworker = { $years } years of experience are asked: the participant has them.
experience-short = { $years } years of experience in this field are asked.
    .caseworker = { $years } years of experience in this field are asked.
experience-unknown = Question: how many years have you worked? { $years } years are asked.
    .caseworker = Question: how much work experience does the participant have? { $years } years are asked.
distance-met = { $km } km away. You can travel up to { $max } km.
    .caseworker = { $km } km away (the participant travels up to { $max } km).
distance-too-far = { $km } km away. That is further than the { $max } km you can travel.
    .caseworker = { $km } km away: further than the { $max } km the participant can travel.
distance-unknown = Question: how far is the journey? The place of work is not known.
    .caseworker = Question: how far is the commute? The location is not known.

level-explicit = The employer calls this a job with { $level-name } self-development.
    .caseworker = The employer labels this job as { $level-name } self-development.
level-label-not-for-you = The employer calls this a job with { $label-name } self-development. For you it is { $level-name }: the job is not in your own field, or not linked to it.
    .caseworker = The employer labels this job as { $label-name } self-development; for the participant it is { $level-name }: the job is not in their own field, or is not linked to it.
level-strong = Strong self-development: in your own field or the field you want, with training or a career path.
    .caseworker = Strong self-development: in the participant's own or desired field, with training or a career path.
level-some = Some self-development: linked to your interests or skills, with language practice or colleagues.
    .caseworker = Some self-development: linked to the participant's interests or skills, with language practice or colleagues.
level-minimal = Minimal self-development: little link to your field, and little learning on the job.
    .caseworker = Minimal self-development: little link to the participant's field, and little learning on the job.
fits-preference = Fits your wish: { $level-name } self-development (you asked for { $preference-name }).
    .caseworker = Fits the participant's wish: { $level-name } self-development (asked for: { $preference-name }).
partly-fits-preference = Partly fits your wish: { $level-name } self-development (you asked for { $preference-name }).
    .caseworker = Partly fits the participant's wish: { $level-name } self-development (asked for: { $preference-name }).
does-not-fit-preference = Does not fit your wish: { $level-name } self-development (you asked for { $preference-name }).
    .caseworker = Does not fit the participant's wish: { $level-name } self-development (asked for: { $preference-name }).
preference-assumed = You did not say how much you want to learn and grow in the job. We assumed { $preference-name }.
    .caseworker = No wish for self-development was given; { $preference-name } was assumed.
own-field = In your own field or the field you want (ISCO { $isco }).
    .caseworker = In the participant's own or desired field (ISCO { $isco }).
related-field = Related to your field (ISCO { $isco }).
    .caseworker = Related to the participant's field (ISCO { $isco }).
matched-terms = Matches your skills and interests: { $terms }.
    .caseworker = Matches the participant's skills and interests: { $terms }.
practical-application = You apply in a practical way: a trial day instead of an interview.
    .caseworker = Practical application: a trial day instead of an interview.
appointment-flexibility = The employer gives you time for IND and COA appointments.
    .caseworker = The employer is flexible for IND and COA appointments.
on-call-contract = Careful: on-call contract (zero hours). Your income is not certain.
    .caseworker = Warning: on-call contract (zero hours), income is uncertain.
weekend-work = Includes weekend work.
    .caseworker = Includes weekend work.
day-parts-outside-availability = Includes work at times you are not available: { $parts-name }.
    .caseworker = Includes work outside the participant's available times: { $parts-name }.
hours-outside-availability = { $hours } hours a week. You are available for { $wanted }.
    .caseworker = { $hours } hours a week; the participant is available for { $wanted }.
appointment-flexibility-refused = Careful: the employer gives no time off for IND and COA appointments, and you need them (a missed appointment can harm your asylum case).
    .caseworker = Warning: the employer gives no time off for IND and COA appointments, which the participant needs (a missed appointment can harm an asylum case).
physically-demanding = Physically hard work, which you prefer to avoid.
    .caseworker = Physically demanding work, which the participant prefers to avoid.
not-yet-eligible = You may start work from { $date }.
    .caseworker = The participant may start work from { $date }.
not-yet-eligible-by-rule = You may start work from { $date }: by the rule "{ $rule }", counted from your asylum application on { $applied }.
    .caseworker = The participant may start work from { $date }: by the rule "{ $rule }", counted from the asylum application on { $applied }.

step-certificate = Get { $cert-name } (about { $weeks } weeks)
    .caseworker = Obtain { $cert-name } (about { $weeks } weeks)
step-language = Reach { $lang-name } { $level } (now { $held }; about { $weeks } weeks)
    .caseworker = Reach { $lang-name } { $level } (now { $held }; about { $weeks } weeks)
step-licence = Get driving licence { $licence } (about { $weeks } weeks)
    .caseworker = Obtain driving licence { $licence } (about { $weeks } weeks)
step-registration = The route to the { $registration-name } ({ $authority }): about { $weeks } weeks, often { $weeks_min }–{ $weeks_max }; €{ $cost_min }–{ $cost_max }
    .caseworker = The route to the { $registration-name } ({ $authority }): about { $weeks } weeks, often { $weeks_min }–{ $weeks_max }; €{ $cost_min }–{ $cost_max }
step-diploma-evaluation = Have your diploma evaluated by IDW (about { $weeks } weeks)
    .caseworker = Have the diploma evaluated by IDW (about { $weeks } weeks)
step-renewal = Renew { $cert-name } (it expired on { $date }; about { $weeks } weeks)
    .caseworker = Renew { $cert-name } (expired on { $date }; about { $weeks } weeks)
step-employer-application = { $cert-name }: the employer asks for it when they hire you. The decision takes up to { $weeks } weeks.
    .caseworker = { $cert-name }: the employer asks for it when hiring the participant; the decision takes up to { $weeks } weeks.
step-terms = Costs about €{ $cost_min }–{ $cost_max }. Usually paid by: { $who-pays }. Exam in: { $exam-languages-name }. Time: { $effort_source }. Source: { $source }{ $verified ->
        [yes] {""}
       *[no] {" (an estimate, to be confirmed)"}
    }.
    .caseworker = Costs about €{ $cost_min }–{ $cost_max }; usually paid by: { $who-pays }. Exam in: { $exam-languages-name }. Time: { $effort_source }. Source: { $source }{ $verified ->
        [yes] {""}
       *[no] {" (an estimate, to be confirmed)"}
    }.
step-min-age = From age { $age }: you can start this on { $date }.
    .caseworker = From age { $age }: the participant can start this on { $date }.
step-min-age-unknown = Minimum age { $age }: check your age with your caseworker (no birth date given).
    .caseworker = Minimum age { $age }: check the age (no birth date given).
step-prerequisites = You need this first: { $prerequisites } (put before it in this plan if you do not have it).
    .caseworker = Needs first: { $prerequisites } (put before it in this plan when the participant lacks it).
plan-option = { $steps }: { $count } fitting vacancies still open when you finish (around { $finish }); about { $flow } new ones a month like these. About { $weeks } weeks in all, €{ $cost_min }–{ $cost_max }.
    .caseworker = { $steps }: { $count } fitting vacancies still open when the participant finishes (around { $finish }); about { $flow } new ones a month like these. About { $weeks } weeks in all, €{ $cost_min }–{ $cost_max }.
plan-long-route-option = Longer than your { $horizon }-week horizon: { $steps }. About { $weeks } weeks ({ $beyond } more than your horizon), €{ $cost_min }–{ $cost_max }. When you finish (around { $finish }): { $count } fitting vacancies still open, about { $flow } new ones a month like these.
    .caseworker = Beyond the participant's { $horizon }-week horizon: { $steps }. About { $weeks } weeks ({ $beyond } more than the horizon), €{ $cost_min }–{ $cost_max }. When finished (around { $finish }): { $count } fitting vacancies still open, about { $flow } new ones a month like these.
plan-closing-before-finish = { $count } more fitting vacancies are open today but close before { $finish }. They are not counted.
    .caseworker = { $count } more fitting vacancies, open today, close before { $finish }: not counted.
plan-assumed-open = A vacancy without a closing date is assumed to stay open { $weeks } more weeks from today (setting { $key }; an estimate).
    .caseworker = A vacancy without a closing date is assumed to stay open { $weeks } more weeks from today (setting { $key }; an estimate).
plan-flow-window = "New ones a month like these": fitting vacancies that the same steps open, posted in the last { $weeks } weeks (only those still listed). Options are ordered by what is open when you finish plus { $months } months of new ones, per week of effort.
    .caseworker = "New ones a month like these": fitting vacancies that the same steps open, posted in the last { $weeks } weeks (only those still listed). Options are ordered by what is open when the participant finishes plus { $months } months of new ones, per week of effort.
plan-nothing-to-unlock = No step, within { $weeks } weeks or longer, opens a fitting vacancy for you.
    .caseworker = No step, within { $weeks } weeks or longer, opens a fitting vacancy.
plan-steps-header = About the steps
    .caseworker = About the steps
plan-long-route-header = Longer than your horizon (the long route)
    .caseworker = Beyond the horizon (the long route)
exam-languages-none = no exam
plan-header = Step plan for { $id } (horizon { $weeks } weeks): { $near } near misses, { $fitting } of them fitting; { $beyond } more beyond the horizon, { $fitting_beyond } of them fitting
    .caseworker = Step plan for { $id } (horizon { $weeks } weeks): { $near } near misses, { $fitting } of them fitting; { $beyond } more beyond the horizon, { $fitting_beyond } of them fitting
plan-option-detail = value { $per-week } per week of effort; { $total } near misses open when you finish, fitting or not; for example { $examples }
    .caseworker = value { $per-week } per week of effort; { $total } near misses open when done, fitting or not; for example { $examples }

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
    .caseworker = asked in the posting: “{ $quote }”

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
    .caseworker = Answered by the employer on { $date } ({ $source }): { $kind ->
        [TWV] work permit (TWV) { $value }
        [VOLUNTEER_STATEMENT] holds the volunteer statement: { $value }
        [ACCEPTS_LANGUAGE] accepts { $value } for this job
        [WAIVES_CERTIFICATE] { $value } is not required after all
        [WAIVES_DRIVING_LICENCE] the driving licence is not required after all
        [WAIVES_EXPERIENCE] the experience is not required after all
       *[ACCEPTS_WITHOUT_DIPLOMA] the level is enough, the diploma is not required
    }.

## Dates and numbers (neutral). format-date orders the parts; month names in full.
format-date = { $day } { $month } { $year }
format-decimal-separator = .
format-list-separator = { ", " }
format-group-separator = ,
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## The printable plan (one A4 page, handed to the participant)
page-title = Your way to work
    .caseworker = Way to work: { $id }
page-intro = This page shows the jobs that fit you best today, the steps that open more jobs, and the questions that are still open.
    .caseworker = This page shows the jobs that fit the participant best today, the steps that open more jobs, and the questions that are still open.
page-matches-header = Jobs that fit you
    .caseworker = Jobs that fit the participant
page-match-closes = Apply before { $date }.
    .caseworker = Apply before { $date }.
page-match-no-closing-date = No closing date given.
    .caseworker = No closing date given.
page-match-employer = Employer: { $employer }
    .caseworker = Employer: { $employer }
page-no-matches = Today there is no job that fits you and that you may already do. The steps below can change that.
    .caseworker = Today there is no job that fits the participant and that they may already do. The steps below can change that.
page-more-matches = { $count } more jobs fit you. Ask your caseworker for the list.
    .caseworker = { $count } more jobs fit the participant: see the full list.
page-steps-header = Steps that open more jobs
    .caseworker = Steps that open more jobs for the participant
page-no-steps = Right now no step opens a job that fits you.
    .caseworker = Right now no step opens a job that fits the participant.
page-questions-header = Questions that are still open
    .caseworker = Questions that are still open
page-questions-intro = Your caseworker looks for the answers together with you.
    .caseworker = Look for the answers together with the participant.
page-no-questions = There are no open questions.
    .caseworker = There are no open questions.
page-made-on = Made on { $date } for { $id }.
    .caseworker = Made on { $date } for { $id }.
page-caseworker-label = Caseworker
page-date-label = Date
page-signature-label = Signature

## The command line's tables (read by caseworkers; one voice)
cli-match-header = Participant { $id }: { $eligible } eligible vacancies, best { $shown } shown
cli-match-header-uncounted = Participant { $id }: best { $shown } shown
cli-column-score = score
cli-column-vacancy = vacancy
cli-column-title = title
cli-column-employer = employer
cli-column-sector = sector
cli-column-self-development = self-development
cli-fit = fit { $fit }
cli-no-match = (no vacancy meets every hard requirement; see the step plan)
cli-explain-class = Class: { $class } ({ $code }); score { $score }; BM25 { $bm25 }
cli-explain-class-ranked = Class: { $class } ({ $code }), rank { $rank }; score { $score }; BM25 { $bm25 }
cli-requirements-header = Requirements:
cli-components-header = Components:
cli-column-weight = weight
cli-column-value = value
cli-column-contribution = contribution
cli-self-development = Self-development: { $level } for a wish of { $preference } (fit { $fit }); signals: { $signals }
cli-signals-none = none
cli-matched-terms = Matched terms: { $terms }
cli-reasons-header = Reasons:

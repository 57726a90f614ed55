# opstap reason texts, English. Message ids are the reason codes in kebab-case.
# Parameters: $cert and $cert-name (certificate), $lang (ISO 639-1), $level, $held,
# $weeks, $date, $licence, $nlqf, $km, $max, $terms, $isco, $preference, $count, $steps.


vacancy-closed = This vacancy closed on { $date }.
excluded-sector = You said you do not want to work in { $sector }.
excluded-occupation = You said you do not want this kind of work (ISCO { $isco }).
auth-unknown = Question: is this person allowed to work, and does the employer need a work permit (TWV)?
auth-not-allowed = This person is not allowed to work in the Netherlands yet.
auth-eligible-after-closing = This person may only work from { $date }, after this vacancy closes.
auth-free = No work permit needed: residence permit with free access to work.
auth-notification-only = No work permit needed: the employer only notifies UWV.
twv-experienced = The employer has applied for work permits (TWV) before.
twv-willing = The employer is willing to apply for the work permit (TWV).
twv-unknown = Question: ask the employer whether they will apply for the work permit (TWV).
twv-unwilling = The employer will not apply for a work permit (TWV).
language-met = { $lang-name } at level { $level } is asked; you have { $held }.
language-gap = { $lang-name } at level { $level } is asked; you have { $held }. About { $weeks } weeks of language learning.
language-too-far = { $lang-name } at level { $level } is asked; you have { $held }. That is too far for now.
language-unknown = Question: what is this person's level in { $lang-name }? Level { $level } is asked.
certificate-held = You have { $cert-name }.
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
not-yet-eligible = May start work from { $date }.

step-certificate = Obtain { $cert-name } (about { $weeks } weeks)
step-language = Reach { $lang-name } { $level } (now { $held }; about { $weeks } weeks)
step-licence = Obtain driving licence { $licence } (about { $weeks } weeks)
step-diploma-evaluation = Have your diploma evaluated by IDW (about { $weeks } weeks)
plan-option = { $steps }: +{ $count } fitting vacancies (about { $weeks } weeks in all)
plan-header = step plan for { $id } (horizon { $weeks } weeks): { $near } near misses, { $fitting } of them fitting
plan-option-detail = { $per-week } fitting vacancies per week of effort; { $total } unlocked in all; e.g. { $examples }
plan-nothing-to-unlock = No single step within { $weeks } weeks unlocks a fitting vacancy.

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

### opstap reason and plan texts, Arabic (ar).
### review-status: machine-drafted, not reviewed by a native speaker (2026-12-01)
### Plain MSA, second person (MSA has no formal/informal split); gender-neutral wording where possible, else masculine; Latin digits; units singular after numbers; Egyptian/Gulf month names (يناير…ديسمبر).


vacancy-closed = أُغلق باب التقديم على هذه الوظيفة في { $date }.
    .caseworker = أُغلق باب التقديم على هذه الوظيفة في { $date }.
excluded-sector = قلت إنك لا تريد العمل في قطاع { $sector }.
    .caseworker = لا يريد المشارك العمل في قطاع { $sector }.
excluded-occupation = قلت إنك لا تريد هذا النوع من العمل (ISCO { $isco }).
    .caseworker = لا يريد المشارك هذا النوع من العمل (ISCO { $isco }).
auth-unknown = سؤال: هل يُسمح لك بالعمل، وهل يحتاج صاحب العمل إلى تصريح عمل (TWV) لتوظيفك؟
    .caseworker = سؤال: هل يُسمح للمشارك بالعمل، وهل يحتاج صاحب العمل إلى تصريح عمل (TWV)؟
w-document-expired = سؤال: انتهت صلاحية وثيقة W (W-document) الخاصة بك في { $date }. لطلب تصريح العمل يحتاج صاحب العمل وهيئة UWV إلى وثيقة سارية: هل جُدِّدت؟
    .caseworker = سؤال: انتهت صلاحية وثيقة W (W-document) الخاصة بالمشارك في { $date }. لطلب تصريح العمل يحتاج صاحب العمل وهيئة UWV إلى وثيقة سارية: هل جُدِّدت؟
auth-not-allowed = لا يُسمح لك بالعمل في هولندا بعد.
    .caseworker = لا يُسمح للمشارك بالعمل في هولندا بعد.
auth-track-may-not-work = بحسب القاعدة «{ $rule }»، لا يُسمح بالعمل للأشخاص الذين هم في مسار اللجوء نفسه الذي أنت فيه.
    .caseworker = بحسب القاعدة «{ $rule }»، لا يُسمح بالعمل لطالبي اللجوء في مسار الإجراءات الذي فيه المشارك.
auth-twv-after-closing = يُغلق باب التقديم على الوظيفة في { $closes }. وهذا قبل أن يصبح تصريح العمل (TWV) جاهزًا لو طلبه صاحب العمل الآن (يقرر UWV خلال { $weeks } أسبوع).
    .caseworker = يُغلق باب التقديم على الوظيفة في { $closes }، أي قبل أن يُمنح تصريح العمل (TWV) لو طلبه صاحب العمل الآن (يقرر UWV خلال { $weeks } أسبوع).
auth-eligible-after-closing = لا يُسمح لك بالعمل إلا ابتداءً من { $date }. ويُغلق باب التقديم على هذه الوظيفة قبل ذلك.
    .caseworker = لا يُسمح للمشارك بالعمل إلا ابتداءً من { $date }، أي بعد إغلاق باب التقديم على هذه الوظيفة.
auth-free = لا حاجة إلى تصريح عمل: تصريح إقامتك يسمح لك بالعمل بحرية (arbeid vrij toegestaan).
    .caseworker = لا حاجة إلى تصريح عمل: تصريح إقامة يسمح بالعمل بحرية (arbeid vrij toegestaan).
auth-notification-only = لا حاجة إلى تصريح عمل: يكفي أن يُخبر صاحب العمل هيئة UWV.
    .caseworker = لا حاجة إلى تصريح عمل: يكفي أن يُبلغ صاحب العمل هيئة UWV.
twv-experienced = سبق لصاحب العمل أن طلب تصاريح عمل (TWV).
    .caseworker = سبق لصاحب العمل أن طلب تصاريح عمل (TWV).
twv-willing = صاحب العمل مستعد لطلب تصريح العمل (TWV).
    .caseworker = صاحب العمل مستعد لطلب تصريح العمل (TWV).
twv-unknown = سؤال: هل سيطلب صاحب العمل تصريح العمل (TWV)؟ يمكن لمرشدك أن يسأله.
    .caseworker = سؤال: اسأل صاحب العمل هل سيطلب تصريح العمل (TWV).
volunteer-statement-held = عمل تطوعي: لا حاجة إلى تصريح عمل. لدى المنظمة إفادة تطوع (vrijwilligersverklaring) من UWV.
    .caseworker = عمل تطوعي: لا حاجة إلى تصريح عمل؛ لدى المنظمة إفادة تطوع (vrijwilligersverklaring) من UWV.
volunteer-statement-unknown = سؤال: العمل التطوعي لا يحتاج إلى تصريح عمل، لكن المنظمة تحتاج إلى إفادة تطوع (vrijwilligersverklaring) من UWV. هل لديها هذه الإفادة؟ إن لم تكن لديها، يمكنها أن تطلبها. يقرر UWV خلال نحو { $weeks } أسبوع، ويمكنك البدء بعد أن يؤكد UWV أنه استلم الطلب.
    .caseworker = سؤال: العمل التطوعي لا يحتاج إلى تصريح عمل، لكن المنظمة تحتاج إلى إفادة تطوع (vrijwilligersverklaring) من UWV. هل لديها هذه الإفادة؟ إن لم تكن لديها، يمكنها أن تطلبها: يقرر UWV خلال نحو { $weeks } أسبوع، ويمكن بدء العمل بعد أن يؤكد UWV استلام الطلب.
twv-unwilling = لن يطلب صاحب العمل تصريح عمل (TWV).
    .caseworker = لن يطلب صاحب العمل تصريح عمل (TWV).
language-met = المطلوب: { $lang-name } بمستوى { $level }. ومستواك { $held }.
    .caseworker = المطلوب: { $lang-name } بمستوى { $level }؛ ومستوى المشارك { $held }.
language-gap = المطلوب: { $lang-name } بمستوى { $level }. ومستواك { $held }. يلزم نحو { $weeks } أسبوع من تعلّم اللغة.
    .caseworker = المطلوب: { $lang-name } بمستوى { $level }؛ ومستوى المشارك { $held }. يلزم نحو { $weeks } أسبوع من تعلّم اللغة.
language-too-far = المطلوب: { $lang-name } بمستوى { $level }. ومستواك { $held }. الفرق كبير جدًا في الوقت الحالي.
    .caseworker = المطلوب: { $lang-name } بمستوى { $level }؛ ومستوى المشارك { $held }. الفرق كبير جدًا في الوقت الحالي.
language-unknown = سؤال: ما مستواك في { $lang-name }؟ المستوى المطلوب { $level }.
    .caseworker = سؤال: ما مستوى المشارك في { $lang-name }؟ المستوى المطلوب { $level }.
certificate-held = لديك { $cert-name }.
    .caseworker = لدى المشارك { $cert-name }.
registration-held = مهنة منظَّمة: لديك { $registration-name }.
    .caseworker = مهنة منظَّمة: لدى المشارك { $registration-name }.
registration-route = مهنة منظَّمة: تحتاج هذه الوظيفة إلى { $registration-name } ({ $authority }). الطريق: { $route }. يستغرق ذلك عادةً من { $weeks_min } إلى { $weeks_max } أسبوع، والتكلفة من { $cost_min } إلى { $cost_max } يورو تقريبًا؛ ويشمل ذلك اللغة الهولندية بمستوى { $dutch }. المصدر: { $source }.
    .caseworker = مهنة منظَّمة: تحتاج هذه الوظيفة إلى { $registration-name } ({ $authority }). الطريق: { $route }. يستغرق ذلك عادةً من { $weeks_min } إلى { $weeks_max } أسبوع، والتكلفة من { $cost_min } إلى { $cost_max } يورو تقريبًا؛ ويشمل ذلك اللغة الهولندية بمستوى { $dutch }. المصدر: { $source }.
registration-unknown = سؤال: هل لديك { $registration-name } ({ $authority })؟ هذه الوظيفة تحتاج إلى ذلك. ومن دونه يستغرق الطريق من { $weeks_min } إلى { $weeks_max } أسبوع.
    .caseworker = سؤال: هل لدى المشارك { $registration-name } ({ $authority })؟ هذه الوظيفة المنظَّمة تحتاج إلى ذلك؛ ومن دونه يستغرق الطريق من { $weeks_min } إلى { $weeks_max } أسبوع.
certificate-course = المطلوب: { $cert-name }. ويمكنك الحصول على ذلك بدورة مدتها نحو { $weeks } أسبوع.
    .caseworker = المطلوب: { $cert-name }، وتكفي دورة مدتها نحو { $weeks } أسبوع.
certificate-not-obtainable = المطلوب: { $cert-name }. ولا يمكنك الحصول على ذلك بدورة قصيرة.
    .caseworker = المطلوب: { $cert-name }، ولا يمكن الحصول على ذلك بدورة قصيرة.
certificate-unknown = سؤال: هل لديك { $cert-name }؟
    .caseworker = سؤال: هل لدى المشارك { $cert-name }؟
certificate-on-the-job = يوفّر لك صاحب العمل { $cert-name } أثناء العمل.
    .caseworker = يوفّر صاحب العمل { $cert-name } أثناء العمل.
licence-held = رخصة القيادة التي لديك تشمل الفئة { $licence }.
    .caseworker = رخصة القيادة التي لدى المشارك تشمل الفئة { $licence }.
licence-gap = المطلوب: رخصة القيادة من الفئة { $licence }. الحصول عليها يستغرق نحو { $weeks } أسبوع.
    .caseworker = المطلوب: رخصة القيادة من الفئة { $licence }؛ الحصول عليها يستغرق نحو { $weeks } أسبوع.
licence-too-far = المطلوب: رخصة القيادة من الفئة { $licence }. وهذا بعيد جدًا في الوقت الحالي.
    .caseworker = المطلوب: رخصة القيادة من الفئة { $licence }؛ وهذا بعيد جدًا في الوقت الحالي.
licence-unknown = سؤال: ما رخص القيادة التي لديك؟ المطلوب: الفئة { $licence }.
    .caseworker = سؤال: ما رخص القيادة التي لدى المشارك؟ المطلوب: الفئة { $licence }.
education-level-met = المطلوب: مستوى العمل والتفكير NLQF { $nlqf }. ومستواك { $held }.
    .caseworker = المطلوب: مستوى العمل والتفكير NLQF { $nlqf }؛ ومستوى المشارك { $held }.
education-diploma-recognized = المطلوب: شهادة دراسية بمستوى NLQF { $nlqf }. وشهادتك معترف بها.
    .caseworker = المطلوب: شهادة دراسية بمستوى NLQF { $nlqf }؛ وشهادة المشارك معترف بها.
education-evaluation-needed = المطلوب: شهادة دراسية بمستوى NLQF { $nlqf }. يلزم تقييم شهادتك لدى IDW (نحو { $weeks } أسبوع).
    .caseworker = المطلوب: شهادة دراسية بمستوى NLQF { $nlqf }: يلزم تقييم شهادة المشارك لدى IDW (نحو { $weeks } أسبوع).
education-evaluation-pending = المطلوب: شهادة دراسية بمستوى NLQF { $nlqf }. تقييم شهادتك جارٍ (نحو { $weeks } أسبوع).
    .caseworker = المطلوب: شهادة دراسية بمستوى NLQF { $nlqf }: تقييم شهادة المشارك جارٍ (نحو { $weeks } أسبوع).
education-evaluation-unknown = سؤال: هل قُيِّمت شهادتك الدراسية (IDW)؟ المطلوب: شهادة دراسية بمستوى NLQF { $nlqf }.
    .caseworker = سؤال: هل قُيِّمت شهادة المشارك الدراسية (IDW)؟ المطلوب: شهادة دراسية بمستوى NLQF { $nlqf }.
education-too-low = المطلوب: تعليم بمستوى NLQF { $nlqf }. ومستواك { $held }.
    .caseworker = المطلوب: تعليم بمستوى NLQF { $nlqf }؛ ومستوى المشارك { $held }.
education-level-unconfirmed = سؤال: المطلوب مستوى NLQF { $nlqf }. حسب قولك مستواك { $held }، لكنه لم يُقيَّم. هل يحتسب صاحب العمل خبرتك؟ أم أن تقييم الشهادة (IDW) قد يضعك في مستوى أعلى؟
    .caseworker = سؤال: المطلوب مستوى العمل والتفكير NLQF { $nlqf }؛ ومستوى المشارك حسب قوله { $held }، ولم يُقيَّم. هل يحتسب صاحب العمل خبرته، أم أن تقييم الشهادة (IDW) قد يضعه في مستوى أعلى؟
education-unknown = سؤال: ما مستواك التعليمي؟ المطلوب: NLQF { $nlqf }.
    .caseworker = سؤال: ما المستوى التعليمي للمشارك؟ المطلوب: NLQF { $nlqf }.
experience-met = سنوات الخبرة المطلوبة: { $years }. ولديك هذه الخبرة.
    .caseworker = سنوات الخبرة المطلوبة: { $years }، ولدى المشارك هذه الخبرة.
experience-short = سنوات الخبرة المطلوبة في هذا المجال: { $years }.
    .caseworker = سنوات الخبرة المطلوبة في هذا المجال: { $years }.
experience-unknown = سؤال: كم سنة عملت؟ سنوات الخبرة المطلوبة: { $years }.
    .caseworker = سؤال: كم سنة من الخبرة العملية لدى المشارك؟ سنوات الخبرة المطلوبة: { $years }.
distance-met = على بعد { $km } كم. يمكنك التنقل حتى { $max } كم.
    .caseworker = على بعد { $km } كم (يمكن للمشارك التنقل حتى { $max } كم).
distance-too-far = على بعد { $km } كم. وهذا أبعد من المسافة التي يمكنك قطعها ({ $max } كم).
    .caseworker = على بعد { $km } كم: أبعد من المسافة التي يمكن للمشارك قطعها ({ $max } كم).
distance-unknown = سؤال: كم تبعد الرحلة إلى العمل؟ مكان العمل غير معروف.
    .caseworker = سؤال: ما مسافة التنقل إلى العمل؟ مكان العمل غير معروف.

level-explicit = يصف صاحب العمل هذه الوظيفة بأن مستوى تطوير الذات فيها { $level-name }.
    .caseworker = يصف صاحب العمل هذه الوظيفة بأن مستوى تطوير الذات فيها { $level-name }.
level-label-not-for-you = يصف صاحب العمل هذه الوظيفة بأن مستوى تطوير الذات فيها { $label-name }. أما بالنسبة إليك فهو { $level-name }: فالوظيفة ليست في مجالك، أو لا صلة لها به.
    .caseworker = يصف صاحب العمل هذه الوظيفة بأن مستوى تطوير الذات فيها { $label-name }؛ أما بالنسبة إلى المشارك فهو { $level-name }: فالوظيفة ليست في مجاله، أو لا صلة لها به.
level-strong = مستوى تطوير الذات قوي: في مجالك أو في المجال المرغوب، مع تدريب أو فرصة للترقّي.
    .caseworker = مستوى تطوير الذات قوي: في مجال المشارك أو في المجال الذي يرغب فيه، مع تدريب أو فرصة للترقّي.
level-some = مستوى تطوير الذات متوسط: مرتبط باهتماماتك أو مهاراتك، مع فرصة لممارسة اللغة أو للعمل مع زملاء.
    .caseworker = مستوى تطوير الذات متوسط: مرتبط باهتمامات المشارك أو مهاراته، مع فرصة لممارسة اللغة أو للعمل مع زملاء.
level-minimal = مستوى تطوير الذات ضئيل: صلة قليلة بمجالك، وتعلّم قليل أثناء العمل.
    .caseworker = مستوى تطوير الذات ضئيل: صلة قليلة بمجال المشارك، وتعلّم قليل أثناء العمل.
fits-preference = يناسب رغبتك: مستوى تطوير الذات { $level-name } (طلبت مستوى { $preference-name }).
    .caseworker = يناسب رغبة المشارك: مستوى تطوير الذات { $level-name } (المطلوب: { $preference-name }).
partly-fits-preference = يناسب رغبتك جزئيًا: مستوى تطوير الذات { $level-name } (طلبت مستوى { $preference-name }).
    .caseworker = يناسب رغبة المشارك جزئيًا: مستوى تطوير الذات { $level-name } (المطلوب: { $preference-name }).
does-not-fit-preference = لا يناسب رغبتك: مستوى تطوير الذات { $level-name } (طلبت مستوى { $preference-name }).
    .caseworker = لا يناسب رغبة المشارك: مستوى تطوير الذات { $level-name } (المطلوب: { $preference-name }).
preference-assumed = لم تُذكر رغبتك في التعلّم والتطوّر في العمل. لذلك افترضنا مستوى { $preference-name }.
    .caseworker = لم تُذكر رغبة بشأن تطوير الذات؛ فافتُرض مستوى { $preference-name }.
own-field = في مجالك أو في المجال المرغوب (ISCO { $isco }).
    .caseworker = في مجال المشارك أو في المجال الذي يرغب فيه (ISCO { $isco }).
related-field = مرتبط بمجالك (ISCO { $isco }).
    .caseworker = مرتبط بمجال المشارك (ISCO { $isco }).
matched-terms = يناسب مهاراتك واهتماماتك: { $terms }.
    .caseworker = يناسب مهارات المشارك واهتماماته: { $terms }.
practical-application = التقديم عملي: يوم تجريبي بدلًا من مقابلة عمل.
    .caseworker = تقديم عملي: يوم تجريبي بدلًا من مقابلة عمل.
appointment-flexibility = يعطيك صاحب العمل وقتًا لمواعيد IND ومواعيد COA.
    .caseworker = صاحب العمل مرن بشأن مواعيد IND ومواعيد COA.
on-call-contract = تنبيه: عقد عند الطلب (oproepcontract، بلا ساعات عمل مضمونة). دخلك غير مضمون.
    .caseworker = تنبيه: عقد عند الطلب (oproepcontract، بلا ساعات عمل مضمونة)، والدخل غير مضمون.
weekend-work = يشمل العمل في عطلة نهاية الأسبوع.
    .caseworker = يشمل العمل في عطلة نهاية الأسبوع.
day-parts-outside-availability = يشمل عملًا في أوقات لا تناسبك: { $parts-name }.
    .caseworker = يشمل عملًا خارج الأوقات المتاحة للمشارك: { $parts-name }.
hours-outside-availability = ساعات العمل في الأسبوع: { $hours }. والساعات المتاحة لك: { $wanted }.
    .caseworker = ساعات العمل في الأسبوع: { $hours }؛ والساعات المتاحة للمشارك: { $wanted }.
appointment-flexibility-refused = تنبيه: لا يعطي صاحب العمل وقتًا لحضور مواعيد IND ومواعيد COA، وهذه المواعيد ضرورية لك (تفويت موعد قد يضر بملف لجوئك).
    .caseworker = تنبيه: لا يعطي صاحب العمل وقتًا لحضور مواعيد IND ومواعيد COA، وهذه المواعيد ضرورية للمشارك (تفويت موعد قد يضر بملف اللجوء).
physically-demanding = عمل شاق بدنيًا، وأنت تفضّل تجنّبه.
    .caseworker = عمل شاق بدنيًا، والمشارك يفضّل تجنّبه.
not-yet-eligible = يمكنك بدء العمل ابتداءً من { $date }.
    .caseworker = يمكن للمشارك بدء العمل ابتداءً من { $date }.
not-yet-eligible-by-rule = يمكنك بدء العمل ابتداءً من { $date }: بحسب القاعدة «{ $rule }»، محسوبًا من تاريخ طلب لجوئك في { $applied }.
    .caseworker = يمكن للمشارك بدء العمل ابتداءً من { $date }: بحسب القاعدة «{ $rule }»، محسوبًا من تاريخ طلب اللجوء في { $applied }.

step-certificate = الحصول على { $cert-name } (نحو { $weeks } أسبوع)
    .caseworker = الحصول على { $cert-name } (نحو { $weeks } أسبوع)
step-language = الوصول إلى مستوى { $level } في { $lang-name } (مستواك الآن { $held }؛ نحو { $weeks } أسبوع)
    .caseworker = الوصول إلى مستوى { $level } في { $lang-name } (مستوى المشارك الآن { $held }؛ نحو { $weeks } أسبوع)
step-licence = الحصول على رخصة القيادة من الفئة { $licence } (نحو { $weeks } أسبوع)
    .caseworker = الحصول على رخصة القيادة من الفئة { $licence } (نحو { $weeks } أسبوع)
step-registration = الطريق إلى { $registration-name } ({ $authority }): نحو { $weeks } أسبوع، وغالبًا من { $weeks_min } إلى { $weeks_max }؛ التكلفة من { $cost_min } إلى { $cost_max } يورو
    .caseworker = الطريق إلى { $registration-name } ({ $authority }): نحو { $weeks } أسبوع، وغالبًا من { $weeks_min } إلى { $weeks_max }؛ التكلفة من { $cost_min } إلى { $cost_max } يورو
step-diploma-evaluation = تقييم شهادتك الدراسية لدى IDW (نحو { $weeks } أسبوع)
    .caseworker = تقييم شهادة المشارك الدراسية لدى IDW (نحو { $weeks } أسبوع)
step-renewal = تجديد { $cert-name } (انتهت الصلاحية في { $date }؛ نحو { $weeks } أسبوع)
    .caseworker = تجديد { $cert-name } (انتهت الصلاحية في { $date }؛ نحو { $weeks } أسبوع)
step-employer-application = { $cert-name }: يقدّم صاحب العمل الطلب عند توظيفك. ويستغرق القرار حتى { $weeks } أسبوع.
    .caseworker = { $cert-name }: يقدّم صاحب العمل الطلب عند توظيف المشارك؛ ويستغرق القرار حتى { $weeks } أسبوع.
step-terms = التكلفة من { $cost_min } إلى { $cost_max } يورو تقريبًا. من يدفع: { $who-pays }. لغات الامتحان: { $exam-languages-name }. مصدر المدة: { $effort_source }. المصدر: { $source }{ $verified ->
        [yes] {""}
       *[no] {" (تقدير، يحتاج إلى تأكيد)"}
    }.
    .caseworker = التكلفة من { $cost_min } إلى { $cost_max } يورو تقريبًا؛ من يدفع: { $who-pays }. لغات الامتحان: { $exam-languages-name }. مصدر المدة: { $effort_source }. المصدر: { $source }{ $verified ->
        [yes] {""}
       *[no] {" (تقدير، يحتاج إلى تأكيد)"}
    }.
step-min-age = من عمر { $age } سنة: يمكنك البدء بهذه الخطوة في { $date }.
    .caseworker = من عمر { $age } سنة: يمكن للمشارك البدء بهذه الخطوة في { $date }.
step-min-age-unknown = الحد الأدنى للعمر { $age } سنة: يجب التحقق من عمرك مع مرشدك (لم يُذكر تاريخ الميلاد).
    .caseworker = الحد الأدنى للعمر { $age } سنة: يجب التحقق من العمر (لم يُذكر تاريخ الميلاد).
step-prerequisites = يلزمك أولًا: { $prerequisites } (يأتي قبل هذه الخطوة في الخطة إن لم يكن لديك).
    .caseworker = يلزم أولًا: { $prerequisites } (يأتي قبل هذه الخطوة في الخطة إن لم يكن لدى المشارك).
plan-option = { $steps }: { $count } وظيفة شاغرة مناسبة ستبقى مفتوحة عند الانتهاء (نحو { $finish })؛ ونحو { $flow } وظيفة جديدة مثلها كل شهر. المجموع نحو { $weeks } أسبوع، والتكلفة من { $cost_min } إلى { $cost_max } يورو.
    .caseworker = { $steps }: { $count } وظيفة شاغرة مناسبة ستبقى مفتوحة عند الانتهاء (نحو { $finish })؛ ونحو { $flow } وظيفة جديدة مثلها كل شهر. المجموع نحو { $weeks } أسبوع، والتكلفة من { $cost_min } إلى { $cost_max } يورو.
plan-long-route-option = أطول من أفقك الزمني ({ $horizon } أسبوع): { $steps }. نحو { $weeks } أسبوع (أي { $beyond } أسبوع أكثر من أفقك الزمني)، والتكلفة من { $cost_min } إلى { $cost_max } يورو. عند الانتهاء (نحو { $finish }): { $count } وظيفة شاغرة مناسبة ما زالت مفتوحة، ونحو { $flow } وظيفة جديدة مثلها كل شهر.
    .caseworker = أبعد من الأفق الزمني للمشارك ({ $horizon } أسبوع): { $steps }. نحو { $weeks } أسبوع (أي { $beyond } أسبوع أكثر من أفقه الزمني)، والتكلفة من { $cost_min } إلى { $cost_max } يورو. عند الانتهاء (نحو { $finish }): { $count } وظيفة شاغرة مناسبة ما زالت مفتوحة، ونحو { $flow } وظيفة جديدة مثلها كل شهر.
plan-closing-before-finish = { $count } وظيفة شاغرة مناسبة أخرى مفتوحة اليوم، لكنها تُغلق قبل { $finish }. لم تُحتسب.
    .caseworker = { $count } وظيفة شاغرة مناسبة أخرى مفتوحة اليوم، لكنها تُغلق قبل { $finish }: لم تُحتسب.
plan-assumed-open = يُفترض أن الوظيفة التي ليس لها تاريخ إغلاق تبقى مفتوحة مدةً إضافية قدرها { $weeks } أسبوع بدءًا من اليوم (الإعداد { $key }؛ تقدير).
    .caseworker = يُفترض أن الوظيفة التي ليس لها تاريخ إغلاق تبقى مفتوحة مدةً إضافية قدرها { $weeks } أسبوع بدءًا من اليوم (الإعداد { $key }؛ تقدير).
plan-flow-window = «وظيفة جديدة مثلها كل شهر»: وظائف شاغرة مناسبة تفتحها الخطوات نفسها، نُشرت في آخر { $weeks } أسبوع (فقط التي ما زالت منشورة). تُرتَّب الخيارات حسب ما يبقى مفتوحًا عند الانتهاء مع الوظائف الجديدة خلال { $months } شهر، لكل أسبوع من الجهد.
    .caseworker = «وظيفة جديدة مثلها كل شهر»: وظائف شاغرة مناسبة تفتحها الخطوات نفسها، نُشرت في آخر { $weeks } أسبوع (فقط التي ما زالت منشورة). تُرتَّب الخيارات حسب ما يبقى مفتوحًا عند الانتهاء مع الوظائف الجديدة خلال { $months } شهر، لكل أسبوع من الجهد.
plan-nothing-to-unlock = لا توجد خطوة، خلال { $weeks } أسبوع أو أكثر، تفتح لك وظيفة شاغرة مناسبة.
    .caseworker = لا توجد خطوة، خلال { $weeks } أسبوع أو أكثر، تفتح وظيفة شاغرة مناسبة.
plan-steps-header = عن الخطوات
    .caseworker = عن الخطوات
plan-long-route-header = أطول من أفقك الزمني (الطريق الطويل)
    .caseworker = خارج الأفق الزمني (الطريق الطويل)
exam-languages-none = لا يوجد امتحان
plan-header = خطة الخطوات الخاصة بـ { $id } (الأفق الزمني { $weeks } أسبوع): { $near } وظيفة قريبة من الشروط، منها { $fitting } تناسب الرغبة؛ وهناك { $beyond } أخرى خارج الأفق الزمني، منها { $fitting_beyond } تناسب الرغبة
    .caseworker = خطة الخطوات الخاصة بـ { $id } (الأفق الزمني { $weeks } أسبوع): { $near } وظيفة قريبة من الشروط، منها { $fitting } تناسب الرغبة؛ وهناك { $beyond } أخرى خارج الأفق الزمني، منها { $fitting_beyond } تناسب الرغبة
plan-option-detail = القيمة { $per-week } لكل أسبوع من الجهد؛ { $total } وظيفة قريبة من الشروط مفتوحة عند الانتهاء، تناسب الرغبة أو لا؛ مثلًا { $examples }
    .caseworker = القيمة { $per-week } لكل أسبوع من الجهد؛ { $total } وظيفة قريبة من الشروط مفتوحة عند الانتهاء، تناسب الرغبة أو لا؛ مثلًا { $examples }

component-self-development = تطوير الذات
component-relevance = الصلة بالمجال
component-conditions = شروط العمل
component-twv = تصريح العمل
component-language-growth = تنمية اللغة
component-application = طريقة التقديم
component-distance = المسافة
outcome-met = مستوفى
outcome-bridgeable = يمكن استكماله
outcome-blocking = مانع
outcome-unknown = غير معروف
class-eligible = مستوفٍ للشروط
class-near-miss = قريب من الشروط
class-beyond-horizon = خارج الأفق الزمني
class-blocked = متعذّر

# Names used in parameters: language-name-<ISO 639-1>, level-name-<level>.
language-name-nl = الهولندية
language-name-en = الإنجليزية
language-name-ar = العربية
language-name-fr = الفرنسية
language-name-de = الألمانية
language-name-tr = التركية
language-name-fa = الفارسية
language-name-ru = الروسية
language-name-uk = الأوكرانية
language-name-ti = التغرينية
language-name-so = الصومالية
language-name-ps = البشتو
language-name-ku = الكردية
language-name-pt = البرتغالية
language-name-es = الإسبانية
level-name-minimal = ضئيل
level-name-some = متوسط
level-name-strong = قوي
day-part-name-day = النهار
day-part-name-evening = المساء
day-part-name-night = الليل

## Import
posting-quote = مطلوب في إعلان الوظيفة: «{ $quote }»
    .caseworker = مطلوب في إعلان الوظيفة: «{ $quote }»

## Caseworker records
employer-answer = ردّ صاحب العمل في { $date } ({ $source }): { $kind ->
    [TWV] تصريح العمل (TWV): { $value }
    [VOLUNTEER_STATEMENT] لدى المنظمة إفادة التطوع: { $value }
    [ACCEPTS_LANGUAGE] يقبل { $value } لهذه الوظيفة
    [WAIVES_CERTIFICATE] تبيّن أنه لا حاجة إلى { $value }
    [WAIVES_DRIVING_LICENCE] تبيّن أنه لا حاجة إلى رخصة القيادة
    [WAIVES_EXPERIENCE] تبيّن أنه لا حاجة إلى الخبرة
   *[ACCEPTS_WITHOUT_DIPLOMA] المستوى كافٍ، ولا حاجة إلى الشهادة الدراسية
}.
    .caseworker = ردّ صاحب العمل في { $date } ({ $source }): { $kind ->
        [TWV] تصريح العمل (TWV): { $value }
        [VOLUNTEER_STATEMENT] لدى المنظمة إفادة التطوع: { $value }
        [ACCEPTS_LANGUAGE] يقبل { $value } لهذه الوظيفة
        [WAIVES_CERTIFICATE] تبيّن أنه لا حاجة إلى { $value }
        [WAIVES_DRIVING_LICENCE] تبيّن أنه لا حاجة إلى رخصة القيادة
        [WAIVES_EXPERIENCE] تبيّن أنه لا حاجة إلى الخبرة
       *[ACCEPTS_WITHOUT_DIPLOMA] المستوى كافٍ، ولا حاجة إلى الشهادة الدراسية
    }.

## Dates and numbers (neutral). Month names: Egyptian/Gulf set.
format-date = { $day } { $month } { $year }
format-decimal-separator = ,
format-list-separator = { "، " }
format-group-separator = .
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

## The printable plan (one A4 page, handed to the participant)
page-title = طريقك إلى العمل
    .caseworker = الطريق إلى العمل: { $id }
page-intro = تعرض هذه الصفحة الوظائف الأنسب لك اليوم، والخطوات التي تفتح لك وظائف أكثر، والأسئلة التي لم يُجَب عنها بعد.
    .caseworker = تعرض هذه الصفحة الوظائف الأنسب للمشارك اليوم، والخطوات التي تفتح وظائف أكثر، والأسئلة التي لم يُجَب عنها بعد.
page-matches-header = وظائف تناسبك
    .caseworker = وظائف تناسب المشارك
page-match-closes = يجب التقديم قبل { $date }.
    .caseworker = يجب التقديم قبل { $date }.
page-match-no-closing-date = لم يُذكر تاريخ لإغلاق باب التقديم.
    .caseworker = لم يُذكر تاريخ لإغلاق باب التقديم.
page-match-employer = صاحب العمل: { $employer }
    .caseworker = صاحب العمل: { $employer }
page-no-matches = لا توجد اليوم وظيفة تناسبك ويُسمح لك بالعمل فيها الآن. الخطوات المذكورة أدناه يمكن أن تغيّر ذلك.
    .caseworker = لا توجد اليوم وظيفة تناسب المشارك ويُسمح له بالعمل فيها الآن. الخطوات المذكورة أدناه يمكن أن تغيّر ذلك.
page-more-matches = توجد { $count } وظيفة أخرى تناسبك. يمكن لمرشدك أن يعطيك القائمة.
    .caseworker = توجد { $count } وظيفة أخرى تناسب المشارك: انظر القائمة الكاملة.
page-steps-header = خطوات تفتح لك وظائف أكثر
    .caseworker = خطوات تفتح للمشارك وظائف أكثر
page-no-steps = لا توجد الآن خطوة تفتح لك وظيفة تناسبك.
    .caseworker = لا توجد الآن خطوة تفتح وظيفة تناسب المشارك.
page-questions-header = أسئلة لم يُجَب عنها بعد
    .caseworker = أسئلة لم يُجَب عنها بعد
page-questions-intro = يبحث مرشدك معك عن الأجوبة.
    .caseworker = ابحث عن الأجوبة مع المشارك.
page-no-questions = لا توجد أسئلة مفتوحة.
    .caseworker = لا توجد أسئلة مفتوحة.
page-made-on = أُعدّت هذه الصفحة في { $date } من أجل { $id }.
    .caseworker = أُعدّت هذه الصفحة في { $date } من أجل { $id }.
page-caseworker-label = المرشد
page-date-label = التاريخ
page-signature-label = التوقيع

## جداول سطر الأوامر (يقرؤها المرشدون؛ صيغة واحدة)
cli-match-header = المشارك { $id }: { $eligible } وظيفة مستوفية للشروط، تُعرض أفضل { $shown }
cli-match-header-uncounted = المشارك { $id }: تُعرض أفضل { $shown }
cli-column-score = الدرجة
cli-column-vacancy = الوظيفة
cli-column-title = المسمى
cli-column-employer = صاحب العمل
cli-column-sector = القطاع
cli-column-self-development = تطوير الذات
cli-fit = التوافق { $fit }
cli-no-match = (لا توجد وظيفة تستوفي كل الشروط الأساسية؛ انظر خطة الخطوات)
cli-explain-class = الفئة: { $class } ({ $code })؛ الدرجة { $score }؛ BM25 { $bm25 }
cli-explain-class-ranked = الفئة: { $class } ({ $code })، الترتيب { $rank }؛ الدرجة { $score }؛ BM25 { $bm25 }
cli-requirements-header = الشروط:
cli-components-header = المكوّنات:
cli-column-weight = الوزن
cli-column-value = القيمة
cli-column-contribution = المساهمة
cli-self-development = تطوير الذات: { $level } مقابل رغبة { $preference } (التوافق { $fit })؛ المؤشرات: { $signals }
cli-signals-none = لا شيء
cli-matched-terms = الكلمات المطابقة: { $terms }
cli-reasons-header = الأسباب:

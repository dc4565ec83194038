//! The words of a class: what learners and the instructor read while
//! following, answering and tallying, in English and Chinese.

use crate::class::{QuestionTally, SlipKind, Snapshot};
use crate::lesson::{Lang, Lesson};

/// The fixed words of a class in one language.
#[derive(Debug)]
pub struct ClassWords {
    /// Asks for the join code when `--code` is not given.
    pub code_prompt: &'static str,
    pub waiting: &'static str,
    pub wrong_code: &'static str,
    pub other_version: &'static str,
    pub refused_garbage: &'static str,
    pub ended: &'static str,
    pub following: &'static str,
    /// The header when stepped away (the TUI's key is F).
    pub away: &'static str,
    /// The plain learner's version of [`ClassWords::away`].
    pub away_plain: &'static str,
    pub back_following: &'static str,
    pub locked: &'static str,
    pub locked_now: &'static str,
    pub freed_now: &'static str,
    pub hold: &'static str,
    pub marked_done: &'static str,
    pub not_held: &'static str,
    pub learner_commands: &'static str,
    pub unknown_learner_command: &'static str,
    pub lesson_refused: &'static str,
    pub lesson_missing: &'static str,
    pub reveal_head: &'static str,
    pub teacher_commands: &'static str,
    pub unknown_teacher_command: &'static str,
    pub locked_ack: &'static str,
    pub freed_ack: &'static str,
    pub hold_ack: &'static str,
    pub reveal_ack: &'static str,
    pub wrong_code_notice: &'static str,
    pub no_questions: &'static str,
    pub no_learners: &'static str,
    pub panel_title: &'static str,
    pub report_title: &'static str,
    pub most_struggled: &'static str,
    pub common_slips: &'static str,
    pub none_yet: &'static str,
    pub playing: &'static str,
    pub paused: &'static str,
    /// The TUI's lock refusal (keys, not commands).
    pub locked_tui: &'static str,
    pub freed_tui: &'static str,
    pub hold_tui: &'static str,
    pub not_held_tui: &'static str,
    pub waiting_header: &'static str,
    pub ended_header: &'static str,
    pub no_step_questions: &'static str,
    pub recent: &'static str,
    pub not_revealed: &'static str,
    pub learner_panel_note: &'static str,
}

const EN: ClassWords = ClassWords {
    code_prompt: "Join code: ",
    waiting: "Waiting for the instructor…",
    wrong_code: "The join code is wrong; ask the instructor for it.",
    other_version: "The instructor runs another version of nnstep; use the same version.",
    refused_garbage: "The class did not understand this nnstep.",
    ended: "The instructor has ended the class.",
    following: "following",
    away: "away — press F to rejoin",
    away_plain: "away — type follow to rejoin",
    back_following: "Following the instructor again.",
    locked: "The instructor has locked the class: you follow along for now.",
    locked_now: "The instructor has locked the class.",
    freed_now: "The instructor has freed the class: you may step away.",
    hold: "The instructor holds the class here: type done when you have finished.",
    marked_done: "Marked done.",
    not_held: "Nothing to mark done: the instructor is not holding this step.",
    learner_commands: "Commands: next, back, goto N, follow, done. While a question waits, start them with ':' (:next).",
    unknown_learner_command: "Not a command here.",
    lesson_refused: "The instructor's lesson does not pass the checks of nnstep check:",
    lesson_missing: "This nnstep has no lesson with the instructor's id.",
    reveal_head: "The class so far:",
    teacher_commands: "Commands: next, prev, goto N, play, pause, epoch [N], lock, free, hold, reveal, status, end",
    unknown_teacher_command: "Not a command.",
    locked_ack: "Locked: learners follow.",
    freed_ack: "Freed: learners may step away.",
    hold_ack: "Holding here until learners mark it done.",
    reveal_ack: "The tally of this step is shown to the class.",
    wrong_code_notice: "A wrong join code was refused.",
    no_questions: "This lesson has no questions.",
    no_learners: "No learners yet.",
    panel_title: "Class",
    report_title: "Class report",
    most_struggled: "Questions by how many struggled",
    common_slips: "Most common slips",
    none_yet: "none yet",
    playing: "playing",
    paused: "paused",
    locked_tui: "Locked by the instructor: you follow along for now.",
    freed_tui: "The instructor has freed the class: you may step away (F rejoins).",
    hold_tui: "The instructor holds the class here: press D when you have finished.",
    not_held_tui: "Nothing to mark done: the instructor is not holding this step.",
    waiting_header: "waiting for the instructor",
    ended_header: "class ended",
    no_step_questions: "No questions on this step.",
    recent: "Recent",
    not_revealed: "The instructor has not shown the class's answers for this step yet.",
    learner_panel_note: "Only counts are shown: nobody sees who answered what.",
};

const ZH: ClassWords = ClassWords {
    code_prompt: "加入码：",
    waiting: "正在等待讲师……",
    wrong_code: "加入码不对，请向讲师索取。",
    other_version: "讲师用的 nnstep 版本不同，请用同一版本。",
    refused_garbage: "课堂无法识别这个 nnstep。",
    ended: "讲师已结束本次课堂。",
    following: "跟随中",
    away: "已离开——按 F 回到讲师处",
    away_plain: "已离开——输入 follow 回到讲师处",
    back_following: "已回到讲师所在的位置。",
    locked: "讲师已锁定课堂：现在请跟随讲师。",
    locked_now: "讲师已锁定课堂。",
    freed_now: "讲师已解除锁定：可以自行浏览。",
    hold: "讲师让全班停在这一步：完成后输入 done。",
    marked_done: "已标记完成。",
    not_held: "讲师没有停在这一步，无需标记完成。",
    learner_commands: "命令：next、back、goto N、follow、done。有题目等待作答时，命令前加“:”（如 :next）。",
    unknown_learner_command: "这里没有这个命令。",
    lesson_refused: "讲师的课程没有通过 nnstep check 的检查：",
    lesson_missing: "这个 nnstep 没有讲师所用编号的课程。",
    reveal_head: "全班目前的情况：",
    teacher_commands: "命令：next、prev、goto N、play、pause、epoch [N]、lock、free、hold、reveal、status、end",
    unknown_teacher_command: "没有这个命令。",
    locked_ack: "已锁定：学员跟随讲师。",
    freed_ack: "已解除锁定：学员可以自行浏览。",
    hold_ack: "停在这一步，直到学员标记完成。",
    reveal_ack: "已向全班展示这一步的统计。",
    wrong_code_notice: "拒绝了一个错误的加入码。",
    no_questions: "这个课程没有题目。",
    no_learners: "还没有学员加入。",
    panel_title: "课堂",
    report_title: "课堂报告",
    most_struggled: "按遇到困难的人数排列的题目",
    common_slips: "最常见的失误",
    none_yet: "暂无",
    playing: "播放中",
    paused: "已暂停",
    locked_tui: "讲师已锁定课堂：现在请跟随讲师。",
    freed_tui: "讲师已解除锁定：可以自行浏览（按 F 回到讲师处）。",
    hold_tui: "讲师让全班停在这一步：完成后按 D。",
    not_held_tui: "讲师没有停在这一步，无需标记完成。",
    waiting_header: "正在等待讲师",
    ended_header: "课堂已结束",
    no_step_questions: "这一步没有题目。",
    recent: "最近",
    not_revealed: "讲师还没有公布这一步全班的答题情况。",
    learner_panel_note: "这里只显示人数，谁也看不到谁答了什么。",
};

/// The class words for `lang`.
#[must_use]
pub fn class_words(lang: Lang) -> &'static ClassWords {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// A slip kind in a few words (the tally's column).
#[must_use]
pub fn slip_kind(lang: Lang, s: SlipKind) -> &'static str {
    match (lang, s) {
        (Lang::En, SlipKind::Sign) => "sign",
        (Lang::Zh, SlipKind::Sign) => "符号",
        (Lang::En, SlipKind::Transposed) => "transposed",
        (Lang::Zh, SlipKind::Transposed) => "转置",
        (Lang::En, SlipKind::ForgotHalf) => "dropped ½",
        (Lang::Zh, SlipKind::ForgotHalf) => "漏了 ½",
        (Lang::En, SlipKind::ExtraHalf) => "extra ½",
        (Lang::Zh, SlipKind::ExtraHalf) => "多了 ½",
        (Lang::En, SlipKind::ForgotMean) => "forgot 1/m",
        (Lang::Zh, SlipKind::ForgotMean) => "漏了 1/m",
        (Lang::En, SlipKind::ExtraMean) => "extra 1/m",
        (Lang::Zh, SlipKind::ExtraMean) => "多了 1/m",
        (Lang::En, SlipKind::ZForA) => "z for a",
        (Lang::Zh, SlipKind::ZForA) => "把 a 用成 z",
        (Lang::En, SlipKind::ForgotDerivative) => "missing σ′",
        (Lang::Zh, SlipKind::ForgotDerivative) => "漏了 σ′",
    }
}

/// The slips of a tally, most frequent first: `sign 2, forgot 1/m 1`.
#[must_use]
pub fn slips(lang: Lang, t: &QuestionTally) -> String {
    let sep = if lang == Lang::Zh { "，" } else { ", " };
    if t.slips.is_empty() {
        return class_words(lang).none_yet.to_string();
    }
    (t.slips.iter())
        .map(|(s, n)| format!("{} {n}", slip_kind(lang, *s)))
        .collect::<Vec<_>>()
        .join(sep)
}

/// One question's tally on one line, named by its ids (see
/// [`super::class_tally::tally_line`] for its text).
#[must_use]
pub fn tally_line(lang: Lang, t: &QuestionTally) -> String {
    tally_line_as(lang, &format!("{}/{}", t.step, t.question), t)
}

/// One question's tally on one line, named `label`.
#[must_use]
pub fn tally_line_as(lang: Lang, label: &str, t: &QuestionTally) -> String {
    let median = t.median_secs.map(|s| format!("{s:.0}"));
    let sl = slips(lang, t);
    match lang {
        Lang::En => format!(
            "{label}: answered {}/{} · right {} · close {} · wrong {} · slips: {sl}{}",
            t.answered,
            t.of,
            t.right,
            t.close,
            t.wrong,
            median.map_or(String::new(), |m| format!(" · median {m} s"))
        ),
        Lang::Zh => format!(
            "{label}：已答 {}/{} · 对 {} · 接近 {} · 错 {} · 失误：{sl}{}",
            t.answered,
            t.of,
            t.right,
            t.close,
            t.wrong,
            median.map_or(String::new(), |m| format!(" · 用时中位数 {m} 秒"))
        ),
    }
}

/// The header count of learners.
#[must_use]
pub fn learners(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En if n == 1 => "1 learner".into(),
        Lang::En => format!("{n} learners"),
        Lang::Zh => format!("{n} 名学员"),
    }
}

/// A learner joined or left; `n` are in the class now.
#[must_use]
pub fn joined(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("A learner joined ({} in class).", learners(lang, n)),
        Lang::Zh => format!("一名学员加入（现有 {}）。", learners(lang, n)),
    }
}

#[must_use]
pub fn left(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("A learner left ({} in class).", learners(lang, n)),
        Lang::Zh => format!("一名学员离开（现有 {}）。", learners(lang, n)),
    }
}

/// An answer arrived for a question.
#[must_use]
pub fn answered(lang: Lang, step: &str, question: &str) -> String {
    match lang {
        Lang::En => format!("An answer to {step}/{question} arrived."),
        Lang::Zh => format!("收到 {step}/{question} 的一个答案。"),
    }
}

/// A connection was dropped.
#[must_use]
pub fn dropped(lang: Lang, reason: &str) -> String {
    match lang {
        Lang::En => format!("A connection was dropped ({reason})."),
        Lang::Zh => format!("断开了一个连接（{reason}）。"),
    }
}

/// What the instructor is told of a notice from the class, in both front
/// ends; `None` for one that only moves a count (a step marked done).
#[must_use]
pub fn notice(lang: Lang, n: &crate::class::server::Notice) -> Option<String> {
    use crate::class::server::Notice;
    Some(match n {
        Notice::Joined { learners } => joined(lang, *learners),
        Notice::Left { learners } => left(lang, *learners),
        Notice::Answered { step, question } => answered(lang, step, question),
        Notice::WrongCode => class_words(lang).wrong_code_notice.to_string(),
        Notice::Dropped { reason } => dropped(lang, reason),
        Notice::TallyNotKept { reason } => super::class_follow::tally_not_kept(lang, reason),
        Notice::Done { .. } => return None,
    })
}

/// A learner marked a held step done.
#[must_use]
pub fn marked(lang: Lang, working: usize) -> String {
    match lang {
        Lang::En => format!("A learner marked the step done ({working} still working)."),
        Lang::Zh => format!("一名学员标记完成（还有 {working} 人在做）。"),
    }
}

/// The instructor's class line after `start`.
#[must_use]
pub fn started(lang: Lang, class: &str, path: &str, code: &str, join: &str) -> String {
    match lang {
        Lang::En => format!(
            "Class {class} is open at {path}\nJoin code: {code}\nLearners join with: nnstep class join {join} --code {code}"
        ),
        Lang::Zh => format!(
            "课堂 {class} 已开放：{path}\n加入码：{code}\n学员加入：nnstep class join {join} --code {code}"
        ),
    }
}

/// Joined a class.
#[must_use]
pub fn joined_class(lang: Lang, class: &str) -> String {
    match lang {
        Lang::En => format!("Joined class {class}; following the instructor."),
        Lang::Zh => format!("已加入课堂 {class}，正在跟随讲师。"),
    }
}

/// The instructor's run, as a learner sees it.
#[must_use]
pub fn run_state(lang: Lang, epoch: u32, playing: bool) -> String {
    let w = class_words(lang);
    let p = if playing { w.playing } else { w.paused };
    match lang {
        Lang::En => format!("Instructor's run: epoch {epoch}, {p}."),
        Lang::Zh => format!("讲师的训练：第 {epoch} 轮，{p}。"),
    }
}

/// The learner count while holding a step.
#[must_use]
pub fn working(lang: Lang, working: usize, of: usize) -> String {
    match lang {
        Lang::En => format!("Still working: {working} of {of}."),
        Lang::Zh => format!("仍在做：{of} 人中的 {working} 人。"),
    }
}

/// The report was written.
#[must_use]
pub fn report_written(lang: Lang, csv: &str, md: &str) -> String {
    match lang {
        Lang::En => format!("Report written: {csv} and {md}"),
        Lang::Zh => format!("报告已写入：{csv} 与 {md}"),
    }
}

/// Counts of refused and dropped connections.
#[must_use]
pub fn refusals(lang: Lang, s: &Snapshot) -> String {
    match lang {
        Lang::En => format!(
            "Refused: {} wrong code, {} while full; dropped: {}.",
            s.wrong_codes, s.refused_full, s.dropped
        ),
        Lang::Zh => format!(
            "拒绝：加入码错误 {} 次，满员 {} 次；断开：{} 次。",
            s.wrong_codes, s.refused_full, s.dropped
        ),
    }
}

/// The status of a class as lines of text; its questions named by their
/// text where `lesson` has them.
#[must_use]
pub fn status_lines(lang: Lang, s: &Snapshot, lesson: Option<&Lesson>) -> Vec<String> {
    let w = class_words(lang);
    let away = s.learners.iter().filter(|l| l.away).count();
    let mut out = vec![match lang {
        Lang::En => format!(
            "Class {} · lesson {} · step {} · {} ({away} away)",
            s.class,
            s.lesson,
            s.state.step + 1,
            learners(lang, s.learners.len())
        ),
        Lang::Zh => format!(
            "课堂 {} · 课程 {} · 第 {} 步 · {}（{away} 人离开）",
            s.class,
            s.lesson,
            s.state.step + 1,
            learners(lang, s.learners.len())
        ),
    }];
    let names: Vec<&str> = s
        .learners
        .iter()
        .filter_map(|l| l.name.as_deref())
        .collect();
    if !names.is_empty() {
        out.push(names.join(if lang == Lang::Zh { "、" } else { ", " }));
    }
    if s.state.hold {
        out.push(working(lang, s.working(), s.learners.len()));
    }
    if s.questions.is_empty() {
        out.push(w.no_questions.to_string());
    }
    out.extend(super::class_tally::status_rows(lesson, lang, &s.questions));
    out.push(refusals(lang, s));
    out
}

/// The Markdown summary of a class: questions ranked by how many
/// struggled (named by their text where `lesson` has them), then the most
/// common slips over the lesson.
#[must_use]
pub fn report_markdown(lang: Lang, s: &Snapshot, lesson: Option<&Lesson>) -> String {
    let w = class_words(lang);
    let mut out = format!("# {} — {} ({})\n\n", w.report_title, s.class, s.lesson);
    out.push_str(&format!("## {}\n\n", w.most_struggled));
    let mut qs: Vec<&QuestionTally> = s.questions.iter().collect();
    qs.sort_by_key(|q| std::cmp::Reverse(q.struggled()));
    if qs.is_empty() {
        out.push_str(&format!("{}\n", w.no_questions));
    }
    for (i, q) in qs.iter().enumerate() {
        let line = super::class_tally::ranked_line(lesson, lang, q);
        out.push_str(&format!("{}. {line}\n", i + 1));
    }
    let mut all: std::collections::BTreeMap<SlipKind, usize> = Default::default();
    for q in &s.questions {
        for (k, n) in &q.slips {
            *all.entry(*k).or_default() += n;
        }
    }
    let mut all: Vec<(SlipKind, usize)> = all.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out.push_str(&format!("\n## {}\n\n", w.common_slips));
    if all.is_empty() {
        out.push_str(&format!("{}\n", w.none_yet));
    }
    for (k, n) in all {
        out.push_str(&format!("- {}: {n}\n", slip_kind(lang, k)));
    }
    out
}

/// What a class key or a class event did, for the top bar's last action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassDone {
    /// A key that would step away, refused while the class is locked.
    LockedRefusal,
    /// Back at the instructor's place (F).
    Rejoined,
    /// Followed the instructor to step n (1-based).
    Followed(usize),
    MarkedDone,
    NotHeld,
    AlreadyDone,
    LockedNow,
    FreedNow,
    HeldNow,
    /// The instructor showed the class's answers (the panel opens).
    Revealed,
    /// The lock brought an away learner back.
    CalledBack,
    Waiting,
    Joined,
    Ended,
    /// The instructor's own keys.
    Locked,
    Freed,
    Holding,
    Released,
    RevealSent,
    /// X once: X again ends the class.
    EndAsk,
    /// q or Esc once on the instructor's screen: again ends the class.
    QuitAsk,
    /// q or Esc once on a learner's screen: again leaves the class.
    LeaveAsk,
    PanelShown,
    PanelHidden,
}

/// A [`ClassDone`] in words.
#[must_use]
pub fn class_done(lang: Lang, d: &ClassDone) -> String {
    let w = class_words(lang);
    let zh = lang == Lang::Zh;
    let s: &str = match d {
        ClassDone::LockedRefusal => w.locked_tui,
        ClassDone::Rejoined => w.back_following,
        ClassDone::Followed(n) if zh => return format!("跟随讲师到第 {n} 步"),
        ClassDone::Followed(n) => return format!("followed the instructor to step {n}"),
        ClassDone::MarkedDone => w.marked_done,
        ClassDone::NotHeld => w.not_held_tui,
        ClassDone::AlreadyDone if zh => "这一步已标记完成。",
        ClassDone::AlreadyDone => "Already marked done.",
        ClassDone::LockedNow => w.locked_now,
        ClassDone::FreedNow => w.freed_tui,
        ClassDone::HeldNow => w.hold_tui,
        ClassDone::Revealed => w.reveal_head,
        ClassDone::CalledBack if zh => "讲师锁定了课堂，已带你回到讲师所在的位置。",
        ClassDone::CalledBack => "The instructor locked the class: back at their place.",
        ClassDone::Waiting => w.waiting,
        ClassDone::Joined if zh => "已加入课堂，正在跟随讲师。",
        ClassDone::Joined => "Joined the class; following the instructor.",
        ClassDone::Ended => w.ended,
        ClassDone::Locked => w.locked_ack,
        ClassDone::Freed => w.freed_ack,
        ClassDone::Holding => w.hold_ack,
        ClassDone::Released if zh => "不再停留：学员无需标记完成。",
        ClassDone::Released => "Hold released.",
        ClassDone::RevealSent => w.reveal_ack,
        ClassDone::EndAsk if zh => "再按一次 X 结束课堂",
        ClassDone::EndAsk => "press X again to end the class",
        ClassDone::QuitAsk if zh => "再按一次 q 或 Esc 结束课堂并退出",
        ClassDone::QuitAsk => "q or Esc again ends the class and quits",
        ClassDone::LeaveAsk if zh => "再按一次 q 或 Esc 离开课堂",
        ClassDone::LeaveAsk => "q or Esc again leaves the class",
        ClassDone::PanelShown if zh => "课堂面板已打开",
        ClassDone::PanelShown => "class panel shown",
        ClassDone::PanelHidden if zh => "课堂面板已关闭",
        ClassDone::PanelHidden => "class panel hidden",
    };
    s.to_string()
}

/// The instructor's top-bar segment: learners connected (and away),
/// locked, holding.
#[must_use]
pub fn teacher_header(
    lang: Lang,
    learners_n: usize,
    away: usize,
    locked: bool,
    hold: bool,
) -> String {
    let mut s = learners(lang, learners_n);
    match lang {
        Lang::En if away > 0 => s.push_str(&format!(", {away} away")),
        Lang::Zh if away > 0 => s.push_str(&format!("，{away} 人离开")),
        _ => {}
    }
    let flag = |en: &'static str, zh: &'static str| if lang == Lang::Zh { zh } else { en };
    if locked {
        s.push_str(&format!(" · {}", flag("locked", "已锁定")));
    }
    if hold {
        s.push_str(&format!(" · {}", flag("holding", "停留中")));
    }
    s
}

/// The learner's top-bar segment.
#[must_use]
pub fn learner_header(
    lang: Lang,
    standing: crate::class::follow::Standing,
    locked: bool,
    held: bool,
) -> String {
    use crate::class::follow::Standing;
    let w = class_words(lang);
    let zh = lang == Lang::Zh;
    let mut s = match standing {
        Standing::Following => w.following.to_string(),
        Standing::Away => w.away.to_string(),
        Standing::Waiting => w.waiting_header.to_string(),
        Standing::Ended => w.ended_header.to_string(),
    };
    if standing == Standing::Following && locked {
        s.push_str(if zh { "（已锁定）" } else { " (locked)" });
    }
    if held && matches!(standing, Standing::Following | Standing::Away) {
        s.push_str(if zh {
            " · 完成后按 D"
        } else {
            " · D when done"
        });
    }
    s
}

/// The panel's first line.
#[must_use]
pub fn panel_class_line(lang: Lang, s: &Snapshot) -> String {
    let away = s.learners.iter().filter(|l| l.away).count();
    let mut line = teacher_header(lang, s.learners.len(), away, s.state.locked, s.state.hold);
    if s.state.hold {
        line.push_str(" · ");
        line.push_str(&working(lang, s.working(), s.learners.len()));
    }
    line
}

/// A question's counts for the panel: `answered 2/3 · right 1 · close 0 · wrong 1`.
#[must_use]
pub fn panel_counts(lang: Lang, t: &QuestionTally) -> String {
    match lang {
        Lang::En => format!(
            "answered {}/{} · right {} · close {} · wrong {}",
            t.answered, t.of, t.right, t.close, t.wrong
        ),
        Lang::Zh => format!(
            "已答 {}/{} · 对 {} · 接近 {} · 错 {}",
            t.answered, t.of, t.right, t.close, t.wrong
        ),
    }
}

/// A question's top slips (at most three) and median time for the panel.
#[must_use]
pub fn panel_slips(lang: Lang, t: &QuestionTally) -> String {
    let top = QuestionTally {
        slips: t.slips.iter().take(3).copied().collect(),
        ..t.clone()
    };
    let sl = slips(lang, &top);
    let median = t.median_secs.map(|s| format!("{s:.0}"));
    match lang {
        Lang::En => format!(
            "slips: {sl}{}",
            median.map_or(String::new(), |m| format!(" · median {m} s"))
        ),
        Lang::Zh => format!(
            "失误：{sl}{}",
            median.map_or(String::new(), |m| format!(" · 用时中位数 {m} 秒"))
        ),
    }
}

/// The join code and command on the instructor's panel.
#[must_use]
pub fn panel_join(lang: Lang, code: &str, join: &str) -> String {
    match lang {
        Lang::En => format!("Code {code} · nnstep class join {join} --code {code}"),
        Lang::Zh => format!("加入码 {code} · nnstep class join {join} --code {code}"),
    }
}

/// The panel's line naming the step its questions are from.
#[must_use]
pub fn panel_step(lang: Lang, n: usize, title: &str) -> String {
    match lang {
        Lang::En => format!("Step {n}: {title}"),
        Lang::Zh => format!("第 {n} 步：{title}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slip_kind_has_words_in_both_languages() {
        for k in SlipKind::ALL {
            assert!(!slip_kind(Lang::En, k).is_empty());
            assert!(!slip_kind(Lang::Zh, k).is_empty());
            assert_ne!(slip_kind(Lang::En, k), slip_kind(Lang::Zh, k));
        }
    }

    #[test]
    fn a_tally_line_names_counts_and_slips() {
        let t = QuestionTally {
            step: "s".into(),
            question: "q".into(),
            answered: 2,
            of: 3,
            right: 1,
            close: 0,
            wrong: 1,
            slips: vec![(SlipKind::Sign, 1)],
            median_secs: Some(15.0),
        };
        assert_eq!(
            tally_line(Lang::En, &t),
            "s/q: answered 2/3 · right 1 · close 0 · wrong 1 · slips: sign 1 · median 15 s"
        );
        assert!(tally_line(Lang::Zh, &t).contains("失误：符号 1"));
    }
}

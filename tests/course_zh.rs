//! Chinese typesetting of the built-in course, checked on what a learner
//! reads: every lesson printed by the plain runner in Chinese at 40, 60 and
//! 80 columns, and every Chinese text of every lesson (hints included, which
//! the plain runner prints only on request) as the prose markup joins it.
//!
//! - No space before or after full-width punctuation, and none between two
//!   Chinese characters (where a YAML line was folded).
//! - No line starts with closing punctuation (`，。、；：？！）》」`) or ends
//!   with opening punctuation (`（《「`): the line-breaking rules of CJK text.
//! - An inline formula is never split across lines of prose.

#![allow(clippy::unwrap_used)]

use nnstep::formula::{Glyphs, render_inline};
use nnstep::lesson::markup::{self, Block, Inline};
use nnstep::lesson::{Catalog, Lang, Lesson, QuestionKind, StepKind, Text};
use nnstep::plain::runner::{Options, run};
use nnstep::session::Session;
use nnstep::text::wrap;
use unicode_width::UnicodeWidthStr;

const WIDTHS: [usize; 3] = [40, 60, 80];

/// Full-width punctuation: it carries its own spacing.
const FULL_WIDTH_PUNCT: &str = "，。、；：？！（）《》「」『』【】";
const NO_LINE_START: &str = "，。、；：？！）》」』】";
const NO_LINE_END: &str = "（《「『【";

fn lessons() -> Vec<Lesson> {
    Catalog::builtin()
        .entries()
        .iter()
        .map(|e| e.load().unwrap())
        .collect()
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// The lesson with every run cut to one epoch: the words are the same and
/// the plain runner finishes at once.
fn quick(mut l: Lesson) -> Lesson {
    for s in &mut l.steps {
        match &mut s.kind {
            StepKind::Train(t) => t.spec.epochs = 1,
            StepKind::Compare(c) => c.runs.iter_mut().for_each(|r| r.spec.epochs = 1),
            _ => {}
        }
    }
    l
}

fn plain_zh(l: &Lesson, width: usize) -> String {
    let mut s = Session::new(l.clone());
    let mut out = Vec::new();
    let opts = Options {
        lang: Lang::Zh,
        width,
        ascii: false,
    };
    run(&mut s, &mut std::io::empty(), &mut out, opts).unwrap();
    String::from_utf8(out).unwrap()
}

/// Every bilingual text of a lesson, with where it is.
fn texts(l: &Lesson) -> Vec<(String, Text)> {
    let mut t = vec![
        ("title".to_string(), l.title.clone()),
        ("summary".to_string(), l.summary.clone()),
    ];
    for s in &l.steps {
        let at = |what: &str| format!("{}: {what}", s.id);
        t.push((at("title"), s.title.clone()));
        t.extend(s.note.iter().map(|n| (at("note"), n.clone())));
        match &s.kind {
            StepKind::Text(x) => t.push((at("text"), x.clone())),
            StepKind::Formula { caption, .. } => {
                t.extend(caption.iter().map(|c| (at("caption"), c.clone())));
            }
            StepKind::Matrix(m) => t.extend(m.caption.iter().map(|c| (at("caption"), c.clone()))),
            StepKind::Table(tb) => {
                t.extend(tb.header.iter().map(|h| (at("header"), h.clone())));
                for row in &tb.rows {
                    t.extend(row.iter().map(|c| (at("cell"), c.clone())));
                }
            }
            StepKind::Compare(c) => {
                t.extend(c.runs.iter().map(|r| (at("run name"), r.name.clone())));
            }
            StepKind::Landscape(l) => {
                t.extend(l.runs.iter().map(|r| (at("run name"), r.name.clone())));
            }
            StepKind::Train(_) | StepKind::Capacity(_) | StepKind::Plot(_) => {}
            StepKind::Quiz(qs) => {
                for q in qs {
                    let at = |what: &str| at(&format!("{} {what}", q.id));
                    t.push((at("ask"), q.ask.clone()));
                    t.extend(q.hints.iter().map(|h| (at("hint"), h.clone())));
                    t.extend(q.explain.iter().map(|e| (at("explain"), e.clone())));
                    if let QuestionKind::Choice { options, .. }
                    | QuestionKind::Choices { options, .. } = &q.kind
                    {
                        t.extend(options.iter().map(|o| (at("option"), o.clone())));
                    }
                }
            }
        }
    }
    t
}

/// The prose of a text as the markup joins it, one string per block, and
/// its inline formulas.
fn blocks(text: &str) -> (Vec<String>, Vec<String>) {
    let mut prose = Vec::new();
    let mut math = Vec::new();
    for b in markup::parse(text) {
        let runs = match b {
            Block::Paragraph(r) | Block::Bullet(r) => r,
        };
        let mut s = String::new();
        for r in runs {
            match r {
                Inline::Math(m) => {
                    let drawn = render_inline(&m, Glyphs::Unicode);
                    s.push_str(&drawn);
                    math.push(drawn);
                }
                Inline::Plain(x) | Inline::Emphasis(x) | Inline::Code(x) => s.push_str(&x),
            }
        }
        prose.push(s);
    }
    (prose, math)
}

/// Spacing faults in one joined block: a space next to full-width
/// punctuation, or between two Chinese characters.
fn spacing_faults(s: &str) -> Vec<String> {
    let c: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    for i in 0..c.len() {
        if c[i] != ' ' {
            continue;
        }
        let before = i.checked_sub(1).map(|j| c[j]);
        let after = c.get(i + 1).copied();
        let punct = |x: Option<char>| x.is_some_and(|x| FULL_WIDTH_PUNCT.contains(x));
        let han = |x: Option<char>| x.is_some_and(is_han);
        if punct(before) || punct(after) || (han(before) && han(after)) {
            let from = i.saturating_sub(6);
            let to = (i + 7).min(c.len());
            out.push(format!("«{}»", c[from..to].iter().collect::<String>()));
        }
    }
    out
}

/// Line-breaking faults in printed lines.
fn break_faults(lines: &[&str]) -> Vec<String> {
    lines
        .iter()
        .filter(|l| {
            let t = l.trim();
            t.chars().next().is_some_and(|c| NO_LINE_START.contains(c))
                || t.chars().last().is_some_and(|c| NO_LINE_END.contains(c))
        })
        .map(|l| format!("«{l}»"))
        .collect()
}

#[test]
fn chinese_texts_have_no_space_at_full_width_punctuation_or_between_characters() {
    let mut faults = Vec::new();
    for l in lessons() {
        for (at, t) in texts(&l) {
            for b in blocks(&t.zh).0 {
                for f in spacing_faults(&b) {
                    faults.push(format!("{} {at}: {f}", l.id));
                }
            }
        }
    }
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn chinese_plain_output_follows_the_line_breaking_rules_at_40_60_and_80_columns() {
    let all: Vec<Lesson> = lessons().into_iter().map(quick).collect();
    let mut faults = Vec::new();
    for l in &all {
        for w in WIDTHS {
            let out = plain_zh(l, w);
            let lines: Vec<&str> = out.lines().collect();
            for f in break_faults(&lines) {
                faults.push(format!("{} at {w}: {f}", l.id));
            }
            // The wrapped prose keeps to the width (formulas, tables and
            // matrices are drawn by their own code and checked elsewhere).
            for (at, t) in texts(l) {
                let (prose, math) = blocks(&t.zh);
                for b in &prose {
                    let wrapped = wrap(b, w, "", "");
                    let refs: Vec<&str> = wrapped.iter().map(String::as_str).collect();
                    for f in break_faults(&refs) {
                        faults.push(format!("{} {at} at {w}: {f}", l.id));
                    }
                }
                // A formula that fits a line is printed whole on one line.
                for m in math {
                    let fits = UnicodeWidthStr::width(m.as_str()) + 4 <= w;
                    // Hints are printed only when asked for.
                    if fits && !at.ends_with("hint") && !out.contains(&m) {
                        faults.push(format!("{} {at} at {w}: formula «{m}» split", l.id));
                    }
                }
            }
        }
    }
    assert!(
        faults.is_empty(),
        "{} faults:\n{}",
        faults.len(),
        faults.join("\n")
    );
}

#[test]
fn the_checks_catch_what_they_are_for() {
    assert_eq!(spacing_faults("梯度 下降").len(), 1);
    assert_eq!(spacing_faults("损失， 然后").len(), 1);
    assert_eq!(spacing_faults("89.9% 、").len(), 1);
    assert!(spacing_faults("有 1000 套房子，η = 0.5").is_empty());
    assert_eq!(break_faults(&["，开头", "结尾（", "正常"]).len(), 2);
}
